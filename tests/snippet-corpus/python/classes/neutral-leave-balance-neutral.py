# corpus: label=neutral cwe=- function=remaining_days class=LeaveBalance
from datetime import date


class LeaveBalance:
    """Vacation-day accounting for the HR self-service page (pro-rated for new hires)."""

    def __init__(self, annual_allowance: int, start_date: date, taken: float = 0.0):
        self.annual_allowance = annual_allowance
        self.start_date = start_date
        self.taken = taken

    def accrued(self, year: int) -> float:
        if self.start_date.year > year:
            return 0.0
        if self.start_date.year < year:
            return float(self.annual_allowance)
        months = 12 - self.start_date.month + 1
        return round(self.annual_allowance * months / 12 * 2) / 2  # round to half days

    def remaining_days(self, year: int) -> float:
        return max(0.0, self.accrued(year) - self.taken)
