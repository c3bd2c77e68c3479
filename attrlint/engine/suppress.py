"""Inline suppressions, in every input format.

    <!-- attrlint-disable unattributed-number -->   ... <!-- attrlint-enable -->
    <!-- attrlint-ignore-next-line loaded-verb -->
    [attrlint-disable vague-source]                  (plain text: a marker on its own line)

A directive names rule ids or packs (comma- or space-separated); none means every rule. A
directive that suppresses nothing, or that cannot be read, is itself reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from attrlint.model.source import Source
from attrlint.patterns import compiled

_DIRECTIVE = compiled(
    r"<!--\s*(?P<word>attrlint[\w-]*)(?P<args>[^>]*?)\s*-->"
    r"|^[ \t]*\[(?P<word2>attrlint[\w-]*)(?P<args2>[^\]\n]*)\][ \t]*$",
    regex.M,
)
_NAME_BREAK = compiled(r"[\s,]+")  # between the rule names of a directive
KINDS = ("attrlint-disable", "attrlint-enable", "attrlint-ignore-next-line")


@dataclass
class Directive:
    """One suppression comment: what it switches off, and from where."""

    kind: str  # disable, enable, ignore-next-line
    rules: frozenset[str]  # empty: every rule
    start: int
    end: int
    line: int
    used: bool = False
    first_line: int = 0  # lines covered, inclusive
    last_line: int = 0


@dataclass
class Suppressions:
    """A draft's suppression comments, and those that could not be read."""

    directives: list[Directive] = field(default_factory=list)
    invalid: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, reason

    def suppresses(self, rule_id: str, pack: str, line: int) -> bool:
        hit = False
        for d in self.directives:
            if d.kind == "enable":
                continue
            if d.first_line <= line <= d.last_line and (not d.rules or rule_id in d.rules or pack in d.rules):
                d.used = True
                hit = True
        return hit

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if d.kind != "enable" and not d.used]


def find_suppressions(source: Source, known: set[str]) -> Suppressions:
    """Read the directives of a draft; `known` holds the rule ids and packs that may be named."""
    out = Suppressions()
    text = source.text
    if "attrlint" not in text:
        return out
    n_lines = len(source.line_starts)
    open_disables: list[Directive] = []
    for m in _DIRECTIVE.finditer(text):
        word = m.group("word") or m.group("word2")
        args = (m.group("args") if m.group("word") else m.group("args2")) or ""
        line = source.position(m.start())[0]
        if word not in KINDS:
            out.invalid.append((m.start(), m.end(), f"unknown directive {word!r} (use {', '.join(KINDS)})"))
            continue
        names = [a for a in _NAME_BREAK.split(args.strip()) if a]
        unknown = [a for a in names if a not in known]
        if unknown:
            out.invalid.append((m.start(), m.end(), f"{word} names unknown rule {unknown[0]!r}"))
            continue
        kind = word[len("attrlint-") :]
        d = Directive(kind, frozenset(names), m.start(), m.end(), line)
        if kind == "ignore-next-line":
            nxt = line + 1
            while nxt <= n_lines and not source.line_text(nxt).strip():
                nxt += 1
            d.first_line = d.last_line = nxt
        elif kind == "disable":
            d.first_line, d.last_line = line, n_lines
            open_disables.append(d)
        else:  # enable: closes the matching disables
            closed = False
            for od in open_disables:
                if od.last_line == n_lines and (not d.rules or od.rules & d.rules or not od.rules):
                    od.last_line = line
                    closed = True
            if not closed:
                out.invalid.append((m.start(), m.end(), "attrlint-enable with no attrlint-disable before it"))
                continue
        out.directives.append(d)
    return out
