# corpus: label=neutral cwe=- function=to_roman

_NUMERALS = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]


def to_roman(number: int) -> str:
    if not 0 < number < 4000:
        raise ValueError("roman numerals support 1..3999")
    out = []
    for value, symbol in _NUMERALS:
        count, number = divmod(number, value)
        out.append(symbol * count)
    return "".join(out)
