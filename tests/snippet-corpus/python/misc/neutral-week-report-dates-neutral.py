# corpus: label=neutral cwe=- function=iso_week_range
from datetime import date, timedelta


def iso_week_range(year: int, week: int):
    """Return (monday, sunday) for an ISO year/week, e.g. for timesheet headers."""
    monday = date.fromisocalendar(year, week, 1)
    return monday, monday + timedelta(days=6)


def week_label(year: int, week: int) -> str:
    start, end = iso_week_range(year, week)
    if start.month == end.month:
        return f"{start:%d}–{end:%d %b %Y}"
    return f"{start:%d %b}–{end:%d %b %Y}"


if __name__ == "__main__":
    today = date.today().isocalendar()
    print(week_label(today.year, today.week))
