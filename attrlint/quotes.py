"""Quotation marks: telling quotes from apostrophes, pairing them, and the quotations they make.

Pairing runs per paragraph. Double marks (“ ” " „ « ») and single marks (‘ ’ ' ‚ ‹ ›) pair
with a stack, so a single quotation nested in a double one is closed there, and a straight
mark pairs with a curly one. A paragraph that ends inside a double quotation is not an
error when the next paragraph opens with a quote mark: that is the continuing-quote
convention, and the quotation runs on into the next paragraph.
"""

from __future__ import annotations

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
    offset: int
    char: str
    double: bool
    opening: bool


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
    speaker: object | None = None
    notes: dict = field(default_factory=dict)

    def text(self, article_text: str) -> str:
        return article_text[self.start:self.end]


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def classify(text: str, i: int, elisions: frozenset[str]) -> Mark | None:
    """Say what the mark at text[i] is, or None for an apostrophe."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in DOUBLE_OPEN:
        return Mark(i, ch, True, True)
    if ch in DOUBLE_CLOSE:
        return Mark(i, ch, True, False)
    if ch == STRAIGHT_DOUBLE:
        opening = before in OPENING_CONTEXT and not after.isspace()
        if before.isspace() and after.isspace():
            opening = None  # decided by the pairing state
        return Mark(i, ch, True, opening)
    # Single marks double as apostrophes.
    if ch in "‚‹":
        return Mark(i, ch, False, True)
    if ch == "›":
        return Mark(i, ch, False, False)
    if _is_letter(before) and _is_letter(after):
        return None  # ISIS’s, don’t, o’clock
    word = _word_at(text, i)
    if word and word.replace("'", "’").lower() in elisions:
        return None  # ’n’, ’em, ’til
    if before in OPENING_CONTEXT or i == 0:
        if after.isdigit():
            return None  # ’90s, '16 election
        if after.isspace():
            return None  # a lone mark between spaces
        return Mark(i, ch, False, True)
    # After a letter or punctuation and before a space or punctuation: a closing single
    # quote, or the apostrophe of a plural possessive ("voters’"); pairing decides.
    return Mark(i, ch, False, False)


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
    quotations: list[Quotation]
    unmatched: list[Mark]  # marks that pair with nothing, for quote-unbalanced
    open_at_end: Mark | None  # a double quotation left open as the paragraph ends


def scan_paragraph(text: str, start: int, end: int, index: int, elisions: frozenset[str]) -> ParagraphQuotes:
    """Pair the quote marks of text[start:end] into quotations."""
    stack: list[Mark] = []
    quotations: list[Quotation] = []
    unmatched: list[Mark] = []
    for i in range(start, end):
        if text[i] not in ALL_MARKS:
            continue
        mark = classify(text, i, elisions)
        if mark is None:
            continue
        if mark.opening is None:  # a straight double between spaces
            mark.opening = not any(m.double for m in stack)
        if mark.opening:
            if mark.double and mark.char == STRAIGHT_DOUBLE and stack and stack[-1].double and stack[-1].char == STRAIGHT_DOUBLE:
                # "a" "b": a straight mark can't open inside a straight quotation; it closes it.
                mark.opening = False
            else:
                stack.append(mark)
                continue
        # A closing mark.
        if mark.double:
            if not any(m.double for m in stack):
                unmatched.append(mark)
                continue
            while not stack[-1].double:
                unmatched.append(stack.pop())  # a single quote left open inside the double
            opener = stack.pop()
            quotations.append(_quotation(opener, mark, len(stack), index))
        else:
            if stack and not stack[-1].double:
                opener = stack.pop()
                quotations.append(_quotation(opener, mark, len(stack), index))
            elif text[i] == STRAIGHT_SINGLE or text[i] == "’":
                continue  # the apostrophe of a plural possessive: voters’, Jesus'
            else:
                unmatched.append(mark)
    open_at_end = None
    for mark in stack:
        if mark.double and open_at_end is None and mark is stack[0]:
            open_at_end = mark
        else:
            unmatched.append(mark)
    quotations.sort(key=lambda q: q.open)
    unmatched.sort(key=lambda m: m.offset)
    return ParagraphQuotes(quotations, unmatched, open_at_end)


def _quotation(opener: Mark, closer: Mark, depth: int, paragraph: int) -> Quotation:
    return Quotation(
        open=opener.offset,
        close=closer.offset,
        start=opener.offset + 1,
        end=closer.offset,
        double=opener.double,
        depth=depth,
        paragraph=paragraph,
    )


def opens_with_quote(text: str, start: int, end: int) -> bool:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i < end and text[i] in DOUBLE_OPEN + STRAIGHT_DOUBLE
