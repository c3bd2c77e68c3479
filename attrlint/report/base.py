from __future__ import annotations

from typing import TextIO

from attrlint.diagnostic import Diagnostic


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
