"""Quotation marks: telling quotes from apostrophes, pairing them, and the quotations they make.

Pairing runs per paragraph. Double marks (“ ” " „ « ») and single marks (‘ ’ ' ‚ ‹ ›) pair
with a stack, so a single quotation nested in a double one is closed there, and a straight
mark pairs with a curly one. A paragraph that ends inside a double quotation is not an
error when the next paragraph opens with a quote mark: that is the continuing-quote
convention, and the quotation runs on into the next paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
OPENING_CONTEXT = " \t\n([{—–-/:;" + DOUBLE_OPEN + SINGLE_OPEN + '"' + "'"


@dataclass
class Mark:
    """A quotation mark, and which way it faces where it stands."""

    offset: int
    char: str
    double: bool
    opening: bool | None
    length: int = 1  # 2 for a doubled straight single ('') used as a double mark
    tentative: bool = False  # an opening ’ or ' that may be an apostrophe: dropped if never closed
    wrong_way: bool = False  # a curly mark facing the wrong way for where it stands (“ closing, ” opening)


@dataclass
class Quotation:
    """A direct quotation: `start`/`end` bound its words, `open`/`close` its marks."""

    open: int
    close: int | None  # None when the quotation runs on into the next paragraph
    start: int
    end: int
    double: bool
    depth: int  # 0 for a top-level quotation, 1 for a quotation nested in another
    paragraph: int
    continues: bool = False  # left open at paragraph end, reopened in the next
    continued: bool = False  # opens a paragraph that carries on the previous quotation

    def text(self, article_text: str) -> str:
        return article_text[self.start : self.end]


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


# Markup tags left in plain-text copy (<tweet author="...">) are not copy: their attribute
# quotes are not quotation marks.
_ANY_MARK = re.compile(f"[{re.escape(ALL_MARKS)}]")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s+[\w:-]+\s*=\s*(?:\"[^\"\n]*\"|'[^'\n]*'|[”“][^”“\n]*[”“]|[^\s>]+))*\s*/?>")


def classify(text: str, i: int, elisions: frozenset[str]) -> Mark | None:
    """Say what the mark at text[i] is, or None for an apostrophe."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE:
        return _curly_double(ch, i, before, after)
    if ch == STRAIGHT_DOUBLE:
        return Mark(i, ch, True, _straight_side(before, after))
    if after == ch and ch in "'‘’":
        return _doubled_single(text, i, ch, before)
    # Single marks double as apostrophes.
    if ch in "‚‹":
        return Mark(i, ch, False, True)
    if ch == "›":
        return Mark(i, ch, False, False)
    if _is_letter(before) and _is_letter(after):
        return None  # ISIS’s, don’t, o’clock
    word = _word_at(text, i)
    if word and word.replace("'", "’").replace("‘", "’").lower() in elisions:
        return None  # ’n’, ’em, ’til
    if before in OPENING_CONTEXT or i == 0:
        if after.isdigit():
            return None  # ’90s, '16 election
        if after.isspace():
            return None  # a lone mark between spaces
        # ‘ only ever opens; ’ and ' open a quotation only if a closing mark pairs with them.
        return Mark(i, ch, False, True, tentative=ch != "‘")
    # After a letter or punctuation and before a space or punctuation: a closing single
    # quote, or the apostrophe of a plural possessive ("voters’"); pairing decides.
    return Mark(i, ch, False, False)


def _curly_double(ch: str, i: int, before: str, after: str) -> Mark:
    """A curly double mark: the way it faces, unless it stands where only the other way fits."""
    if ch in DOUBLE_OPEN:
        if (
            ch == "“"
            and not (before.isspace() or before in OPENING_CONTEXT or i == 0)
            and (after.isspace() or after in ".,;:!?)]}—–")
        ):
            return Mark(i, ch, True, False, wrong_way=True)  # “We will not,“ he said.
        return Mark(i, ch, True, True)
    if ch == "”" and (before.isspace() or before in OPENING_CONTEXT or i == 0) and after.isalnum():
        return Mark(i, ch, True, True, wrong_way=True)  # ”We will not,” he said.
    return Mark(i, ch, True, False)


def _doubled_single(text: str, i: int, ch: str, before: str) -> Mark:
    """Two like single marks in a row ('' ‘‘ ’’), standing for a double mark."""
    after2 = text[i + 2] if i + 2 < len(text) else " "
    if ch == STRAIGHT_SINGLE:
        # Two straight singles stand for a double mark in some wire and NYT archive copy.
        return Mark(i, "''", True, _straight_side(before, after2), length=2)
    # Two curly singles stand for a double mark too (“I'm sorry,’’ ‘‘Yes”), as straight
    # pairs do: ‘‘ opens, ’’ closes unless it stands where a quotation opens.
    opening = ch == "‘" or ((before in OPENING_CONTEXT or i == 0) and not after2.isspace())
    return Mark(i, ch * 2, True, opening, length=2)


def _straight_side(before: str, after: str) -> bool | None:
    """Whether a straight double mark opens (True), closes (False) or is left to the pairing (None)."""
    if before.isspace() or before in OPENING_CONTEXT:
        return None if after.isspace() else True
    if after.isspace() or after in ".,;:!?)]}—–" or after in ALL_MARKS:
        return False
    # Between punctuation and a letter ('authorities."We'): the pairing state decides.
    return None


def _word_at(text: str, i: int) -> str:
    start = i
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "’'"):
        start -= 1
    end = i + 1
    while end < len(text) and (text[end].isalpha() or text[end] in "’'"):
        end += 1
    return text[start:end]


@dataclass
class ParagraphQuotes:
    """A paragraph's quotation marks, paired: its quotations and the marks left over."""

    quotations: list[Quotation]
    unmatched: list[Mark]  # marks that pair with nothing, for quote-unbalanced
    open_at_end: Mark | None  # a double quotation left open as the paragraph ends
    wrong_way: list[Mark] = field(default_factory=list)  # curly marks facing the wrong way


def _marks(text: str, start: int, end: int, elisions: frozenset[str]):
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text, start, end)] if "<" in text[start:end] else []
    t = 0
    i = start
    while i < end:
        m = _ANY_MARK.search(text, i, end)  # straight to the next mark
        if m is None:
            break
        i = m.start()
        while t < len(tags) and tags[t][1] <= i:
            t += 1
        if t < len(tags) and tags[t][0] <= i:
            i = tags[t][1]
            continue
        mark = classify(text, i, elisions)
        i += mark.length if mark else 1
        if mark is not None:
            yield mark


def scan_paragraph(text: str, start: int, end: int, index: int, elisions: frozenset[str]) -> ParagraphQuotes:
    """Pair the quote marks of text[start:end] into quotations."""
    stack: list[Mark] = []
    quotations: list[Quotation] = []
    unmatched: list[Mark] = []

    def drop(mark: Mark) -> None:
        if not mark.tentative:
            unmatched.append(mark)

    wrong_way: list[Mark] = []
    forced: tuple[Mark, Mark] | None = None  # the last quotation a mark shaped to open had to close
    for mark in _marks(text, start, end, elisions):
        if mark.wrong_way:
            wrong_way.append(mark)
        if mark.opening is None:  # a straight double the context cannot place
            mark.opening = not any(m.double for m in stack)
        if mark.opening:
            if mark.double and mark.char in (STRAIGHT_DOUBLE, "''") and any(m.double and m.char == mark.char for m in stack):
                # "a" "b": a straight mark can't open inside a straight quotation; it closes it.
                mark.opening = False
                forced = (stack[-1], mark) if stack[-1].double else None
            else:
                stack.append(mark)
                continue
        # A closing mark.
        if mark.double:
            if not any(m.double for m in stack):
                if forced and quotations and quotations[-1].close == forced[1].offset and not stack:
                    # The mark that closed was a quotation nested in the same marks after all:
                    # "Reporting that he shouted "Allah hu Akbar!" as he ran." The outer one
                    # opens again, and the inner one closes here.
                    outer, inner = forced
                    quotations.pop()
                    stack.append(outer)
                    quotations.append(_quotation(inner, mark, 1, index))
                    forced = None
                    continue
                unmatched.append(mark)
                continue
            while not stack[-1].double:
                drop(stack.pop())  # a single quote left open inside the double
            opener = stack.pop()
            quotations.append(_quotation(opener, mark, len(stack), index))
        else:
            if stack and not stack[-1].double:
                opener = stack.pop()
                quotations.append(_quotation(opener, mark, len(stack), index))
            elif mark.char in (STRAIGHT_SINGLE, "’"):
                continue  # the apostrophe of a plural possessive: voters’, Jesus'
            else:
                unmatched.append(mark)
    open_at_end = _left_open(text, start, end, stack, unmatched)
    quotations.sort(key=lambda q: q.open)
    unmatched.sort(key=lambda m: m.offset)
    return ParagraphQuotes(quotations, unmatched, open_at_end, wrong_way)


def _left_open(text: str, start: int, end: int, stack: list[Mark], unmatched: list[Mark]) -> Mark | None:
    """The mark of a quotation left open as the paragraph ends, when it may run on into the
    next paragraph: the first double mark left open, else (no double left open) a single mark
    that opens the paragraph or follows a colon or comma. The other marks left open are added
    to `unmatched`, but for tentative ones (apostrophes after all)."""
    open_at_end = None
    doubles = [m for m in stack if m.double]
    first = start
    while first < end and text[first].isspace():
        first += 1
    for mark in stack:
        if open_at_end is None and (
            (mark.double and mark is doubles[0])
            or (not doubles and mark is stack[0] and (mark.offset == first or _introduced(text, first, mark.offset)))
        ):
            # A paragraph left inside a quotation: the continuing-quote convention if the
            # next paragraph reopens (single marks too, in British copy: 'They put ...).
            open_at_end = mark
        elif not mark.tentative:
            unmatched.append(mark)
    return open_at_end


def _introduced(text: str, start: int, offset: int) -> bool:
    """Whether the mark at `offset` follows a colon or comma that introduces a quotation
    ("He told reporters: 'I can't ..."), where British copy opens a quotation that runs on."""
    before = text[start:offset].rstrip()
    return before.endswith((":", ","))


def _quotation(opener: Mark, closer: Mark, depth: int, paragraph: int) -> Quotation:
    return Quotation(
        open=opener.offset,
        close=closer.offset,
        start=opener.offset + opener.length,
        end=closer.offset,
        double=opener.double,
        depth=depth,
        paragraph=paragraph,
    )


def opens_with_quote(text: str, start: int, end: int, double: bool = True) -> bool:
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i >= end:
        return False
    if not double:
        return text[i] in SINGLE_OPEN + "'’" and not text.startswith("''", i)
    return text[i] in DOUBLE_OPEN + STRAIGHT_DOUBLE or text.startswith(("''", "‘‘"), i)


_TERMINAL = ".!?…:;" + DOUBLE_CLOSE + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE + ")]"
EMBED_RUN = 3  # at most this many embedded paragraphs between two paragraphs of one quotation


def is_embed(text: str, start: int, end: int) -> bool:
    """Whether a paragraph is an element the page set into the copy rather than a paragraph
    of it: a photo caption ("Getty  Firefighters carry a victim ..."), an embedded tweet and
    its credit line ("— Jane Doe (@jdoe) May 1, 2017"). Copy paragraphs end their last
    sentence; these stop without a full stop, and they carry no quotation marks. A
    quotation running on across one is still the same quotation."""
    body = text[start:end].rstrip()
    if not body or body[-1] in _TERMINAL:
        return False
    return not any(
        ch in ALL_MARKS and classify(text, k, frozenset()) is not None for k, ch in enumerate(body, start) if ch in ALL_MARKS
    )
