"""HTML drafts (a CMS export or a saved page) through the standard library's HTML parser.

`html.parser` reports every tag, text run, entity and comment with the line:column where it
starts, and with `convert_charrefs=False` it hands over text exactly as written and each
entity as its own event, so every piece of copy has an exact file span. The stdlib parser is
enough here: we need positions and tolerance of tag soup, not a DOM; html5lib and lxml give no
character positions for text.

What is copy:
* The headline: the `<h1>` of the article, else the first `<h1>` outside page chrome, else
  the page `<title>` (less a trailing "| Site name").
* Paragraphs: `<p>`, `<li>`, `<blockquote>`, `<dt>`/`<dd>`, table rows and sub-headings,
  inside the `<article>` (the one with the most paragraph text, when a page has teasers
  marked up as articles too), else `<main>`, else the body. A CMS export with no such
  elements, only `<div>`s of text, has each `<div>`'s own text as a paragraph. Two `<br>`s in
  a row break a paragraph, as they do on the page.
* Never: script, style, nav, header, footer, aside, figure/figcaption, form, noscript and
  other non-copy elements, comments, the document head other than its title.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from attrlint.model.readers import Canvas, Reading, decode_entity, trimmed

# Never copy, nor anything inside them.
HIDDEN = frozenset("script style noscript template svg math button select textarea iframe object video audio canvas pre".split())
# Page chrome: not the story's paragraphs. A <header> inside the article still holds its <h1>.
CHROME = frozenset("nav footer aside figure figcaption form dialog".split())
HEADER = "header"
# Elements whose text is a paragraph of its own.
PARAGRAPHS = frozenset("p li blockquote dt dd tr h1 h2 h3 h4 h5 h6 caption".split())
# Containers whose loose text counts only when a draft has no paragraph elements at all.
CONTAINERS = frozenset("div section article main body html".split())
# Opening one of these closes an open <p> (HTML's implied end tags).
_CLOSES_P = frozenset(
    "address article aside blockquote details div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr main nav ol p pre section table ul li dt dd".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Markup inside a run of words: a word it falls in stays whole (see attrlint.model.readers).
INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i ins del kbd mark q s samp small span strong sub sup time u var wbr".split()
)
_SITE_SUFFIX = re.compile(r"\s+[|»·]\s+[^|»·]*$")
_TITLE = -2  # the block number of the page <title>


@dataclass
class _Piece:
    start: int
    end: int
    block: int  # index into _Reader.blocks, or _TITLE
    entity: str | None = None  # the decoded text of an entity
    header: bool = False  # inside a <header>


@dataclass
class _Block:
    tag: str
    article: int  # the outermost <article> it is in, -1 for none
    main: bool
    in_body: bool
    chrome: bool  # opened inside nav/footer/aside/...
    header: bool  # opened inside a <header>
    chars: int = 0  # characters of copy outside any <header>
    header_chars: int = 0  # characters of copy inside a <header>


class _Reader(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.stack: list[tuple[str, int]] = []  # (tag, block index or -1)
        self.hidden = 0  # depth of HIDDEN elements open
        self.chrome = 0
        self.header = 0
        self.head = 0
        self.article = -1  # the outermost <article> open
        self.articles = 0
        self.main = 0
        self.body = 0
        self.saw_body = False
        self.blocks: list[_Block] = []
        self.pieces: list[_Piece] = []
        self.gaps: list[tuple[int, int]] = []
        self.quote_marks: list[tuple[int, int, str, int]] = []
        self.title: tuple[int, int] | None = None
        self.in_title = False
        self.last_br = -1  # the block whose last event was a <br>

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    # -- the element stack --

    def _current_block(self) -> int:
        for _tag, block in reversed(self.stack):
            if block >= 0:
                return block
        return -1

    def _new_block(self, tag: str) -> int:
        self.blocks.append(
            _Block(tag, self.article, self.main > 0, self.body > 0 or not self.saw_body, self.chrome > 0, self.header > 0)
        )
        return len(self.blocks) - 1

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        if tag in VOID:
            self._void(tag, start, end)
            return
        if tag == "body":
            self._pop("head")  # a head left open ends where the body begins
        if tag in _CLOSES_P:
            self._close_implied(tag)
        if tag == "title" and self.title is None and not self.hidden:
            self.in_title = True
        if tag == "article" and self.article < 0:
            self.article = self.articles
            self.articles += 1
        block = self._new_block(tag) if (tag in PARAGRAPHS or tag in CONTAINERS) else -1
        self.stack.append((tag, block))
        self._count(tag, +1)
        if tag in INLINE:
            self.gaps.append((start, end))
            if tag == "q":
                self.quote_marks.append((start, end, "“", self._current_block()))
        self.last_br = -1

    def _count(self, tag: str, step: int) -> None:
        if tag in HIDDEN:
            self.hidden += step
        elif tag in CHROME:
            self.chrome += step
        elif tag == HEADER:
            self.header += step
        elif tag == "head":
            self.head += step
        elif tag == "main":
            self.main += step
        elif tag == "body":
            self.body += step
            self.saw_body = True

    def handle_startendtag(self, tag, attrs):
        if tag in VOID:
            start = self._offset()
            self._void(tag, start, start + len(self.get_starttag_text() or ""))
        else:  # <span/>: opens and closes at once
            self.handle_starttag(tag, attrs)
            self._pop(tag)

    def _void(self, tag: str, start: int, end: int) -> None:
        if tag == "br":
            block = self._current_block()
            if block >= 0 and self.last_br == block:
                # Two line breaks in a row: a paragraph break on the page.
                for k in range(len(self.stack) - 1, -1, -1):
                    if self.stack[k][1] == block:
                        self.stack[k] = (self.stack[k][0], self._clone(block))
                        break
                self.last_br = -1
            else:
                self.last_br = block
            return
        if tag == "wbr":
            self.gaps.append((start, end))
        elif tag == "hr":
            self._close_implied(tag)
        self.last_br = -1

    def _clone(self, block: int) -> int:
        b = self.blocks[block]
        self.blocks.append(_Block(b.tag, b.article, b.main, b.in_body, b.chrome, b.header))
        return len(self.blocks) - 1

    def _close_implied(self, tag: str) -> None:
        closers: tuple[str, ...]
        stops: tuple[str, ...]
        if tag == "li":
            closers, stops = ("li",), ("ul", "ol")
        elif tag in ("dt", "dd"):
            closers, stops = ("dt", "dd"), ("dl",)
        else:
            closers, stops = ("p",), ()
        for k in range(len(self.stack) - 1, -1, -1):
            name = self.stack[k][0]
            if name in closers:
                self._pop(name)
                return
            if name in stops or name not in INLINE:
                return

    def handle_endtag(self, tag):
        start = self._offset()
        close = self.text.find(">", start)
        end = close + 1 if close >= 0 else len(self.text)
        if tag in INLINE:
            self.gaps.append((start, end))
            if tag == "q":
                self.quote_marks.append((start, end, "”", self._current_block()))
        self._pop(tag)
        self.last_br = -1

    def _pop(self, tag: str) -> None:
        if not any(name == tag for name, _ in self.stack):
            return  # a stray end tag: ignored, as browsers do
        while self.stack:
            name, _block = self.stack.pop()
            self._count(name, -1)
            if name == "article" and not any(n == "article" for n, _ in self.stack):
                self.article = -1
            elif name == "title":
                self.in_title = False
            if name == tag:
                return

    # -- text and entities --

    def handle_data(self, data):
        start = self._offset()
        if data.strip():
            self.last_br = -1
        self._copy(start, start + len(data), None)

    def handle_entityref(self, name):
        start = self._offset()
        self._reference(start, start + 1 + len(name))

    def handle_charref(self, name):
        start = self._offset()
        self._reference(start, start + 2 + len(name))

    def _reference(self, start: int, end: int) -> None:
        if self.text.startswith(";", end):
            end += 1
        raw = self.text[start:end]
        decoded = decode_entity(raw)
        self.last_br = -1
        self._copy(start, end, decoded if decoded != raw else None)

    def _copy(self, start: int, end: int, entity: str | None) -> None:
        if self.in_title:
            if self.title is None:
                self.title = (start, end)
            self.pieces.append(_Piece(start, end, _TITLE, entity))
            return
        if self.hidden or self.chrome or self.head:
            return
        block = self._current_block()
        if block < 0:
            return
        self.pieces.append(_Piece(start, end, block, entity, self.header > 0))
        if entity is not None or self.text[start:end].strip():
            if self.header:
                self.blocks[block].header_chars += end - start
            else:
                self.blocks[block].chars += end - start

    # Comments, declarations and processing instructions are never copy: nothing to do.


def read_html(text: str) -> Reading:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    blocks = reader.blocks
    in_story = _story(blocks)
    headline = _headline(blocks, in_story)
    use_title = headline < 0 and reader.title is not None
    wanted = _wanted(blocks, headline, in_story)
    analysed, spans = _paint(reader, text, headline, wanted, use_title)
    headline_span = None
    if headline >= 0 and headline in spans:
        headline_span = trimmed(analysed, *spans[headline])
    elif use_title and _TITLE in spans:
        headline_span = _title_span(analysed, spans[_TITLE])
    paragraphs = sorted(filter(None, (trimmed(analysed, *spans[i]) for i in wanted if i in spans)))
    return Reading(analysed, headline_span, paragraphs)


def _story(blocks: list[_Block]) -> Callable[[_Block], bool]:
    """Which container holds the story: the <article> with the most paragraph text (a page may
    mark up teasers as articles too), else <main>, else the body."""
    article_chars: dict[int, int] = {}
    for b in blocks:
        if b.article >= 0 and b.tag in PARAGRAPHS:
            article_chars[b.article] = article_chars.get(b.article, 0) + b.chars
    if article_chars:
        story = max(article_chars, key=lambda a: (article_chars[a], -a))
        return lambda b: b.article == story
    if any(b.main for b in blocks):
        return lambda b: b.main
    return lambda b: b.in_body


def _headline(blocks: list[_Block], in_story: Callable[[_Block], bool]) -> int:
    """The headline's block: the story article's <h1> (its <header> included), else the first
    <h1> that is not in a page header (a site's name is often set as one); -1 for none."""
    headline = next(
        (i for i, b in enumerate(blocks) if b.tag == "h1" and b.article >= 0 and in_story(b) and b.chars + b.header_chars), -1
    )
    if headline < 0:
        headline = next((i for i, b in enumerate(blocks) if b.tag == "h1" and b.chars and not b.header), -1)
    return headline


def _wanted(blocks: list[_Block], headline: int, in_story: Callable[[_Block], bool]) -> set[int]:
    """The story's paragraphs: its paragraph elements, else (a CMS export of bare <div>s) every
    block of its text."""
    story_blocks = [i for i, b in enumerate(blocks) if i != headline and in_story(b) and b.chars and not b.header]
    if any(blocks[i].tag in PARAGRAPHS for i in story_blocks):
        return {i for i in story_blocks if blocks[i].tag in PARAGRAPHS}
    return set(story_blocks)


def _paint(reader: _Reader, text: str, headline: int, wanted: set[int], use_title: bool) -> tuple[str, dict[int, list[int]]]:
    """The analysed text, with only the copy kept, and the span of each block kept in it."""
    canvas = Canvas(text)
    spans: dict[int, list[int]] = {}
    for piece in reader.pieces:
        if piece.block == _TITLE:
            if not use_title:
                continue
        elif piece.block != headline and (piece.block not in wanted or piece.header):
            continue
        if piece.entity is not None:
            canvas.entity(piece.start, piece.end, piece.entity)
        else:
            canvas.keep(piece.start, piece.end)
        span = spans.setdefault(piece.block, [piece.start, piece.end])
        span[0] = min(span[0], piece.start)
        span[1] = max(span[1], piece.end)
    for start, end in reader.gaps:
        canvas.join(start, end)
    for start, end, mark, block in reader.quote_marks:
        if block in wanted or (block == headline and block >= 0):
            # <q> is shown with quotation marks: write them where its tags are.
            canvas.chars[end - 1 if mark == "“" else start] = mark
    return canvas.text(), spans


def _title_span(analysed: str, span: list[int]) -> tuple[int, int] | None:
    """The page <title> as the headline, less a trailing "| Site name"."""
    headline_span = trimmed(analysed, *span)
    if headline_span:
        m = _SITE_SUFFIX.search(analysed, headline_span[0], headline_span[1])
        if m and m.start() > headline_span[0]:
            headline_span = trimmed(analysed, headline_span[0], m.start())
    return headline_span
