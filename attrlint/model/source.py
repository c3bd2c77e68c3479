"""A draft as read from disk: its text and a line index for offset -> line:column.

Line endings are normalised to "\\n" when the file is read. Lines and columns do not depend
on the line terminator, so every offset into the normalised text maps to the same
line:column of the original file. A UTF-8 byte-order mark is dropped; it is not a column.
"""

from __future__ import annotations

import bisect
import errno
import os
import stat
import sys
from dataclasses import dataclass, field

from attrlint.errors import InputError

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
DRAFT_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
# No draft, rule file or reference is this large; past it a file (or standard input fed from
# /dev/zero) is refused rather than read into memory.
MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass
class Source:
    """A draft's decoded text, with its path and format."""

    path: str
    text: str
    format: str = "text"  # "text", "markdown" or "html"
    note: str = ""  # how the file was read when that is worth telling (an encoding fallback)
    body_only: bool = False  # a section of a long file after its first: no headline line
    line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.line_starts:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self.line_starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]


def normalise(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def format_for(path: str) -> str:
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    return "text"


def decode(data: bytes, path: str) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "looks like a binary file, not a draft")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"is not valid UTF-16 ({exc.reason} at byte {exc.start})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    # Drafts pasted from Word on Windows arrive as Windows-1252; read them, and say so.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(path, f"is neither UTF-8 (bad byte at {bad}) nor Windows-1252 text") from None
    raise _Fallback(text, f"not UTF-8 (byte {bad}); read as Windows-1252")


class _Fallback(Exception):
    def __init__(self, text: str, note: str):
        self.text = text
        self.note = note


class RefusedFile(OSError):
    """A path that is not read at all: a FIFO, a device, a socket, or a file over the limit."""

    def __init__(self, reason: str):
        super().__init__(errno.EINVAL, reason)
        self.reason = reason


def _not_regular(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_bounded(read, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(1 << 20)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise RefusedFile(f"is larger than {limit // (1024 * 1024)} MB; not read")
        chunks.append(chunk)


def read_regular_bytes(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, at most `limit` of them. A FIFO, device or socket is never
    read (reading one can block forever or never end): RefusedFile names what it is."""
    # O_NONBLOCK: opening a FIFO with no writer would otherwise block before fstat can tell.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", path)
        if not stat.S_ISREG(st.st_mode):
            raise RefusedFile(f"is {_not_regular(st.st_mode)}, not a regular file; skipped")
        if st.st_size > limit:
            raise RefusedFile(f"is larger than {limit // (1024 * 1024)} MB; not read")
        return _read_bounded(lambda n: os.read(fd, n), limit)
    finally:
        os.close(fd)


def read_source(path: str, fmt: str | None = None) -> Source:
    decoded, note = read_decoded_text(path)
    source = Source(path=path, text=normalise(decoded), format=fmt or format_for(path))
    source.note = note
    return source


def read_decoded_text(path: str) -> tuple[str, str]:
    """A draft's text as decoded from the file, before line ends are normalised, and the note
    on how it was decoded. `read_source` and `attrlint sources` (which maps offsets back into
    this text) both read through it, so both refuse the same files (devices, FIFOs, files or
    standard input over the size limit)."""
    try:
        if path == "-":
            data = _read_bounded(sys.stdin.buffer.read, MAX_FILE_BYTES)
        else:
            data = read_regular_bytes(path)
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except RefusedFile as exc:
        raise InputError(path, exc.reason) from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from None
    try:
        return decode(data, path), ""
    except _Fallback as fb:
        return fb.text, fb.note


def from_string(text: str, path: str = "<string>", fmt: str | None = None) -> Source:
    return Source(path=path, text=normalise(text), format=fmt or format_for(path))


def walk(paths: list[str], errors: list[str] | None = None) -> list[str]:
    """Expand folders into the drafts below them, in a stable order; files pass as given.

    A folder that cannot be listed (permissions, a path too long for the system) is named in
    `errors` (when given) rather than skipped without a word."""

    def onerror(exc: OSError) -> None:
        if errors is not None:
            errors.append(f"{exc.filename}: folder cannot be read ({exc.strerror}); its drafts were not checked")

    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for root, dirs, files in os.walk(p, onerror=onerror):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(DRAFT_SUFFIXES) and not name.startswith("."):
                        out.append(os.path.join(root, name))
        else:
            out.append(p)
    return out
