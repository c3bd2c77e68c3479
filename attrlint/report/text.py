from __future__ import annotations

from attrlint.report.base import Reporter


class TextReporter(Reporter):
    """`path:line:col: severity rule-id message`, one line a finding."""

    def file(self, path, diagnostics):
        for d in diagnostics:
            self.out.write(f"{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}\n")
