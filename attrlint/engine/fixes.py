"""`attrlint check --diff` and `--fix`: the rules' safe replacements, shown or applied.

A fix is a replacement of characters on one line (`claimed` -> `said`). Fixes are applied to
the file's own text, not to the normalised text attrlint reads, so the line ends, the
byte-order mark and the encoding of the file stay as they were: only the replaced words
change. A fix is applied only when its rule marks it safe (the sentence still reads), it
overlaps no other fix, and the file on disk is still the one that was checked: the file is
read again and compared right before it is replaced, and it is replaced atomically (a new
file renamed over the old), so an editor's unsaved-then-saved change is never overwritten.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field

from attrlint.model.source import _Fallback, decode, normalise

_LINE_END = re.compile(r"(\r\n|\r|\n)")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


@dataclass
class Planned:
    """The fixed version of one file, or why it cannot be fixed."""

    path: str
    old_text: str = ""  # normalised, for the diff
    new_text: str = ""
    new_bytes: bytes = b""
    digest: str = ""  # of the bytes the fixes were computed on
    applied: list = field(default_factory=list)  # the diagnostics whose fixes are in new_text
    problem: str = ""  # why nothing is applied to this file

    @property
    def changed(self) -> bool:
        return bool(self.applied) and not self.problem


def safe_fixes(diagnostics) -> list:
    """The diagnostics whose fix can be applied unattended: safe, on one line, not overlapping."""
    chosen: list = []
    taken: list[tuple[int, int]] = []
    for d in sorted((d for d in diagnostics if d.fix and d.fix.safe), key=lambda d: (d.fix.start, d.fix.end)):
        f = d.fix
        if f.line != f.end_line or any(f.start < e and s < f.end for s, e in taken):
            continue
        chosen.append(d)
        taken.append((f.start, f.end))
    return chosen


def plan(path: str, checked_text: str, diagnostics) -> Planned | None:
    """The file with its safe fixes applied; None when there is nothing to fix."""
    fixes = safe_fixes(diagnostics)
    if not fixes:
        return None
    out = Planned(path)
    if path == "-":
        out.problem = "standard input cannot be fixed in place"
        return out
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        out.problem = f"cannot be read again ({exc.strerror})"
        return out
    out.digest = hashlib.sha256(data).hexdigest()
    encoding, bom, text = _decode(data, path)
    if normalise(text) != checked_text:
        out.problem = "changed since it was checked; not fixed"
        return out
    parts = _LINE_END.split(text)
    lines, ends = parts[0::2], parts[1::2]
    for d in sorted(fixes, key=lambda d: (d.fix.line, -d.fix.column)):
        f = d.fix
        line = lines[f.line - 1]
        if line[f.column - 1 : f.end_column - 1] != checked_text[f.start : f.end]:
            continue  # the offsets do not match this line: leave it to the editor
        lines[f.line - 1] = line[: f.column - 1] + f.replacement + line[f.end_column - 1 :]
        out.applied.append(d)
    if not out.applied:
        return None
    new_text = "".join(line + end for line, end in zip(lines, [*ends, ""], strict=False))
    try:
        out.new_bytes = bom + new_text.encode(encoding)
    except UnicodeEncodeError:
        out.problem = f"a replacement cannot be written in the file's encoding ({encoding}); not fixed"
        return out
    out.old_text, out.new_text = checked_text, normalise(new_text)
    out.applied.sort(key=lambda d: (d.line, d.column))
    return out


def _decode(data: bytes, path: str) -> tuple[str, bytes, str]:
    """(encoding to write back with, byte-order mark, text without it), as source.decode reads."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, bom, data[len(bom) :].decode(encoding)
    try:
        return "utf-8", b"", decode(data, path)
    except _Fallback as fallback:  # read as Windows-1252, as the check did
        return "cp1252", b"", fallback.text


def _lines(text: str) -> list[str]:
    # Split where attrlint counts lines ("\n" only, after normalising), not at every
    # character str.splitlines() treats as a break.
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def unified_diff(planned: Planned) -> str:
    return "".join(
        difflib.unified_diff(
            _lines(planned.old_text), _lines(planned.new_text), fromfile=f"a/{planned.path}", tofile=f"b/{planned.path}"
        )
    )


def write(planned: Planned) -> str:
    """Replace the file with its fixed version; '' when done, else why not."""
    path = planned.path
    try:
        with open(path, "rb") as f:
            now = f.read()
        if hashlib.sha256(now).hexdigest() != planned.digest:
            return "changed since it was checked; not fixed"
        mode = os.stat(path).st_mode
        folder = os.path.dirname(os.path.abspath(path))
        fd, tmp = tempfile.mkstemp(prefix=".attrlint-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(planned.new_bytes)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, mode & 0o7777)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        return f"cannot be written ({exc.strerror}); not fixed"
    return ""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class FixRun:
    """What `check --diff` or `check --fix` does with each file's findings."""

    def __init__(self, mode: str, out, err) -> None:
        self.mode = mode  # "diff" or "fix"
        self.out, self.err = out, err
        self.fixes = 0
        self.files = 0
        self.failed = 0

    def handle(self, path: str, checked_text: str | None, diagnostics) -> list:
        """The findings still standing after this file is handled (all of them for --diff)."""
        if checked_text is None:
            return list(diagnostics)
        planned = plan(path, checked_text, diagnostics)
        if planned is None:
            return list(diagnostics)
        name = "standard input" if path == "-" else path
        if planned.problem:
            self.err.write(f"attrlint: note: {name}: {planned.problem}\n")
            return list(diagnostics)
        if self.mode == "diff":
            self.out.write(unified_diff(planned))
            self.fixes += len(planned.applied)
            self.files += 1
            return list(diagnostics)
        problem = write(planned)
        if problem:
            self.err.write(f"attrlint: error: {name}: {problem}\n")
            self.failed += 1
            return list(diagnostics)
        for d in planned.applied:
            self.err.write(
                f"{d.path}:{d.line}:{d.column}: fixed {d.rule}: "
                f"{checked_text[d.fix.start : d.fix.end]!r} -> {d.fix.replacement!r}\n"
            )
        self.fixes += len(planned.applied)
        self.files += 1
        fixed = {id(d) for d in planned.applied}
        return [d for d in diagnostics if id(d) not in fixed]

    def summary(self) -> str:
        if self.mode == "diff":
            fixes = "1 fix" if self.fixes == 1 else f"{self.fixes} fixes"
            return f"{fixes} would be applied to {_plural(self.files, 'draft')} (run with --fix to apply them)"
        return f"Fixed {_plural(self.fixes, 'finding')} in {_plural(self.files, 'draft')}"
