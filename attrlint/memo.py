"""Bounded memos of results that depend on nothing but a piece of text (and fixed settings).

The language server re-lints a whole draft after every pause in typing; an edit changes one
paragraph, so whatever is worked out from a paragraph's (or a sentence's) own text alone can be
kept from the previous run and looked up by that text. A memo is bounded: when it is full it
starts afresh, so a long run over many files keeps its memory flat. It never travels: pickled
(into the rule cache, or to a worker) it arrives empty.

Set ATTRLINT_NO_MEMO=1 to compute everything afresh (the benchmark's "new copy" run): nothing
one file's reading found is then reused for another.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from typing import Any

NO_MEMO = bool(os.environ.get("ATTRLINT_NO_MEMO"))

# How many paragraphs, sentences and quotations (or pairs of them) a memo keeps. A 1,000-word
# draft has some 30 paragraphs, 50 sentences and 20 quotations: these hold a draft of 10,000
# words, or several drafts. Over a whole corpus the memos only cost memory (new copy rarely
# repeats a paragraph): at these sizes they add about 8 MB to a one-process run over 1,547
# articles (at twice these, 17 MB).
PARAGRAPHS = 500
SENTENCES = 1_000
QUOTATIONS = 300


class Memo:
    """Results by key, at most `size` of them. Callers must not modify what they get back."""

    __slots__ = ("_found", "_size")

    def __init__(self, size: int):
        self._size = size
        self._found: dict[Hashable, Any] = {}

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if NO_MEMO:
            return compute()
        found = self._found.get(key, _MISSING)
        if found is _MISSING:
            if len(self._found) >= self._size:
                self._found.clear()  # start afresh: memory stays bounded
            found = self._found[key] = compute()
        return found

    def __len__(self) -> int:
        return len(self._found)

    def __reduce__(self):
        return (Memo, (self._size,))


_MISSING = object()
