"""Kind `suppression-audit`: suppressions that suppress nothing, or cannot be read.

The linter applies inline suppressions after every other rule has run; this kind then reports
the directives that were never used (`audit: unused`) or were malformed (`audit: invalid`).
"""

from __future__ import annotations

from typing import ClassVar

from attrlint.engine.rules import Option, Rule, register


@register
class SuppressionAudit(Rule):
    kind = "suppression-audit"
    phase = "audit"
    placeholders = frozenset({"directive", "rules", "reason"})
    options: ClassVar[dict[str, Option]] = {"audit": Option("str", "unused", "which directives to report: unused or invalid")}

    def prepare(self) -> None:
        if self.opts["audit"] not in ("unused", "invalid"):
            from attrlint.errors import RuleFileError

            raise RuleFileError(self.path, self.line, f"rule {self.id}: audit must be unused or invalid")

    def audit(self, article, suppressions):
        if self.opts["audit"] == "unused":
            for d in suppressions.unused():
                names = ", ".join(sorted(d.rules)) or "all rules"
                yield self.diagnostic(article, d.start, d.end, directive=f"attrlint-{d.kind}", rules=names)
        else:
            for start, end, reason in suppressions.invalid:
                yield self.diagnostic(article, start, end, reason=reason)
