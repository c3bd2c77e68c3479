from __future__ import annotations

from typing import TextIO

from attrlint.diagnostic import Diagnostic


class Reporter:
    """Receives diagnostics file by file, so formats that can stream do not hold them all."""

    def __init__(self, out: TextIO, rules: dict | None = None):
        self.out = out
        self.rules = rules or {}

    def start(self) -> None:
        pass

    def file(self, path: str, diagnostics: list[Diagnostic]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass
