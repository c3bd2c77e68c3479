from __future__ import annotations

from attrlint.report.base import Reporter

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

    def file(self, path, diagnostics, source=None, article=None, facts=None):
        for d in diagnostics:
            props = (
                f"file={_escape_prop(d.path)},line={d.line},col={d.column},"
                f"endLine={d.end_line},endColumn={d.end_column},title={_escape_prop('attrlint ' + d.rule)}"
            )
            self.out.write(f"::{_LEVEL.get(d.severity, 'warning')} {props}::{_escape_data(d.rule + ': ' + d.message)}\n")
