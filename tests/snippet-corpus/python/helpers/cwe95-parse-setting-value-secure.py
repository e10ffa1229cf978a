# corpus: label=secure cwe=CWE-95 function=parse_settings
import ast


def parse_settings(text):
    """Parse `key = value` lines where value is a Python literal (number, list, bool, str)."""
    settings = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            raise ValueError(f"line {lineno}: expected key = value")
        key, value = (part.strip() for part in line.split("=", 1))
        try:
            settings[key] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            settings[key] = value  # fall back to the raw string
    return settings
