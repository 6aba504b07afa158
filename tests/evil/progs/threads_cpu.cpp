// threads_cpu: four std::threads spin. Expected: time_limit.
#include <atomic>
#include <thread>
#include <vector>

static std::atomic<unsigned long> counter;

int main()
{
	std::vector<std::thread> ts;
	for (int i = 0; i < 4; i++)
		ts.emplace_back([] { for (;;) counter.fetch_add(1, std::memory_order_relaxed); });
	for (auto &t : ts)
		t.join();
}
