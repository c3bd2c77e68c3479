"""What a run of `attrlint check` tells a person besides the findings.

Silence is ambiguous: a clean draft and a draft attrlint could not read as a story both print
nothing. So a draft with no body is named on stderr, and a text-format run ends with one
summary line, as ruff and Vale do (`Checked 5 drafts: 13 findings (2 errors, 11 warnings) in
0.3 s`, or `No findings in 5 drafts`). Machine formats get neither on standard output.
"""

from __future__ import annotations

import collections
import time

from attrlint.diagnostic import SEVERITIES


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def no_body_note(path: str) -> str:
    name = "standard input" if path == "-" else path
    return (
        f"attrlint: note: {name}: no body to check: only a headline was found "
        f"(in plain text the first line is the headline; put the story under it, after a blank line)"
    )


class Tally:
    """Counts drafts and shown findings by severity over a run."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.drafts = 0
        self.unreadable = 0
        self.hidden = 0  # findings below --min-severity
        self.by_severity: collections.Counter = collections.Counter()

    def add(self, shown, hidden: int = 0) -> None:
        self.drafts += 1
        self.hidden += hidden
        for d in shown:
            self.by_severity[d.severity] += 1

    def line(self) -> str:
        drafts = _plural(self.drafts, "draft")
        extra = []
        if self.unreadable:
            extra.append(f"{self.unreadable} could not be read")
        if self.hidden:
            extra.append(f"{_plural(self.hidden, 'finding')} below --min-severity not shown")
        tail = f"; {', '.join(extra)}" if extra else ""
        total = sum(self.by_severity.values())
        if not total:
            return f"No findings in {drafts}{tail}"
        tiers = ", ".join(
            f"{self.by_severity[s]} info" if s == "info" else _plural(self.by_severity[s], s)
            for s in SEVERITIES
            if self.by_severity[s]
        )
        seconds = time.perf_counter() - self.started
        return f"Checked {drafts}: {_plural(total, 'finding')} ({tiers}) in {seconds:.1f} s{tail}"
