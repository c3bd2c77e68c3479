"""Time-limited patterns: a catastrophic pattern in a user's rule file, or a pathological
draft, must not hang a run.

Every compiled pattern a rule holds is wrapped (`guard`) so that each call passes the `regex`
module's `timeout` (`time_limit` sets it). When a call runs out, the module raises
TimeoutError inside the rule; the linter reports that rule as timed out for that file and goes
on with the others.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any

import regex

_local = threading.local()


# --- module-level patterns, kept compiled in the rule cache ------------------------------------
#
# Parsing a pattern is the slow part of compiling it (the `regex` module parses in Python), and
# the modules of rule kinds and analyses compile some fifty patterns as they are imported: a
# tenth of a one-article run. `compiled` is `regex.compile` for those patterns; `preload`
# fills it, before those modules are imported, from a rule-cache entry (attrlint.engine.cache:
# its own checks, and unpickling restores the compiled code without parsing); `save` writes the
# entry when a pattern had to be compiled. The entry's key covers attrlint's modules, so an
# edited pattern is compiled afresh.
_COMPILED: dict[tuple[str | bytes, int], regex.Pattern] = {}
_UNSAVED = False  # a pattern was compiled that the cache entry does not hold


def compiled(pattern: str | bytes, flags: int = 0) -> regex.Pattern:
    """`regex.compile(pattern, flags)` for a pattern compiled as a module is imported."""
    global _UNSAVED
    found = _COMPILED.get((pattern, flags))
    if found is None:
        found = _COMPILED[(pattern, flags)] = regex.compile(pattern, flags)
        _UNSAVED = True
    return found


def _store_key() -> str | None:
    from attrlint.engine import cache

    return cache.key_for([], "module patterns")


def preload() -> None:
    """Take the module-level patterns from the rule cache, when it holds them."""
    from attrlint.engine import cache

    key = _store_key()
    found = cache.load(key, dict, suffix=".patterns") if key else None
    if not found:
        return
    for k, v in found.items():
        # Only what this code compiles: a pair of pattern and flags, and a compiled pattern.
        if isinstance(k, tuple) and len(k) == 2 and isinstance(v, regex.Pattern) and (v.pattern, v.flags & k[1]) == k:
            _COMPILED.setdefault(k, v)


def save() -> None:
    """Write the module-level patterns to the rule cache when one was compiled in this run."""
    global _UNSAVED
    if not _UNSAVED:
        return
    from attrlint.engine import cache

    key = _store_key()
    if key:
        cache.store(key, dict(_COMPILED), suffix=".patterns")
    _UNSAVED = False


def _remaining() -> float | None:
    return getattr(_local, "limit", None)


@contextmanager
def time_limit(seconds: float | None):
    """Let each pattern call inside this block run at most `seconds` (None: no limit).

    The limit is per call, not a budget for the block: a rule that is merely busy on a very
    long draft is not cut off, while one pattern stuck in runaway backtracking is."""
    previous = getattr(_local, "limit", None)
    _local.limit = seconds
    try:
        yield
    finally:
        _local.limit = previous


class TimedPattern:
    """A compiled `regex` pattern whose every call runs under the current deadline."""

    __slots__ = ("_p",)

    def __init__(self, pattern: regex.Pattern):
        # Any: the calls below pass `timeout`, which the regex stubs' overloads leave out.
        self._p: Any = pattern

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


class AnyOf:
    """Several patterns searched as one alternation would be (the leftmost match wins; at one
    position, the earlier pattern), but each compiled on its own: with many alternatives and
    look-arounds, the `regex` module runs separate patterns markedly faster than one."""

    def __init__(self, patterns: list):
        self.patterns = patterns

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        best = None
        end = len(text) if endpos is None else endpos
        for p in self.patterns:
            m = p.search(text, pos, end)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        for p in self.patterns:
            m = p.fullmatch(text, pos, len(text) if endpos is None else endpos)
            if m is not None:
                return m
        return None
