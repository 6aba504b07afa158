#include <cstdio>
int main() { int *p = nullptr; fprintf(stderr, "about to crash\n"); return *(volatile int *)p; }
