"""Markdown drafts through markdown-it-py (CommonMark, with GFM tables and strikethrough).

The parser decides what is copy; this module only finds where each piece of copy sits in the
file. Block tokens carry their line range (`token.map`); an inline token's `content` is its
lines with the container prefixes (`>`, list markers, indentation) taken off, so each content
line is found again at the end of its source line. Inside a line the inline children (text,
emphasis, links, code spans, inline HTML) are walked in order against that content, which
tells escapes, entities, link targets and emphasis marks apart from the words.

Blanked: front matter (its title is the headline), fenced and indented code, HTML blocks and
comments, inline HTML, heading marks, list and block-quote markers, emphasis and strikethrough
marks, link brackets and targets, images, autolinks, table pipes, reference definitions.
Kept: the words of paragraphs, headings, list items, block quotes and table rows, each a
paragraph of its own; a code span's text (it is usually a name or a handle in copy).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import cast

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from mdit_py_plugins.front_matter import front_matter_plugin

from attrlint.model.readers import Canvas, Reading, decode_entity, trimmed

_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_FRONT_MATTER_HEADLINE = re.compile(r"^(title|headline)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_BLOCK_OPENERS = {"paragraph_open", "heading_open", "tr_open"}
_CELL_TOKENS = {"th_open", "td_open", "th_close", "td_close"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").use(front_matter_plugin).enable(["table", "strikethrough"])


class _Misaligned(Exception):
    """The walk lost its place in an inline's content (a construct this reader does not know)."""


def read_markdown(text: str) -> Reading:
    canvas = Canvas(text)
    line_span = _line_spans(text)
    tokens = _parser().parse(text)
    headline: tuple[int, int] | None = None
    blocks = _Blocks()
    cell_cursor: dict[int, int] = {}  # table row line -> where the next cell is looked for
    in_cell = False
    for tok in tokens:
        kind = tok.type
        if kind == "front_matter" and tok.map:
            headline = _front_matter_headline(text, canvas, line_span(tok.map[0])[1] + 1, tok.content)
        elif kind in _BLOCK_OPENERS:
            blocks.open(tok, want_headline=headline is None)
        elif kind in _CELL_TOKENS:
            in_cell = kind.endswith("_open")
        elif kind == "inline" and tok.map:
            _InlineWalk(text, canvas, tok, line_span, cell_cursor if in_cell else None).run()
        elif kind.endswith("_close"):
            blocks.close(kind)
    analysed = canvas.text()
    if headline is None and blocks.headline is not None:
        headline = trimmed(analysed, line_span(blocks.headline[0])[0], line_span(blocks.headline[1] - 1)[1])
    found = [trimmed(analysed, line_span(a)[0], line_span(b - 1)[1]) for a, b in blocks.lines]
    return Reading(analysed, headline, [b for b in found if b])


def _line_spans(text: str) -> Callable[[int], tuple[int, int]]:
    """The span of a line of the text (by its index), less its line end."""
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    line_starts.append(len(text) + 1)

    def line_span(line: int) -> tuple[int, int]:
        return line_starts[line], line_starts[line + 1] - 1

    return line_span


class _Blocks:
    """The line ranges of the copy's blocks (paragraphs, headings, table rows) in file order,
    and of the first level-one heading: the headline, unless the front matter names one."""

    def __init__(self) -> None:
        self.open_blocks: list[tuple[str, tuple[int, int] | None]] = []
        self.lines: list[tuple[int, int]] = []
        self.headline: tuple[int, int] | None = None

    def open(self, tok, want_headline: bool) -> None:
        self.open_blocks.append((tok.type, tuple(tok.map) if tok.map else None))
        if tok.type == "heading_open" and tok.tag == "h1" and want_headline and self.headline is None and tok.map:
            self.headline = (tok.map[0], tok.map[1])

    def close(self, kind: str) -> None:
        """A `..._close` token: it ends the innermost open block when it is of its kind."""
        if not self.open_blocks or self.open_blocks[-1][0] != kind[:-6] + "_open":
            return
        _kind, lines = self.open_blocks.pop()
        if lines and lines != self.headline and (not self.lines or self.lines[-1] != lines):
            self.lines.append(lines)


def _front_matter_headline(text: str, canvas: Canvas, body_start: int, body: str) -> tuple[int, int] | None:
    """The `title:` (or `headline:`) value of the front matter, kept as copy for the headline."""
    found = None
    for m in _FRONT_MATTER_HEADLINE.finditer(body):
        start = body_start + m.start(2)
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            start += 1
            value = value[1:-1]
        if value and text[start : start + len(value)] == value and (found is None or m.group(1) == "title"):
            found = (start, start + len(value))
    if found:
        canvas.keep(*found)
    return found


class _InlineWalk:
    """Restore the copy of one inline token: its children walked against its content."""

    def __init__(self, text, canvas, tok, line_span, cell_cursor):
        self.text = text
        self.canvas = canvas
        self.tok = tok
        self.content = tok.content
        self.line_span = line_span
        self.cell_cursor = cell_cursor
        self.cur = 0
        self.in_autolink = False

    def run(self) -> None:
        self.offsets = self._offsets()
        if self.offsets is None:
            # The content could not be placed in the file: keep the lines as written, so
            # markup shows through but no copy is lost.
            for line in range(*self.tok.map):
                self.canvas.keep(*self.line_span(line))
            return
        try:
            self._walk(self.tok.children or [], keep=True)
        except _Misaligned:
            # Keep the inline's raw text: markup shows through, but no copy is lost.
            for off in self.offsets:
                if off is not None:
                    self.canvas.keep(off, off + 1)

    # -- where each content character is in the file --

    def _offsets(self) -> list[int | None] | None:
        first = self.tok.map[0]
        lines = self.content.split("\n")
        out: list[int | None] = []
        table_cell = self.cell_cursor is not None
        for j, cl in enumerate(lines):
            ls, le = self.line_span(first + j)
            src = self.text[ls:le]
            if table_cell:
                p = src.find(cl, self.cell_cursor.get(first, 0)) if cl else self.cell_cursor.get(first, 0)
                if p >= 0:
                    self.cell_cursor[first] = p + len(cl)
            else:
                bare = src.rstrip()
                want = cl.rstrip()
                if want and bare.endswith(want):
                    p = len(bare) - len(want)
                else:
                    # A heading with closing marks (# Title ##), or a line the parser retabbed.
                    p = src.find(want) if want else len(bare)
            if p < 0:
                return None
            out.extend(ls + p + c for c in range(len(cl)))
            if j < len(lines) - 1:
                out.append(le)
        return out

    # -- the walk --

    def _at(self, s: str) -> int:
        i = self.content.find(s, self.cur)
        if i < 0:
            raise _Misaligned(s)
        return i

    def _walk(self, children, keep: bool) -> None:
        for child in children:
            kind = child.type
            if kind == "text":
                if not self.in_autolink:
                    self._text(child.content, keep)
            elif kind in ("softbreak", "hardbreak"):
                self.cur = self._at("\n") + 1
            elif kind == "code_inline":
                self._code(child.markup, keep)
            elif kind == "html_inline":
                i = self._at(child.content)
                self._join(i, i + len(child.content))
                self.cur = i + len(child.content)
            elif kind == "link_open":
                if child.markup == "autolink" or child.info == "auto":
                    i = self._at("<")
                    self.cur = self._at(">") + 1
                    self.in_autolink = True
                    self._join(i, self.cur)
                else:
                    i = self._at("[")
                    self._join(i, i + 1)
                    self.cur = i + 1
            elif kind == "link_close":
                if self.in_autolink:
                    self.in_autolink = False
                else:
                    self._close_link()
            elif kind == "image":
                i = self._at("![")
                self.cur = i + 2
                self._walk(child.children or [], keep=False)
                self._close_link()
                self._join(i, self.cur)
            elif child.markup:  # emphasis, strong, strikethrough: open or close
                i = self._at(child.markup)
                self._join(i, i + len(child.markup))
                self.cur = i + len(child.markup)
            else:
                raise _Misaligned(kind)

    def _text(self, words: str, keep: bool) -> None:
        content, n = self.content, len(self.content)
        k = 0
        while k < len(words):
            if self.cur >= n:
                raise _Misaligned(words)
            c = content[self.cur]
            want = words[k]
            if c == "\\" and self.cur + 1 < n and content[self.cur + 1] == want and want in _ASCII_PUNCT:
                if keep:  # an escape: the backslash is markup, the character is copy
                    self._join(self.cur, self.cur + 1)
                    self._keep(self.cur + 1, self.cur + 2)
                self.cur += 2
                k += 1
                continue
            if c == "&":
                m = _ENTITY.match(content, self.cur)
                if m:
                    decoded = decode_entity(m.group(0))
                    if decoded != m.group(0) and words.startswith(decoded, k):
                        if keep:
                            self._entity(m.start(), m.end(), decoded)
                        self.cur = m.end()
                        k += len(decoded)
                        continue
            if c == want:
                if keep:
                    self._keep(self.cur, self.cur + 1)
                self.cur += 1
                k += 1
                continue
            raise _Misaligned(words)

    def _code(self, ticks: str, keep: bool) -> None:
        i = self._at(ticks)
        inner = i + len(ticks)
        j = inner
        while True:
            j = self.content.find(ticks, j)
            if j < 0:
                raise _Misaligned(ticks)
            run_end = j
            while run_end < len(self.content) and self.content[run_end] == "`":
                run_end += 1
            if run_end - j == len(ticks):
                break
            j = run_end
        self._join(i, inner)
        self._join(j, j + len(ticks))
        if keep:
            self._keep(inner, j)
        self.cur = j + len(ticks)

    def _close_link(self) -> None:
        """Step over the `]` that ends a link's text and whatever names its target."""
        content, n = self.content, len(self.content)
        start = self._at("]")
        pos = start + 1
        if pos < n and content[pos] == "(":
            p = _skip_space(content, pos + 1)
            dest = parseLinkDestination(content, p, n)
            if dest.ok:
                p = _skip_space(content, dest.pos)
                title = parseLinkTitle(content, p, n)
                if title.ok:
                    p = _skip_space(content, title.pos)
            if p < n and content[p] == ")":
                pos = p + 1
        elif pos < n and content[pos] == "[":
            close = content.find("]", pos)
            if close >= 0:
                pos = close + 1
        self._join(start, pos)
        self.cur = pos

    # -- writing to the canvas, through the content -> file offsets --

    def _file_span(self, i: int, j: int):
        """File spans of content[i:j], one per line piece (markup may run over a line end)."""
        # Only placed content is written: run() stops before walking when it has no offsets.
        offs = cast("list[int]", self.offsets)
        k = i
        while k < j:
            start = offs[k]
            m = k + 1
            while m < j and offs[m] == offs[m - 1] + 1 and self.text[offs[m - 1]] != "\n":
                m += 1
            yield start, offs[m - 1] + 1
            k = m

    def _keep(self, i: int, j: int) -> None:
        for s, e in self._file_span(i, j):
            self.canvas.keep(s, e)

    def _join(self, i: int, j: int) -> None:
        for s, e in self._file_span(i, j):
            if self.text[s:e] != "\n":
                self.canvas.join(s, e)

    def _entity(self, i: int, j: int, decoded: str) -> None:
        spans = list(self._file_span(i, j))
        if len(spans) == 1:
            self.canvas.entity(spans[0][0], spans[0][1], decoded)


def _skip_space(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in " \t\n":
        pos += 1
    return pos
