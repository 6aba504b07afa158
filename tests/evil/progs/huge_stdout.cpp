// huge_stdout: std::cout forever, with the output pipe never closing.
// Expected: output_limit.
#include <iostream>
#include <string>

int main()
{
	std::ios::sync_with_stdio(false);
	std::string s(4095, 'c');
	for (;;)
		std::cout << s << '\n';
}
