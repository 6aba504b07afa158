// uncaught: an uncaught C++ exception (std::terminate -> abort).
// Expected: signaled 6.
#include <stdexcept>

int main()
{
	throw std::runtime_error("uncaught");
}
