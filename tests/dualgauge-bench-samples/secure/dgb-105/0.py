def parse_age(text):
    if not isinstance(text, str) or not text.isdigit() or len(text) > 3:
        return "Error: Invalid input"
    value = int(text)
    return value if 0 <= value <= 150 else "Error: Invalid input"
