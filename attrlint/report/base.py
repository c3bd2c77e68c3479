from __future__ import annotations

import re
from typing import TextIO

from attrlint.diagnostic import Diagnostic

# C0 and C1 controls (ESC starts a terminal escape sequence; a newline or CR in a file name
# would forge a line of output), and the bidirectional overrides that reorder what is shown.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control characters written as escapes (\\x1b, \\n, \\u202e), for output
    read on a terminal or by a line-based tool."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class Reporter:
    """Receives diagnostics file by file, so formats that can stream do not hold them all.

    `rules` maps rule id -> Rule (for formats that describe the rules, such as SARIF);
    `file()` gets each file's Source when the format asks for it (`needs_source`), and its
    Article and Facts when it asks for those (`needs_article`); None otherwise.
    """

    needs_source = False
    needs_article = False

    def __init__(self, out: TextIO, rules: dict | None = None, color: bool = False):
        self.out = out
        self.rules = rules or {}
        self.color = color

    def start(self) -> None:
        pass

    def file(self, path: str, diagnostics: list[Diagnostic], source=None, article=None, facts=None) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass
