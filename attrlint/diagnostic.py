"""The one finding type that every output format and the language server read."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Fix:
    """A suggested replacement of source[start:end]; offered, never applied unasked."""

    start: int
    end: int
    replacement: str
    title: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # Safe: the sentence still reads after the replacement, so `attrlint check --fix` may apply
    # it unattended. An unsafe fix is only offered (the editor's quick fix, JSON output).
    safe: bool = True

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "replacement": self.replacement,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "safe": self.safe,
        }


@dataclass
class Related:
    """Another place a finding points to (the line it is judged against)."""

    path: str
    line: int
    column: int
    message: str


@dataclass
class Diagnostic:
    """One finding: a rule's message about a span of a file, with an optional fix."""

    path: str
    rule: str
    severity: str
    message: str
    start: int  # character offsets into the source text
    end: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    fix: Fix | None = None
    related: list[Related] = field(default_factory=list)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule)

    def as_dict(self) -> dict:
        out = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
        }
        if self.fix:
            out["fix"] = self.fix.as_dict()
        if self.related:
            out["related"] = [r.__dict__ for r in self.related]
        return out
