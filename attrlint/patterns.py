"""Time-limited patterns: a catastrophic pattern in a user's rule file, or a pathological
draft, must not hang a run.

Every compiled pattern a rule holds is wrapped (`guard`) so that each call passes the `regex`
module's `timeout`, counted against a deadline the linter sets per rule and file
(`time_limit`). When the deadline passes, the module raises TimeoutError inside the rule; the
linter reports that rule as timed out for that file and goes on with the others.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

import regex

_local = threading.local()


def _remaining() -> float | None:
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("time limit reached")
    return left


@contextmanager
def time_limit(seconds: float | None):
    """Give the patterns run inside this block `seconds` in all (None: no limit)."""
    previous = getattr(_local, "deadline", None)
    _local.deadline = None if seconds is None else time.monotonic() + seconds
    try:
        yield
    finally:
        _local.deadline = previous


class TimedPattern:
    """A compiled `regex` pattern whose every call runs under the current deadline."""

    __slots__ = ("_p",)

    def __init__(self, pattern: regex.Pattern):
        self._p = pattern

    def search(self, *a, **k):
        return self._p.search(*a, timeout=_remaining(), **k)

    def match(self, *a, **k):
        return self._p.match(*a, timeout=_remaining(), **k)

    def fullmatch(self, *a, **k):
        return self._p.fullmatch(*a, timeout=_remaining(), **k)

    def finditer(self, *a, **k):
        return self._p.finditer(*a, timeout=_remaining(), **k)

    def findall(self, *a, **k):
        return self._p.findall(*a, timeout=_remaining(), **k)

    def sub(self, *a, **k):
        return self._p.sub(*a, timeout=_remaining(), **k)

    def subn(self, *a, **k):
        return self._p.subn(*a, timeout=_remaining(), **k)

    def split(self, *a, **k):
        return self._p.split(*a, timeout=_remaining(), **k)

    def __getattr__(self, name):
        return getattr(self._p, name)

    def __reduce__(self):
        return (TimedPattern, (self._p,))


def _wrap(value, depth: int):
    if isinstance(value, regex.Pattern):
        return TimedPattern(value)
    if depth <= 0:
        return value
    if isinstance(value, list):
        return [_wrap(v, depth - 1) for v in value]
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_wrap(v, depth - 1) for v in value)
    if isinstance(value, dict):
        return {k: _wrap(v, depth - 1) for k, v in value.items()}
    return value


def guard(obj) -> None:
    """Wrap the compiled patterns an object holds (in attributes, lists, tuples, dicts)."""
    for name, value in list(vars(obj).items()):
        wrapped = _wrap(value, 2)
        if wrapped is not value:
            setattr(obj, name, wrapped)
