#include <stdio.h>
int main(void) { fprintf(stderr, "exiting with 3\n"); return 3; }
