/* The program both test images compile: small, so the images' size is the toolchain's or the base's. */
#include <stdio.h>

int main(void)
{
    puts("hello from a Stagecraft test image");
    return 0;
}
