// Template recursion without end: the compiler must stop (depth limit)
// or be stopped (time, memory), and the verdict is CE.
template <int N> struct A { static const int v = A<N + 1>::v + 1; };
int main() { return A<0>::v; }
