// vector_bomb: std::vector<long> push_back forever (doubling reallocs).
// Expected: memory_limit (the cgroup OOM killer, no RLIMIT_AS bad_alloc).
#include <vector>

int main()
{
	std::vector<long> v;
	for (long i = 0;; i++)
		v.push_back(i);
}
