"""The headline's claim and where the body first makes it: shared by the two headline rules.

A headline is display copy, so it is read with a headline's grammar in mind: title case,
kickers before a colon ("Tail of survival: ..."), sources before a colon ("Monitor: ...") or
after a dash ("... - officials"), claim quotes ('US-led strike'). The body's first mention of
the headline's claim is the first body sentence, among the first paragraphs, that shares the
headline's key figure or enough of its key content words. Standfirsts (a summary paragraph
set above the page's reading time or date) are display copy too and are passed over.

Figures are compared as ranges: "nearly 500" is a little under 500, "dozens" is a few dozen
to a hundred or so, "at least 57" is 57 or a little more. The ranges are rule options.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from attrlint.patterns import compiled

_WORD = compiled(r"\p{L}[\p{L}\p{N}’']*|\p{N}+(?:[.,]\p{N}+)*")
_HYPHEN = compiled(r"[-‐‑]")
# A quotation inside a headline: an opening mark after a space or the start, a closing mark
# before a space, punctuation or the end. "Syria's" and "Hasn't" cannot open one.
HEADLINE_QUOTE = compiled(r"(?<![\p{L}\p{N}])(['‘\"“])(?P<words>[^'‘’\"“”]{1,120}?)(['’\"”])(?![\p{L}\p{N}])")
_SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "ers", "edly", "ied", "ies", "ed", "es", "ly", "s")


def stem(word: str) -> str:
    """A light stemmer: enough to match "killed"/"kills"/"killing", "Democrats"/"Democratic"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if len(w) <= 4:
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                w += "y"
            break
    if len(w) > 5 and w.endswith("e"):
        w = w[:-1]
    return w


def stems_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long_.startswith(short)


def content_stems(text: str, stopwords: frozenset[str], forms: dict | None = None) -> list[str]:
    """The stems of the content words of `text`, in order, each once; `forms` maps irregular
    word forms to their base ("stung" -> "sting")."""
    out: list[str] = []
    for m in _WORD.finditer(text):
        for part in _HYPHEN.split(m.group(0)):
            low = part.lower().replace("’", "'")
            if not part or low in stopwords or low.rstrip("'s") in stopwords or part[0].isdigit():
                continue
            s = stem(forms.get(low, low) if forms else low)
            if len(s) > 1 and s not in out and s not in stopwords:
                out.append(s)
    return out


def name_stems(texts, forms: dict | None = None) -> set[str]:
    """The stems of the words that the sentences `texts` only ever capitalise past a
    sentence's first word: names ("Clinton", "Republicans", "GOP"), which say who a claim is
    about but not what it claims. A word seen only first in its sentence is not known to be
    a name."""
    names: set[str] = set()
    common: set[str] = set()
    for text in texts:
        first = True
        for m in _WORD.finditer(text):
            for part in _HYPHEN.split(m.group(0)):
                if not part or part[0].isdigit():
                    continue
                low = part.lower().replace("’", "'")
                s = stem(forms.get(low, low) if forms else low)
                if not first:
                    (names if part[0].isupper() else common).add(s)
                first = False
    return names - common


def shared(head: list[str], body: list[str]) -> list[str]:
    """The headline stems that the body words match."""
    return [h for h in head if any(stems_match(h, b) for b in body)]


# --- figures as ranges ------------------------------------------------------------------


@dataclass
class FigureRange:
    """The values a figure's wording allows, with the words it counts."""

    low: float
    high: float
    text: str
    noun: str


class RangeReader:
    """Turns a Figure (value, approximator, vague word) into the range of values it allows."""

    def __init__(self, vague: dict, approximators: dict, tolerance: float, open_ended: float, points: float = 1.0):
        self.vague = {k.lower(): (float(v[0]), float(v[1])) for k, v in vague.items()}
        self.approx = {" ".join(k.lower().split()): (float(v[0]), float(v[1])) for k, v in approximators.items()}
        self.tolerance = tolerance
        self.open_ended = open_ended
        self.points = points

    def range(self, fig, stated: bool = False) -> FigureRange | None:
        """The values `fig` allows. A `stated` figure is the headline's: it may be rounded
        (by `tolerance`, or by `points` for a percentage), and "at least"/"more than" has no
        upper bound (a headline's "more than 100" is satisfied by any larger count). A body
        figure without an approximator means what it says."""
        if fig.kind in ("share", "vote"):
            return None
        if fig.value is None:
            key = " ".join(fig.text.lower().split())
            if key not in self.vague:
                return None
            lo, hi = self.vague[key]
            return FigureRange(lo, hi, fig.text, fig.noun)
        v = fig.value
        factors = self.approx.get(fig.approx)
        if factors is None and not stated:
            lo, hi = v, v
        elif factors is None and fig.kind == "percent":
            lo, hi = v - self.points, v + self.points
        elif factors is None:
            lo, hi = v * (1 - self.tolerance), v * (1 + self.tolerance)
        else:
            lo, hi = v * factors[0], v * factors[1]
            if stated and factors[1] >= self.open_ended:
                hi = float("inf")
        return FigureRange(lo, hi, fig.text, fig.noun)


def overlaps(a: FigureRange, b: FigureRange) -> bool:
    return a.low <= b.high and b.low <= a.high


# --- the article's display copy and lede --------------------------------------------------


def standfirst_paragraphs(article, markers: regex.Pattern, limit: int = 2) -> set[int]:
    """Leading paragraphs set above the page header (reading time, date): display copy."""
    out: set[int] = set()
    paras = article.paragraphs
    for i, para in enumerate(paras[:limit]):
        nxt = paras[i + 1].start if i + 1 < len(paras) else len(article.text)
        between = [article.text[s:e] for s, e in article.furniture if para.end <= s < nxt]
        if any(markers.search(line) for line in between):
            out.update(range(i + 1))
    return out


def lede_sentences(article, first_paragraphs: int, markers: regex.Pattern):
    """Body sentences where the headline's claim is looked for, in order."""
    skip = standfirst_paragraphs(article, markers)
    taken = 0
    for para in article.paragraphs:
        if para.index in skip:
            continue
        taken += 1
        if taken > first_paragraphs:
            return
        yield from para.sentences
