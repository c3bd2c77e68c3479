from __future__ import annotations

from attrlint.report.base import Reporter

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


class TextReporter(Reporter):
    """For people: `path:line:col: severity rule-id message`, then the line and a caret."""

    needs_source = True

    def file(self, path, diagnostics, source=None, article=None, facts=None):
        for d in diagnostics:
            head = f"{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}"
            if self.color:
                head = (f"{_BOLD}{d.path}:{d.line}:{d.column}:{_RESET} {_COLORS.get(d.severity, '')}{d.severity}{_RESET} "
                        f"{_BOLD}{d.rule}{_RESET} {d.message}")
            self.out.write(head + "\n")
            if source is not None:
                self.out.write(_excerpt(source.line_text(d.line), d, self.color))


def _excerpt(line: str, d, color: bool, width: int = 100) -> str:
    """The line with a caret under the finding, cut to `width` characters around it."""
    col = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = max(end, col + 1)
    lo = max(0, min(col - 30, len(line) - width))
    hi = min(len(line), lo + width)
    shown = line[lo:hi].replace("\t", " ")
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    caret = " " * (len(prefix) + col - lo) + "^" * max(1, min(end, hi) - col)
    if color:
        caret = _COLORS.get(d.severity, "") + caret + _RESET
        return f"  {_DIM}|{_RESET} {prefix}{shown}{suffix}\n  {_DIM}|{_RESET} {caret}\n"
    return f"  | {prefix}{shown}{suffix}\n  | {caret}\n"
