#include <stdio.h>
int main(void) { long long n; if (scanf("%lld", &n) != 1) return 1; printf("%lld %lld %lld\n", n, 0LL, 0LL); return 0; }
