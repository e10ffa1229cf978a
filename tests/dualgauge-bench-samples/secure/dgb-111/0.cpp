#include <iostream>

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::cerr << "usage: reverse ARG...\n";
        return 2;
    }
    for (int i = argc - 1; i >= 1; i--)
        std::cout << argv[i] << (i > 1 ? " " : "\n");
}
