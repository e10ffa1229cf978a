# corpus: label=neutral cwe=- function=add class=MovingAverage
from collections import deque


class MovingAverage:
    """Rolling mean over the last `window` sensor samples."""

    def __init__(self, window: int = 10):
        if window < 1:
            raise ValueError("window must be >= 1")
        self._values = deque(maxlen=window)
        self._sum = 0.0

    def add(self, value: float) -> float:
        if len(self._values) == self._values.maxlen:
            self._sum -= self._values[0]
        self._values.append(value)
        self._sum += value
        return self._sum / len(self._values)

    @property
    def ready(self) -> bool:
        return len(self._values) == self._values.maxlen
