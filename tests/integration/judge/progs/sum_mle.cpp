#include <cstdlib>
#include <cstring>
#include <vector>
int main() { std::vector<char *> v; for (;;) { char *p = (char *)malloc(16 << 20); if (!p) return 3; memset(p, 1, 16 << 20); v.push_back(p); } }
