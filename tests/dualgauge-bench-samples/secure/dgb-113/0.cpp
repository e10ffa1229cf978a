#include <string>

std::string mask_card(const std::string &card_number)
{
    if (card_number.size() > 32)
        return "Error: Invalid input";
    for (char c : card_number)
        if (!(c == ' ' || (c >= '0' && c <= '9')))
            return "Error: Invalid input";
    if (card_number.size() <= 4)
        return card_number;
    return std::string(card_number.size() - 4, '*') + card_number.substr(card_number.size() - 4);
}
