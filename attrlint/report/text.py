from __future__ import annotations

from attrlint.report.base import Reporter, printable

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


class TextReporter(Reporter):
    """For people: `path:line:col: severity rule-id message`, then the line and a caret."""

    needs_source = True

    def file(self, path, diagnostics, source=None, article=None, facts=None):
        for d in diagnostics:
            # Escaped: the copy and the file name are not to drive the terminal or forge lines.
            where, message = printable(d.path), printable(d.message)
            head = f"{where}:{d.line}:{d.column}: {d.severity} {d.rule} {message}"
            if self.color:
                head = (
                    f"{_BOLD}{where}:{d.line}:{d.column}:{_RESET} {_COLORS.get(d.severity, '')}{d.severity}{_RESET} "
                    f"{_BOLD}{d.rule}{_RESET} {message}"
                )
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
    line = line.replace("\t", " ")
    shown = printable(line[lo:hi])
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    # Measured on the escaped text, so the caret stays under the finding.
    caret = " " * (len(prefix) + len(printable(line[lo:col]))) + "^" * max(1, len(printable(line[col : min(end, hi)])))
    if color:
        caret = _COLORS.get(d.severity, "") + caret + _RESET
        return f"  {_DIM}|{_RESET} {prefix}{shown}{suffix}\n  {_DIM}|{_RESET} {caret}\n"
    return f"  | {prefix}{shown}{suffix}\n  | {caret}\n"
