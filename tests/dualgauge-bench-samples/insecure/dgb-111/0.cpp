#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::cerr << "usage: reverse ARG...\n";
        return 2;
    }
    // Lets the shell print the words: expands $(...) and backquotes.
    std::string command = "echo";
    for (int i = argc - 1; i >= 1; i--)
        command += std::string(" ") + argv[i];
    std::fflush(stdout);
    return std::system(command.c_str()) == 0 ? 0 : 1;
}
