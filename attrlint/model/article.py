"""The article model: headline, deck, paragraphs, sentences and quotations, with exact offsets.

Every span is a pair of character offsets into `Article.text`, which has the same length and
line structure as the source text: markup that is not copy (Markdown front matter, code, HTML
tags and comments, link targets, emphasis marks) is blanked out with spaces rather than
removed, so an offset found in the analysed text is the offset in the file, and maps to its
line:column. attrlint.model.segment builds an Article from a source; the Markdown and HTML
readers it calls are in attrlint.model.readers.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from attrlint.model.quotes import Quotation

if TYPE_CHECKING:
    from attrlint.model.lexicon import Lexicon
    from attrlint.model.source import Source


@dataclass
class Sentence:
    """A sentence (or the headline, or a deck line) of an article."""

    start: int
    end: int
    paragraph: int  # index into Article.paragraphs; -1 for the headline
    index: int  # position within its paragraph
    article: Article = field(repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.article.text[self.start : self.end]

    @cached_property
    def quotations(self) -> list[Quotation]:
        # A quotation never runs past its paragraph, so only that paragraph's are candidates.
        candidates: Sequence[Quotation] = self.article.quotations_by_paragraph.get(self.paragraph, ())
        index = self.article.quotation_index.get(self.paragraph)
        if index is not None:
            # Only the run that can overlap this sentence: a paragraph of thousands of
            # sentences and quotations must not cost sentences x quotations.
            starts, reach = index
            candidates = candidates[bisect.bisect_right(reach, self.start) : bisect.bisect_left(starts, self.end)]
        return [q for q in candidates if q.start < self.end and q.end > self.start]

    @cached_property
    def unquoted(self) -> str:
        """The sentence with quoted words blanked: what the writer says in their own voice.
        (The reader fills it in for a paragraph it remembers, see attrlint.model.segment.)"""
        return unquoted(self.article.text, self.start, self.end, self.quotations)


def unquoted(text: str, start: int, end: int, quotations: Sequence[Quotation]) -> str:
    """text[start:end] with the words of the top-level quotations among `quotations` blanked
    (line breaks kept)."""
    chars = None
    for q in quotations:
        if q.depth or not (q.start < end and q.end > start):
            continue
        if chars is None:
            chars = list(text[start:end])
        lo, hi = max(q.start, start), min(q.end, end)
        # Each character but a line break becomes a space: a run of spaces a line.
        chars[lo - start : hi - start] = "\n".join(" " * len(line) for line in text[lo:hi].split("\n"))
    return text[start:end] if chars is None else "".join(chars)


@dataclass
class Paragraph:
    """A paragraph of the body and its sentences."""

    start: int
    end: int
    index: int
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Article:
    """A draft read into its parts, every span an offset pair into `text`."""

    source: Source
    text: str
    lexicon: Lexicon
    headline: Sentence | None = None
    # Lines right under a plain-text headline before the first blank line: a subheadline. It
    # goes with the headline; body rules do not read it (loaded-verb does).
    deck: list[Sentence] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    unmatched_marks: list = field(default_factory=list)
    wrong_way_marks: list = field(default_factory=list)  # curly marks facing the wrong way
    furniture: list[tuple[int, int]] = field(default_factory=list)
    cache: dict = field(default_factory=dict, repr=False)  # per-article results shared by rules

    @cached_property
    def quotations_by_paragraph(self) -> dict[int, list[Quotation]]:
        by: dict[int, list[Quotation]] = {}
        for q in self.quotations:
            by.setdefault(q.paragraph, []).append(q)
        return by

    @cached_property
    def quotation_index(self) -> dict[int, tuple[list[int], list[int]] | None]:
        """Per paragraph, for quotations in text order: their starts, and the furthest end
        reached so far (both non-decreasing, so a span's quotations are found by bisection);
        None for a paragraph whose quotations are not in order (searched in full)."""
        out: dict = {}
        for par, qs in self.quotations_by_paragraph.items():
            starts = [q.start for q in qs]
            if any(a > b for a, b in itertools.pairwise(starts)):
                out[par] = None
                continue
            reach, top = [], -1
            for q in qs:
                top = max(top, q.end)
                reach.append(top)
            out[par] = (starts, reach)
        return out

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    def position(self, offset: int) -> tuple[int, int]:
        return self.source.position(offset)
