# corpus: label=neutral cwe=- function=chunked
from itertools import islice
from typing import Iterable, Iterator, List, TypeVar

T = TypeVar("T")


def chunked(iterable: Iterable[T], size: int) -> Iterator[List[T]]:
    """Yield successive lists of `size` items (the last one may be shorter)."""
    if size <= 0:
        raise ValueError("size must be positive")
    it = iter(iterable)
    while True:
        batch = list(islice(it, size))
        if not batch:
            return
        yield batch
