from __future__ import annotations

from attrlint.report.base import Reporter, printable


class ConciseReporter(Reporter):
    """`path:line:col: rule message`: what Vim's and Emacs' error formats read."""

    def file(self, path, diagnostics, source=None, article=None, facts=None):
        for d in diagnostics:
            self.out.write(f"{printable(d.path)}:{d.line}:{d.column}: {d.rule} {printable(d.message)}\n")
