def parse_age(text):
    text = text.strip()
    if not text.isdigit():
        return "Error: Invalid input"
    value = int(text)
    return value if value <= 150 else "Error: Invalid input"
