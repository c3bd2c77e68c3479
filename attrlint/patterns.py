"""Time-limited patterns: a catastrophic pattern in a user's rule file, or a pathological
draft, must not hang a run.

Every compiled pattern a rule holds is wrapped (`guard`) so that each call passes the `regex`
module's `timeout` (`time_limit` sets it). When a call runs out, the module raises
TimeoutError inside the rule; the linter reports that rule as timed out for that file and goes
on with the others.
"""

from __future__ import annotations

import re
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
    look-arounds, the `regex` module runs separate patterns markedly faster than one. A
    pattern whose required words (`required_literals`) are all missing from the text is not
    run at all."""

    def __init__(self, patterns: list, ignore: str = ""):
        self.patterns = patterns
        # Each pattern's required words; `ignore` names a literal every searched text holds
        # (a marker put in by the caller), which the requirements then leave out.
        self.gates = Gates([literal_gate(p, ignore) for p in patterns])

    def _candidates(self, text: str):
        return [self.patterns[k] for k in self.gates.open(text)]

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        best = None
        end = len(text) if endpos is None else endpos
        for p in self._candidates(text):
            m = p.search(text, pos, end)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        for p in self._candidates(text):
            m = p.fullmatch(text, pos, len(text) if endpos is None else endpos)
            if m is not None:
                return m
        return None


def alternation_matches(patterns: list, text: str) -> list | None:
    """The matches `finditer` of the alternation of `patterns` (each compiled on its own, in
    the alternation's order) gives in `text`: from where the last match ended, the leftmost
    match of any of them, the earliest pattern's at one position. None when one is empty
    (the alternation's own stepping past an empty match then decides what follows)."""
    found: list = []
    pos = 0
    while True:
        best = None
        for p in patterns:
            m = p.search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return found
        if best.end() == best.start():
            return None
        found.append(best)
        pos = best.end()


# --- required literals: a cheap test that a pattern cannot match a text ------------------------
#
# A pattern such as `\b(?:must|needs?\s+to)\s+win` cannot match a text that holds neither "must"
# nor "need": `required_literals` reads that from the pattern's source (conservatively: anything
# it does not understand gives no requirement), and `may_match` tests it with substring look-ups
# on the lower-cased text, far cheaper than a search that tries the pattern at every position.
# Only ASCII characters of the pattern are read as literals; the test holds under simple case
# folding (the `regex` module's V0 IGNORECASE, or no folding), where the only characters other
# than ASCII letters that match an ASCII letter are these three, which switch the test off.
_FOLDS_TO_ASCII = ("\u0130", "\u017f", "\u212a")  # İ, ſ (long s), K (Kelvin sign)
_ESCAPED_LITERALS = frozenset(".^$*+?{}[]()|\\/-,:;'\"#&%@!<>=~` ")
_QUANTIFIER = re.compile(r"(?:[?*+]|\{(\d*)(,?)(\d*)\})[?+]?")
_GROUP_OPENING = re.compile(r"\?(?::|>|P?<(?![=!])\w+>|(<?[=!])|([a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)?)(:|\)))")
_SAFE_FLAGS = frozenset("aimsu-")  # not verbose, full case folding, a version, word boundaries, reverse


class _Unsupported(Exception):
    pass


class _Reader:
    """Reads a pattern's source into its requirement: a set of strings one of which every match
    holds (lower-cased), or None when it cannot tell."""

    def __init__(self, source: str):
        self.s = source
        self.i = 0

    def alternation(self) -> list[frozenset[str]]:
        branches = [self.sequence()]
        while self.i < len(self.s) and self.s[self.i] == "|":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        if not all(branches):
            return []
        # One of the branches matches: one string of any branch's most selective set.
        return [frozenset().union(*(_most_selective(b) for b in branches))]

    def sequence(self) -> list[frozenset[str]]:
        """What a run of atoms requires: every one of the sets (a string of each)."""
        options: list[frozenset[str]] = []
        run: list[str] = []

        def close_run() -> None:
            if run:
                options.append(frozenset(["".join(run)]))
                run.clear()

        while self.i < len(self.s) and self.s[self.i] not in "|)":
            char, need = self.atom()
            low, high = self.quantifier()
            if char is not None and low >= 1:
                run.append(char)
                if high != 1:
                    close_run()  # "s+" holds one "s", and what follows need not touch it
            else:
                close_run()
                if low >= 1:
                    options += need
        close_run()
        return options

    def quantifier(self) -> tuple[int, int]:
        """The least and most times (-1: any) the atom just read repeats."""
        m = _QUANTIFIER.match(self.s, self.i)
        if m is None or (m.group(0)[0] == "{" and not (m.group(1) or m.group(3))):
            if self.s.startswith("{", self.i):
                raise _Unsupported  # a brace that is no quantifier: a literal to the engine
            return 1, 1
        self.i = m.end()
        q = m.group(0)[0]
        if q in "?*":
            return 0, -1
        if q == "+":
            return 1, -1
        low = int(m.group(1) or 0)
        if not m.group(2):
            return low, low
        return low, int(m.group(3)) if m.group(3) else -1

    def atom(self) -> tuple[str | None, list[frozenset[str]]]:
        """(a literal character, lower-cased) or (None, what the atom requires)."""
        s, i = self.s, self.i
        c = s[i]
        if c == "\\":
            if i + 1 >= len(s):
                raise _Unsupported
            e = s[i + 1]
            self.i = i + 2
            if e in _ESCAPED_LITERALS:
                return e, []
            if e in "pPNL":
                close = {"{": "}", "<": ">"}.get(s[self.i : self.i + 1])
                if close is None:
                    if e in "pP":  # \pL: one letter
                        self.i += 1
                        return None, []
                    raise _Unsupported
                end = s.find(close, self.i)
                if end < 0:
                    raise _Unsupported
                self.i = end + 1
                return None, []
            if e in "bBsSwWdDmMAZG":
                return None, []
            raise _Unsupported  # numbers, hex and other escapes: not worth reading
        if c == "[":
            self.i = self._class_end(i)
            return None, []
        if c == "(":
            return None, self.group()
        if c in ".^$":
            self.i = i + 1
            return None, []
        if c in "*+?{":
            raise _Unsupported  # a quantifier with nothing before it
        self.i = i + 1
        if c.isascii() and c.isprintable():
            return c.lower(), []
        return None, []

    def _class_end(self, i: int) -> int:
        j = i + 1
        if j < len(self.s) and self.s[j] == "^":
            j += 1
        if j < len(self.s) and self.s[j] == "]":
            j += 1
        while j < len(self.s):
            ch = self.s[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "[":
                raise _Unsupported  # nested sets and POSIX classes
            if ch == "]":
                return j + 1
            j += 1
        raise _Unsupported

    def group(self) -> list[frozenset[str]]:
        s = self.s
        self.i += 1
        lookaround = False
        if s.startswith("?", self.i):
            m = _GROUP_OPENING.match(s, self.i)
            if m is None or (m.group(2) is not None and not _SAFE_FLAGS.issuperset(m.group(2))):
                raise _Unsupported
            self.i = m.end()
            if m.group(3) == ")":
                return []  # flags for the whole pattern: zero width
            lookaround = m.group(1) is not None
        need = self.alternation()
        if not s.startswith(")", self.i):
            raise _Unsupported
        self.i += 1
        return [] if lookaround else need


def _most_selective(sets: list[frozenset[str]]) -> frozenset[str]:
    """The set least likely to be found: the longest shortest string, then the fewest strings."""
    return max(sets, key=_selectivity)


def _selectivity(words: frozenset[str]) -> tuple[int, int]:
    return min(len(w) for w in words), -len(words)


def _shortest(words: frozenset[str]) -> frozenset[str]:
    """The strings of `words` that hold no other of them: a text holds one of these exactly
    when it holds one of `words` ("claim" for "claim", "claims", "claimed")."""
    kept: list[str] = []
    for w in sorted(words, key=len):
        if not any(k in w for k in kept):
            kept.append(w)
    return frozenset(kept)


# Sets of strings a match requires; a text must hold a string of each (see `passes`).
Need = tuple[frozenset[str], ...]


def required_literals(pattern: str, most: int = 3) -> Need | None:
    """Sets of lower-cased strings such that every match of `pattern` holds a string of each
    set (at most `most` sets, the most selective first), or None when the pattern's source
    does not tell."""
    try:
        reader = _Reader(pattern)
        need = reader.alternation()
        if reader.i != len(pattern):
            return None  # an unbalanced ")"
    except (_Unsupported, IndexError):
        return None
    sets = sorted(
        {_shortest(words) for words in need if "" not in words}, key=lambda w: (_selectivity(w), sorted(w)), reverse=True
    )
    return tuple(sets[:most]) or None


def literal_gate(pattern, ignore: str = "") -> Need | None:
    """The required literals of a compiled pattern (`regex`, or `re`), None when its flags
    fold case beyond simple folding or make its source read otherwise; `ignore`, a literal the
    caller knows every text holds, is read as matching anything."""
    if pattern.flags & (regex.FULLCASE | regex.VERBOSE | regex.V1 | regex.WORD | regex.REVERSE):
        return None
    source = pattern.pattern
    if not isinstance(source, str):
        return None
    return required_literals(source.replace(ignore, "(?:)") if ignore else source)


def gate_text(text: str) -> str | None:
    """`text` lower-cased for `passes`; None (every pattern may match) when it holds a
    character that folds to an ASCII letter."""
    if _FOLDS_TO_ASCII[0] in text or _FOLDS_TO_ASCII[1] in text or _FOLDS_TO_ASCII[2] in text:
        return None
    return text.lower()


def passes(need: Need | None, low: str | None) -> bool:
    """False only when no match is possible: the text (lower-cased by `gate_text` as `low`)
    holds no string of one of the sets of `need` (from `required_literals`)."""
    if need is None or low is None:
        return True
    # Plain loops: called for most sentences several times, where generators cost more than
    # the look-ups.
    for words in need:
        for w in words:
            if w in low:
                break
        else:
            return False
    return True


# Gates of at least this many words scan for them (Gates._compile_scan) once opened this often.
_SCAN_WORDS = 64
_SCAN_AFTER = 256


def trie_alternation(words, space: str | None = None) -> str:
    """A pattern for the `re` module matching the strings `words`, as their alternation would,
    but written as a trie: a position costs a step a character, not a test a word. At one
    position the longest word matches first, then shorter ones on backtracking (so a search
    finds a match wherever the alternation would; the span is the alternation's when the words
    are tried longest first and none is ambiguous). `space`, when given, is the pattern each
    space stands for (r"\\s+")."""
    trie: dict = {}
    for word in words:
        node = trie
        for c in word:
            node = node.setdefault(space if space is not None and c == " " else re.escape(c), {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    """The pattern of a trie (nested dicts by pattern unit, "" where a word ends): each branch
    is greedy, a word's end is the fallback."""
    branches = [unit + _trie_pattern(child) for unit, child in sorted(node.items()) if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


class Gates:
    """The requirements (`required_literals`) of several patterns, tested on a text together:
    each word of the patterns' first sets is looked for once, and only the patterns whose
    first set is found test the rest of their requirements."""

    def __init__(self, needs: list[Need | None]):
        self.needs = needs
        self._always = [k for k, need in enumerate(needs) if need is None]
        self._by_word: dict[str, list[int]] = {}
        for k, need in enumerate(needs):
            for word in need[0] if need else ():
                self._by_word.setdefault(word, []).append(k)
        self._words = tuple(self._by_word)
        self._reset()

    def _reset(self) -> None:
        # Many words are found faster by one scan (see _scan_words) once it is compiled, which
        # pays only over many texts: a single draft keeps to the plain look-ups.
        self._opened = 0
        self._scan: re.Pattern | None = None
        self._within: dict[str, tuple[str, ...]] = {}

    def __getstate__(self):
        state = dict(self.__dict__)
        state.update(_opened=0, _scan=None, _within={})
        return state

    def open(self, text: str) -> list[int]:
        """The indexes, in order, of the patterns that may match `text`."""
        low = gate_text(text)
        if low is None:
            return list(range(len(self.needs)))
        found = set(self._always)
        for word in self._found_words(low):
            found.update(self._by_word[word])
        return [k for k in sorted(found) if self._rest_found(self.needs[k], low)]

    def _found_words(self, low: str):
        """The words of the first sets that `low` holds."""
        if self._scan is None:
            self._opened += 1
            if len(self._words) < _SCAN_WORDS or self._opened < _SCAN_AFTER:
                return [w for w in self._words if w in low]
            self._compile_scan()
            assert self._scan is not None
        out: set[str] = set()
        for longest in set(self._scan.findall(low)):
            out.update(self._within[longest])
        return out

    def _compile_scan(self) -> None:
        """One `re` pattern that finds, at every position of a text, the longest of the words
        starting there (a trie of them, so each position costs a step or two, not a look-up a
        word); every word a text holds is in the longest found where it starts, so the words
        held are those inside the ones found (`_within`). With 244 words, a sentence costs 6 us
        against 22 us for a look-up a word; compiling costs some 3 ms."""
        self._within = {y: tuple(w for w in self._words if w in y) for y in self._words}
        self._scan = re.compile(f"(?=({trie_alternation(self._words)}))")

    @staticmethod
    def _rest_found(need: Need | None, low: str) -> bool:
        return need is None or len(need) == 1 or passes(need[1:], low)
