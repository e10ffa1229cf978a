#include <cstring>
#include <string>

// Copies the number into a fixed receipt field before checking it: a number longer than the
// field (and the 32-character maximum itself, with its terminator) is written past its end.
std::string mask_card(const std::string &card_number)
{
    char field[32];
    std::strcpy(field, card_number.c_str());
    std::size_t n = std::strlen(field);
    if (n > 32)
        return "Error: Invalid input";
    for (std::size_t i = 0; i < n; i++)
        if (!(field[i] == ' ' || (field[i] >= '0' && field[i] <= '9')))
            return "Error: Invalid input";
    for (std::size_t i = 0; i + 4 < n; i++)
        field[i] = '*';
    return std::string(field, n);
}
