// Kattis output validator: two non-negative integers summing to n.
#include "validate.h"
#include <iostream>
#include <fstream>
int main(int argc, char **argv)
{
	if (argc < 4) return 1;
	std::ifstream in(argv[1]);
	long long n, a, b;
	in >> n;
	if (!(std::cin >> a >> b)) { feedback(argv[3], "expected two integers"); return WA; }
	std::string extra;
	if (std::cin >> extra) { feedback(argv[3], "trailing output"); return WA; }
	if (a < 0 || b < 0 || a + b != n) { feedback(argv[3], "wrong sum"); return WA; }
	return AC;
}
