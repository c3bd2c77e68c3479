"""Readers for marked-up drafts: Markdown and HTML, each through a real parser.

A reader never moves copy. It returns an *analysed text* of exactly the source's length in
which everything that is not copy (markup, code, comments, page chrome) is blanked with
spaces, newlines kept, so that an offset into the analysed text is the offset into the file
and `Source.position()` maps it to the file's line:column. Beside it come the headline's span
and the paragraph spans the parser saw (a list item or a `<p>` is a paragraph of its own even
with no blank line around it).

Two things cannot keep every character in place:

* An entity (`&amp;`, `&rsquo;`) is longer than the character it stands for. The character
  is written where the entity begins and the rest of the entity becomes padding.
* Markup inside a word (`AT&amp;T`, `don&rsquo;t`, `**Smith**'s`, `<em>Smith</em>’s`,
  `*win*"`) would split the word at its padding, which changes what rules see: an
  apostrophe or quote mark after a space reads as an opening mark, "AT&" and "T" are two
  words. So padding that falls *inside* a word is moved to the end of that word ("AT&T    ").
  Padding before plain trailing punctuation (`**fast**.`, `[the map](url),`) stays where it
  is: "fast  ." reads the same, and the full stop keeps its column.

The trade-off of that move: inside such a word, the characters after the markup sit a few
columns left of where the file has them, so a finding that starts or ends inside that word is
off by at most the markup's length, on the same line. Word starts, and every character outside
the word, keep their exact file position. An entity that opens a word (`&ldquo;We`) is padded
before its character instead, so the mark stays against the word it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import unescape

# Characters that only guide line breaking or shaping: read as nothing, so the word around
# them is whole (Anti&shy;biotic is "Antibiotic").
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# Punctuation that ends a word without being part of it: padding before it splits nothing.
_TRAILING = frozenset(".,;:!?…")


@dataclass
class Reading:
    """What a reader found: the analysed text, the headline span and the paragraph spans."""

    text: str
    headline: tuple[int, int] | None = None
    blocks: list[tuple[int, int]] = field(default_factory=list)


class Canvas:
    """The analysed text being built: starts all blank (newlines kept), copy is restored into it."""

    def __init__(self, source: str):
        self.source = source
        self.chars = [ch if ch == "\n" else " " for ch in source]
        self._entities: list[tuple[int, int, str]] = []
        self._gaps: list[tuple[int, int]] = []

    def keep(self, start: int, end: int) -> None:
        """Restore source[start:end] as copy."""
        self.chars[start:end] = self.source[start:end]

    def entity(self, start: int, end: int, decoded: str) -> None:
        """source[start:end] is an entity (or escape) that reads as `decoded`."""
        decoded = "".join(ch for ch in decoded if ch not in _INVISIBLE)
        if len(decoded) > end - start:  # never in practice: entities are longer than their text
            self.keep(start, end)
            return
        self._entities.append((start, end, decoded))

    def join(self, start: int, end: int) -> None:
        """source[start:end] is inline markup: blank, and if it falls inside a word, not a break."""
        if start < end:
            self._gaps.append((start, end))

    def text(self) -> str:
        chars = self.chars
        in_gap = bytearray(len(chars))
        for start, end in self._gaps:
            in_gap[start:end] = b"\1" * (end - start)
        for start, end, decoded in self._entities:
            pad = end - start - len(decoded)
            k = start - 1
            while k >= 0 and in_gap[k]:
                k -= 1  # markup right before the entity (</b>&rsquo;s) is inside the word
            before = chars[k] if k >= 0 else " "
            after = chars[end] if end < len(chars) else " "
            if decoded and not pad:
                chars[start:end] = decoded
            elif decoded and before.isspace() and not after.isspace():
                # Opens a word (&ldquo;We, &pound;5): the character stays against the word.
                chars[start:end] = " " * pad + decoded
            else:
                chars[start:end] = decoded + " " * pad
                self._gaps.append((start + len(decoded), end))
                in_gap[start + len(decoded) : end] = b"\1" * pad
        self._close_gaps()
        return "".join(chars)

    def _close_gaps(self) -> None:
        """Move padding that sits inside a word to the end of the word (see the module notes)."""
        chars = self.chars
        n = len(chars)
        # Right to left, so a word with several pieces of markup closes up from its end.
        for start, end in sorted(set(self._gaps), reverse=True):
            if start == 0 or end >= n or chars[start - 1].isspace() or chars[end].isspace():
                continue
            if any(chars[k] != " " for k in range(start, end)):
                continue  # holds a newline or copy: not a gap inside one line
            run_end = end
            while run_end < n and not chars[run_end].isspace():
                run_end += 1
            if chars[end] in _TRAILING:
                continue  # "fast**." reads the same as "fast  .", and keeps the file's columns
            chars[start:run_end] = chars[end:run_end] + [" "] * (end - start)


def decode_entity(raw: str) -> str:
    """What an HTML character reference reads as (unknown names stay as written)."""
    return unescape(raw)


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without its surrounding white space; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
