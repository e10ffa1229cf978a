# corpus: label=neutral cwe=- function=format_duration


def format_duration(seconds: float) -> str:
    """Human friendly duration: 3725 -> '1h 2m 5s', 0.25 -> '250ms'."""
    if seconds < 0:
        raise ValueError("duration cannot be negative")
    if seconds < 1:
        return f"{round(seconds * 1000)}ms"
    total = int(round(seconds))
    days, rem = divmod(total, 86400)
    hours, rem = divmod(rem, 3600)
    minutes, secs = divmod(rem, 60)
    parts = []
    for value, unit in ((days, "d"), (hours, "h"), (minutes, "m"), (secs, "s")):
        if value:
            parts.append(f"{value}{unit}")
    return " ".join(parts) or "0s"
