"""Reading a source into the article model: headline, deck, furniture, paragraphs, quotations
and sentences. Plain text is read here; Markdown and HTML readers (attrlint.model.readers)
blank their markup and say where the headline and the blocks are.
"""

from __future__ import annotations

import re

from attrlint import memo
from attrlint.model.article import Article, Paragraph, Sentence
from attrlint.model.article import unquoted as blank_quotations
from attrlint.model.lexicon import Lexicon
from attrlint.model.quotes import EMBED_RUN, Mark, ParagraphQuotes, Quotation, is_embed, opens_with_quote, scan_paragraph
from attrlint.model.source import Source
from attrlint.patterns import compiled

CLOSERS = "\"'”’»)]"
OPENERS = "\"'“‘«(["
TERMINATORS = ".!?…"
# A plain-text suppression marker on its own line (attrlint.engine.suppress reads what it says).
_SUPPRESSION_LINE = compiled(r"\[attrlint[\w-]*[^\]\n]*\]")


def read_article(source: Source, lexicon: Lexicon) -> Article:
    if source.format == "markdown":
        from attrlint.model.readers.markdown import read_markdown  # the parser loads only when needed

        return _read_marked_up(source, lexicon, read_markdown)
    if source.format == "html":
        from attrlint.model.readers.html import read_html

        return _read_marked_up(source, lexicon, read_html)
    return _read_text(source, lexicon)


def _read_text(source: Source, lexicon: Lexicon) -> Article:
    article = Article(source=source, text=source.text, lexicon=lexicon)
    # A later section of a very long file (see attrlint.engine.runner) has no headline of its own.
    _build(article, headline_from_first_line=not source.body_only)
    return article


def _read_marked_up(source: Source, lexicon: Lexicon, reader) -> Article:
    """Markdown or HTML: the reader blanks the markup and says where the headline and paragraphs are."""
    reading = reader(source.text)
    article = Article(source=source, text=reading.text, lexicon=lexicon)
    _build(article, headline_from_first_line=False, headline_span=reading.headline, blocks=reading.blocks)
    return article


# Page furniture (bylines, share buttons, captions, a line of script) is a short line; the
# patterns that recognise it cost microseconds a character, so a single line of a megabyte
# (a draft with no line breaks) would spend seconds on them, or time out, for nothing.
FURNITURE_MAX_CHARS = 20_000


def _build(
    article: Article,
    headline_from_first_line: bool,
    headline_span: tuple[int, int] | None = None,
    blocks: list[tuple[int, int]] | None = None,
) -> None:
    """Headline, paragraphs, quotations and sentences of article.text.

    Plain text: paragraphs are runs of lines between blank lines. A marked-up draft passes
    `blocks`, the paragraph spans its parser saw (list items and <p>s need no blank line
    between them, and a block may share a line with another); lines of one block stay together.
    """
    text = article.text
    lex = article.lexicon
    gathered: list[list[int]] = []
    current: list[int] | None = None  # [start, end] of the paragraph being gathered
    headline_key = None
    if headline_span:
        hs, he = headline_span
        article.headline = Sentence(hs, he, -1, 0, article)
        headline_key = _squash(text[hs:he])
    lines = list(_lines(text, blocks))
    line_per_paragraph = blocks is None and headline_from_first_line and _no_blank_line_in_body(text, lines)
    in_deck = False
    for line_start, line_end, new_block in lines:
        line = text[line_start:line_end]
        if new_block:
            current = None
        if headline_span and headline_span[0] <= line_start < headline_span[1]:
            continue
        stripped = line.strip()
        if not stripped:
            if blocks is None:
                current = None
            in_deck = False
            continue
        s = line_start + (len(line) - len(line.lstrip()))
        e = line_start + len(line.rstrip())
        if article.headline is None and headline_from_first_line and _SUPPRESSION_LINE.fullmatch(stripped):
            # A suppression marker above the headline (the editor's "suppress" action puts one
            # there) is furniture, not the headline.
            article.furniture.append((s, e))
            continue
        if article.headline is None and headline_from_first_line:
            article.headline = Sentence(s, e, -1, 0, article)
            headline_key = _squash(stripped)
            current = None
            in_deck = not line_per_paragraph
            continue
        if in_deck:
            article.deck.append(Sentence(s, e, -1, len(article.deck) + 1, article))
            continue
        if headline_key is not None and _squash(stripped) == headline_key:
            current = None  # a line repeating the headline is not body
            continue
        if len(line) <= FURNITURE_MAX_CHARS and _is_furniture(line, lex):
            article.furniture.append((s, e))
            current = None
            continue
        if current is None or line_per_paragraph:
            current = [s, e]
            gathered.append(current)
        else:
            current[1] = e
    _fill_paragraphs(article, gathered)


def _fill_paragraphs(article: Article, gathered: list[list[int]]) -> None:
    """The paragraphs at the gathered spans, with their quotations and sentences."""
    for i, (s, e) in enumerate(gathered):
        article.paragraphs.append(Paragraph(s, e, i))
    readings = [_read_paragraph(article, para) for para in article.paragraphs]
    _scan_quotations(article, [quotes for quotes, _, _ in readings])
    for para, (_, sentences, unquoted) in zip(article.paragraphs, readings, strict=True):
        for k, (s, e) in enumerate(sentences):
            sentence = Sentence(s, e, para.index, k, article)
            if unquoted is not None:
                # Remembered with the paragraph: the cached property is filled in.
                sentence.__dict__["unquoted"] = unquoted[k]
            para.sentences.append(sentence)


def _is_furniture(line: str, lex: Lexicon) -> bool:
    # Remembered by the line's text: most lines are a paragraph each, and the language server
    # reads them all again after each edit (the furniture patterns are many).
    return lex.memo("furniture", memo.PARAGRAPHS).get(line, lambda: lex.furniture_line.match(line) is not None)


def _no_blank_line_in_body(text: str, lines) -> bool:
    """Whether a plain-text file's body lines (after the headline and any blank lines under it)
    run on with no blank line between them (some CMS exports): then each line is a paragraph."""
    filled = [bool(text[start:end].strip()) for start, end, _ in lines]
    if True not in filled:
        return False
    k = filled.index(True) + 1  # past the headline
    while k < len(filled) and not filled[k]:
        k += 1
    body = filled[k:]
    while body and not body[-1]:
        body.pop()
    return len(body) > 1 and all(body)


def _lines(text: str, blocks: list[tuple[int, int]] | None):
    """(start, end, starts a block) of each line: every line of the text, or the lines of each block."""
    if blocks is None:
        pos = 0
        for line in text.split("\n"):
            yield pos, pos + len(line), False
            pos += len(line) + 1
        return
    for start, end in blocks:
        first = True
        while True:
            nl = text.find("\n", start, end)
            stop = end if nl < 0 else nl
            yield start, stop, first
            first = False
            if nl < 0:
                break
            start = nl + 1


def _squash(s: str) -> str:
    return " ".join(s.split()).casefold()


_Reading = tuple[ParagraphQuotes, list[tuple[int, int]], "list[str] | None"]


def _read_paragraph(article: Article, para: Paragraph) -> _Reading:
    """The paragraph's quotations and marks (its own: whether a quotation carries on into the
    next paragraph is decided by _scan_quotations), its sentence spans and, when remembered,
    its sentences' own words (Sentence.unquoted: the quotations are the paragraph's own).

    Both read the paragraph's text and at most the one character on either side of it, so a
    paragraph whose neighbours there are white space (or nothing) is read once, by its text,
    and its reading moved to where it stands now. A paragraph that touches other copy (a
    marked-up draft's block may share a line) is read in place."""
    text, lex = article.text, article.lexicon
    before = text[para.start - 1] if para.start > 0 else ""
    after = text[para.end] if para.end < len(text) else ""
    if not ((before == "" or before.isspace()) and (after == "" or after.isspace())):
        quotes, sentences = _reading(text, para.start, para.end, para.index, lex)
        return quotes, sentences, None
    own = text[para.start : para.end]
    start = len(before)
    got = lex.memo("paragraphs", memo.PARAGRAPHS).get(
        (before, own, after), lambda: _remembered(before + own + after, start, start + len(own), lex)
    )
    return _moved(got, para.start - start, para.index)


def _reading(text: str, start: int, end: int, index: int, lex: Lexicon) -> tuple[ParagraphQuotes, list[tuple[int, int]]]:
    return scan_paragraph(text, start, end, index, lex.elisions), split_sentences(text, start, end, lex)


# A remembered reading is kept as tuples of numbers and strings, which the cycle collector does
# not track: over a corpus the memo is always full, and objects it had to walk cost a twentieth
# of the run. Quotations and marks are made from them afresh for each article (see _moved).
_QuotationFields = tuple[int, "int | None", int, int, bool, int]  # open, close, start, end, double, depth
_MarkFields = tuple[int, str, bool, "bool | None", int, bool, bool]


def _remembered(text: str, start: int, end: int, lex: Lexicon) -> tuple:
    """The reading of text[start:end] as tuples: quotations, unmatched marks, the mark left
    open (or None), marks facing the wrong way, sentence spans, sentences' own words."""
    quotes, sentences = _reading(text, start, end, 0, lex)
    quoted = list(quotes.quotations)
    mark = quotes.open_at_end
    if mark is not None:
        # The quotation left open runs to the paragraph's end (see _scan_quotations).
        quoted.append(Quotation(mark.offset, None, mark.offset + mark.length, end, mark.double, 0, 0))
    return (
        tuple((q.open, q.close, q.start, q.end, q.double, q.depth) for q in quotes.quotations),
        tuple(_mark_fields(m) for m in quotes.unmatched),
        None if mark is None else _mark_fields(mark),
        tuple(_mark_fields(m) for m in quotes.wrong_way),
        tuple(x for span in sentences for x in span),  # each sentence's start and end in turn
        tuple(blank_quotations(text, s, e, quoted) for s, e in sentences),
    )


def _mark_fields(m: Mark) -> _MarkFields:
    return (m.offset, m.char, m.double, m.opening, m.length, m.tentative, m.wrong_way)


def _moved(reading: tuple, delta: int, index: int) -> _Reading:
    """A remembered reading moved by `delta` characters into paragraph `index`, as new objects
    (the article's quotations are marked later: continued, continues)."""
    quotations, unmatched, open_at_end, wrong_way, sentences, unquoted = reading
    marks: dict[_MarkFields, Mark] = {}  # a mark in two lists stays one mark

    def mark(f: _MarkFields) -> Mark:
        got = marks.get(f)
        if got is None:
            got = marks[f] = Mark(f[0] + delta, *f[1:])
        return got

    moved = ParagraphQuotes(
        [
            Quotation(o + delta, None if c is None else c + delta, s + delta, e + delta, double, depth, index)
            for o, c, s, e, double, depth in quotations
        ],
        [mark(f) for f in unmatched],
        None if open_at_end is None else mark(open_at_end),
        [mark(f) for f in wrong_way],
    )
    spans = [(sentences[k] + delta, sentences[k + 1] + delta) for k in range(0, len(sentences), 2)]
    return moved, spans, list(unquoted)


def _scan_quotations(article: Article, readings: list[ParagraphQuotes]) -> None:
    text = article.text
    paras = article.paragraphs
    carried = -1  # the paragraph that carries on a quotation left open
    for i, para in enumerate(paras):
        result = readings[i]
        if carried == i and result.quotations and result.quotations[0].open == _first_mark(text, para):
            result.quotations[0].continued = True
        article.quotations.extend(result.quotations)
        article.unmatched_marks.extend(result.unmatched)
        article.wrong_way_marks.extend(result.wrong_way)
        if result.open_at_end is not None:
            mark = result.open_at_end
            # The next paragraph of copy: a caption or an embedded tweet set between two
            # paragraphs of one quotation does not end it.
            j = i + 1
            while j < len(paras) and j <= i + EMBED_RUN and is_embed(text, paras[j].start, paras[j].end):
                j += 1
            nxt = paras[j] if j < len(paras) and j <= i + EMBED_RUN else None
            q = Quotation(
                open=mark.offset,
                close=None,
                start=mark.offset + mark.length,
                end=para.end,
                double=mark.double,
                depth=0,
                paragraph=i,
            )
            # A paragraph that both carries on a quotation and leaves it open again.
            q.continued = carried == i and not result.quotations and mark.offset == _first_mark(text, para)
            if nxt is not None and opens_with_quote(text, nxt.start, nxt.end, mark.double):
                q.continues = True
                carried = j
            elif not mark.tentative:
                article.unmatched_marks.append(mark)
            article.quotations.append(q)
    article.quotations.sort(key=lambda q: q.open)
    article.unmatched_marks.sort(key=lambda m: m.offset)


def _first_mark(text: str, para: Paragraph) -> int:
    i = para.start
    while i < para.end and text[i].isspace():
        i += 1
    return i


# --- sentences --------------------------------------------------------------------------

_LETTERS = compiled(r"[A-Za-z]+")
_TERMINATOR = re.compile(f"[{re.escape(TERMINATORS)}]")
_SPACE = compiled(r"\s")


def split_sentences(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], trimmed of surrounding white space."""
    out: list[tuple[int, int]] = []
    s = start
    i = start
    while i < end:
        m = _TERMINATOR.search(text, i, end)  # straight to the next terminator
        if m is None:
            break
        i = m.start()
        j = i + 1
        while j < end and (text[j] in TERMINATORS):
            j += 1
        while j < end and text[j] in CLOSERS:
            j += 1
        if j >= end:
            break
        if not text[j].isspace():
            i = j
            continue
        k = j
        while k < end and text[k].isspace():
            k += 1
        if k < end and _is_boundary(text, s, i, j, k, lex):
            out.append((s, j))
            s = k
        i = k
    if s < end:
        e = end
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _is_boundary(text: str, sent_start: int, i: int, j: int, k: int, lex: Lexicon) -> bool:
    """Whether the terminator at text[i] (its run ends at j) ends a sentence; text[k] starts the next."""
    nxt = text[k]
    n = k
    while n < len(text) and text[n] in OPENERS:
        n += 1
    first = text[n] if n < len(text) else ""
    starts_upper = first.isupper() or first.isdigit() or (nxt in OPENERS and first.isalpha())
    if not starts_upper:
        return False
    if text[i] == "." and j == i + 1:
        # The word before the dot, found by stepping back to the space before it (a search
        # from the sentence's start would make a long run of "A. A. A." quadratic).
        w = i
        while w > sent_start and not _SPACE.match(text, w - 1):
            w -= 1
        word = text[w : i + 1].lstrip(OPENERS).lower()
        if word in lex.abbreviations:
            return False
        if word in lex.abbreviations_before_numbers and first.isdigit():
            return False
        bare = word[:-1]
        if len(bare) == 1 and bare.isalpha():
            return False  # an initial: George W. Bush
        if "." in bare and all(len(part) <= 2 and part.isalpha() for part in bare.split(".")):
            # U.S., a.m., D.C.: an abbreviation at a sentence end is followed by a plain
            # sentence opener more often than by a capitalised name. ("$9.40." is a sum.)
            return _opener_word(text, n) in lex.word_class("sentence_openers", keep_case=True)
    return True


def _opener_word(text: str, n: int) -> str:
    m = _LETTERS.match(text, n, n + 20)
    return m.group(0) if m else ""
