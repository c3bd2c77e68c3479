"""Reference copy (wire stories, transcripts, earlier drafts) that quote-drift compares with.

Every quotation is turned into a *rendering*: its words, normalised so that what the contract
says is not drift compares equal (case, punctuation, quote-mark style, white space, curly
against straight apostrophes, numerals against number words), plus the places where the
writer marked a change: an ellipsis (words left out) or a bracketed insertion ("[you]",
"(Libyan leader Moammar)"). Renderings of the reference texts are indexed once per run by
word pairs, so a quotation is compared only with the few reference renderings that share
words with it, whatever the size of the reference folder.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from attrlint import memo
from attrlint.model.lexicon import Lexicon
from attrlint.model.source import read_source, walk
from attrlint.patterns import compiled

_TOKEN = compiled(r"\d[\d,.]*\d|\d|%|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\.\.\.|…|[\[\]()]")
# A word pair shared by more renderings than this says nothing about which remark it is.
_COMMON_PAIR = 400


@dataclass
class Rendering:
    """One quotation's words, normalised, with where the writer marked a change."""

    words: list[str]
    spans: list[tuple[int, int]]  # absolute offsets of each word in its text
    elided: set[int] = field(default_factory=set)  # an ellipsis stands before words[i]
    inserted: set[int] = field(default_factory=set)  # a bracketed insertion stands before words[i]
    path: str = ""
    line: int = 0
    text: str = ""  # the quotation as written, for messages
    owner: Any = None  # the Quotation it renders
    # Its word pairs, made on first use (an index asks for them twice).
    known_pairs: frozenset[tuple[str, str]] | None = field(default=None, repr=False, compare=False)

    def pairs(self) -> frozenset[tuple[str, str]]:
        if self.known_pairs is None:
            self.known_pairs = frozenset(itertools.pairwise(self.words))
        return self.known_pairs


def render(text: str, start: int, end: int, lexicon: Lexicon) -> Rendering:
    """The rendering of text[start:end]. It depends on those characters alone, so it is
    remembered by them (the language server renders every quotation again after each edit)
    and moved to where they stand; each call gets a rendering of its own to fill in."""
    own = text[start:end]
    words, ends, elided, inserted = lexicon.memo("renderings", memo.QUOTATIONS).get(own, lambda: _remembered(own, lexicon))
    spans = [(ends[k] + start, ends[k + 1] + start) for k in range(0, len(ends), 2)]
    return Rendering(list(words), spans, set(elided), set(inserted))


def _remembered(text: str, lexicon: Lexicon) -> tuple:
    """The rendering of the whole text as four flat tuples (words; each span's start and end in
    turn; ellipses; insertions): kept in the memo, they are few objects for the cycle
    collector, which walks what a long run keeps."""
    words, spans, elided, inserted = _render(text, 0, len(text), lexicon)
    return tuple(words), tuple(x for span in spans for x in span), tuple(sorted(elided)), tuple(sorted(inserted))


def _render(text: str, start: int, end: int, lexicon: Lexicon):
    """Words, spans, ellipses and insertions of text[start:end] (see Rendering)."""
    units, tens, scales = lexicon.numbers("spoken_units"), lexicon.numbers("spoken_tens"), lexicon.numbers("spoken_scales")
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    elided: set[int] = set()
    inserted: set[int] = set()
    depth = 0
    pending_number: list[tuple[str, int, int]] = []

    def flush_number() -> None:
        if pending_number:
            words.append(str(_number_value([w for w, _, _ in pending_number], units, tens, scales)))
            spans.append((pending_number[0][1], pending_number[-1][2]))
            pending_number.clear()

    for m in _TOKEN.finditer(text, start, end):
        tok = m.group(0)
        if tok in "[(":
            flush_number()
            depth += 1
            inserted.add(len(words))
            continue
        if tok in "])":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue  # the writer's insertion
        if tok in ("...", "…"):
            flush_number()
            elided.add(len(words))
            continue
        low = tok.lower().replace("’", "'")
        if low in units or low in tens or (low in scales and pending_number):
            pending_number.append((low, m.start(), m.end()))
            continue
        flush_number()
        if low[0].isdigit():
            low = low.replace(",", "").rstrip(".")
        elif low == "%":
            low = "percent"
        words.append(low)
        spans.append((m.start(), m.end()))
    flush_number()
    return words, spans, elided, inserted


def _number_value(parts: list[str], units: dict, tens: dict, scales: dict) -> int:
    total = current = 0
    for p in parts:
        if p in units:
            current += units[p]
        elif p in tens:
            current += tens[p]
        elif p in scales:
            current = max(current, 1) * scales[p]
            if scales[p] >= 1000:
                total += current
                current = 0
    return total + current


@dataclass
class Comparison:
    """How a quotation compares with one other rendering of what may be the same remark."""

    other: Rendering
    matched: int  # words the two share, in order
    drift: tuple[int, int] | None  # the quotation's words (index range) that drift, or None
    ours: str = ""  # the drifted words, ours and theirs, for the message
    theirs: str = ""


def compare(
    a: Rendering,
    b: Rendering,
    min_run: int,
    min_share: float,
    min_share_run: int = 4,
    loose: bool = True,
    little_words: frozenset[str] = frozenset(),
) -> Comparison | None:
    """Compare quotation `a` with rendering `b`; None when they are not the same remark.

    The same remark: a shared run of `min_run` words, or a run of `min_share_run` words
    with `min_share` of the shorter rendering's words (at least five) shared in order, densely.
    `loose=False` asks for the long run only (two quotations of one article: a writer quotes
    a remark twice nearly word for word, and different remarks share short phrases).
    `little_words` do not count towards the content words the shared stretch must hold."""
    import difflib  # on first comparison: a run without quotations to compare never needs it

    sm = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False)
    blocks = [blk for blk in sm.get_matching_blocks() if blk.size]
    if not blocks:
        return None
    matched = sum(blk.size for blk in blocks)
    if not _same_remark(a, b, blocks, matched, min_run, min_share, min_share_run, loose, little_words):
        return None
    ops = sm.get_opcodes()
    drifts = _inner_drifts(a, b, ops)
    ends, diverged = _end_drifts(a, b, ops)
    if diverged:
        if not loose:
            # Two quotations of one article that part ways at an end are two remarks built
            # on one phrase ("a special place in hell for women who ..."), not one remark
            # quoted twice.
            return None
        drifts.extend(ends)
    if not drifts:
        return Comparison(b, matched, None)
    return _drifted(a, b, matched, drifts, ends)


def _same_remark(
    a: Rendering,
    b: Rendering,
    blocks: list,
    matched: int,
    min_run: int,
    min_share: float,
    min_share_run: int,
    loose: bool,
    little_words: frozenset[str],
) -> bool:
    """Whether the matching blocks of two renderings make them one remark (see `compare`)."""
    longest = max(blk.size for blk in blocks)
    if not loose and matched < min_share * min(len(a.words), len(b.words)):
        return False  # two remarks of one article that share a phrase
    if longest >= min_run:
        return True
    # Else the shared words must be many, dense on both sides of the shared stretch, and not
    # only little words: "used money that shouldn't have been used" against "used money I
    # shouldn't have used".
    a_window = blocks[-1].a + blocks[-1].size - blocks[0].a
    b_window = blocks[-1].b + blocks[-1].size - blocks[0].b
    content = sum(1 for blk in blocks for w in a.words[blk.a : blk.a + blk.size] if w not in little_words)
    shorter = min(len(a.words), len(b.words))
    return not (
        not loose
        or longest < min_share_run
        or matched < 5
        or content < 2
        or matched < min_share * shorter
        or matched < min_share * a_window
        or matched < min_share * b_window
    )


def _inner_drifts(a: Rendering, b: Rendering, ops: list) -> list[tuple[int, int, int, int]]:
    """The changes within the remark (not at its ends) that no marked change excuses."""
    drifts = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal" or k == 0 or k == len(ops) - 1:
            continue
        if not _excused(a, b, i1, i2, j1, j2):
            drifts.append((i1, i2, j1, j2))
    return drifts


def _end_drifts(a: Rendering, b: Rendering, ops: list) -> tuple[list[tuple[int, int, int, int]], bool]:
    """The ends where one side quotes more than the other, and whether the two sides part
    ways at an end (words on both sides there)."""
    # At each end one side may quote more of the remark than the other, but not both: words
    # on both sides there are a changed word ("what they're finding" against "what they're
    # talking"). Extra words at opposite ends are two overlapping stretches of one remark,
    # neither changed. An ellipsis at an end stands for the other side's words.
    diverged = False
    ends = []
    for k in sorted({0, len(ops) - 1}):
        tag, i1, i2, j1, j2 = ops[k]
        if tag == "equal" or _excused(a, b, i1, i2, j1, j2):
            continue
        # An ellipsis (either side's) between an end's extra words and the shared stretch
        # makes them separate stretches of the remark: quoting more, not changing it.
        ai, bj = (i2, j2) if k == 0 and i1 == 0 and j1 == 0 else (i1, j1)
        marked = ai in a.elided or bj in b.elided
        ours = i2 > i1 and not marked
        theirs = j2 > j1 and not marked
        if ours or theirs:
            ends.append((i1, i2, j1, j2))
        diverged |= ours and theirs
    return ends, diverged


def _drifted(a: Rendering, b: Rendering, matched: int, drifts: list, ends: list) -> Comparison:
    """The comparison of a remark that drifted: the stretch of our words from the first
    drift to the last, naming the first change within the remark (else the first edge)."""
    drifts.sort()
    lo = min(i1 if i2 > i1 else max(0, i1 - 1) for i1, i2, _, _ in drifts)
    hi = max(i2 if i2 > i1 else min(len(a.words), i1 + 1) for i1, i2, _, _ in drifts)
    inner = [d for d in drifts if d not in ends] or drifts
    i1, i2, j1, j2 = inner[0]
    ours = " ".join(a.words[i1:i2]) or "(nothing)"
    theirs = " ".join(b.words[j1:j2]) or "(nothing)"
    return Comparison(b, matched, (lo, max(hi, lo + 1)), ours, theirs)


def _excused(a: Rendering, b: Rendering, i1: int, i2: int, j1: int, j2: int) -> bool:
    """Whether a difference lies where one side marked a change: an ellipsis (words left
    out) or a bracketed insertion (words replaced), or is only a joined or split word."""
    if i2 == i1 and any(i1 == g for g in a.elided):
        return True  # our ellipsis stands for their words
    if j2 == j1 and any(j1 == g for g in b.elided):
        return True  # their ellipsis stands for our words
    if any(g in a.inserted for g in range(i1, i2 + 1)):
        return True
    if any(g in b.inserted for g in range(j1, j2 + 1)):
        return True
    # re-confirmed / reconfirmed: a hyphen is punctuation
    return i2 > i1 and j2 > j1 and "".join(a.words[i1:i2]) == "".join(b.words[j1:j2])


class RenderingIndex:
    """Renderings indexed by the word pairs they contain."""

    def __init__(self) -> None:
        self.renderings: list[Rendering] = []
        self.postings: dict[tuple[str, str], list[int]] = defaultdict(list)

    def add(self, r: Rendering) -> None:
        k = len(self.renderings)
        self.renderings.append(r)
        for pair in r.pairs():
            self.postings[pair].append(k)

    def candidates(self, r: Rendering, limit: int = 12) -> list[Rendering]:
        counts: Counter[int] = Counter()
        for pair in r.pairs():
            posting = self.postings.get(pair)
            if posting and len(posting) <= _COMMON_PAIR:
                counts.update(posting)
        return [self.renderings[k] for k, n in counts.most_common(limit) if n >= 1]


def renderings_of(article, min_words: int = 1, speakers: dict | None = None) -> list[Rendering]:
    """Renderings of an article's top-level quotations; the article itself when it has
    none (a transcript), one per paragraph. `speakers` (from a SpeakerFinder) lets a block
    quotation's credit line be left out of its words."""
    out: list[Rendering] = []
    text = article.text
    for q in article.quotations:
        if q.depth:
            continue
        end = q.end
        sp = speakers.get(q.open) if speakers else None
        if sp is not None and getattr(sp, "how", "") == "credit" and q.start < sp.start < q.end:
            end = sp.start  # a block quotation's credit line is not its words
        r = render(text, q.start, end, article.lexicon)
        if len(r.words) < min_words:
            continue
        r.path = article.source.path
        r.line = article.position(q.open)[0]
        r.text = " ".join(text[q.start : q.end].split())
        r.owner = q
        out.append(r)
    if not article.quotations:
        for para in article.paragraphs:
            r = render(text, para.start, para.end, article.lexicon)
            if len(r.words) >= min_words:
                r.path = article.source.path
                r.line = article.position(para.start)[0]
                r.text = " ".join(text[para.start : para.end].split())
                out.append(r)
    return out


@dataclass
class ReferenceIndex:
    """The reference copy quote-drift compares with: its articles and their renderings."""

    articles: list = field(default_factory=list)
    index: RenderingIndex = field(default_factory=RenderingIndex)

    @classmethod
    def build(cls, paths: list[str], linter) -> ReferenceIndex:
        index = cls()
        for path in walk(paths):
            article = linter.article(read_source(path))
            index.articles.append(article)
            for r in renderings_of(article, min_words=2):
                index.index.add(r)
        return index
