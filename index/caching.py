"""A small thread-safe LRU cache that computes its missing values in one batch."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BatchCache(Generic[K, V]):
    """Values by key, the missing ones computed in one batch; least recently used dropped.

    Thread-safe; two threads may compute the same missing value at once (to the same result).
    """

    def __init__(self, size: int) -> None:
        """Hold at most `size` values."""
        self.size = size
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """Return how many values are held."""
        return len(self._values)

    def get(self, keys: list[K], compute: Callable[[list[K]], Iterable[V]]) -> list[V]:
        """Return the value of each key, calling `compute` once for the keys not held."""
        with self._lock:
            held = {k: self._values[k] for k in keys if k in self._values}
        missing = [k for k in dict.fromkeys(keys) if k not in held]
        fresh = dict(zip(missing, compute(missing), strict=True)) if missing else {}
        found = {**held, **fresh}
        with self._lock:
            self._values.update(found)
            for key in found:
                self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return [found[k] for k in keys]
