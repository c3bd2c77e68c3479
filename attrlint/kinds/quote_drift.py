"""Kind `quote-drift`: two renderings of the same quotation that differ in wording.

Each quotation of the article is compared with its renderings in the reference texts
(`--reference`, indexed once per run in attrlint/analysis/references.py) and with the quotations
before it in the same article. Two renderings are the same remark when they share a run of
`min_run` words or `min_share` of the shorter one's words. They agree when one is a stretch
of the other (one side quotes more of the remark) once case, punctuation, quote marks,
white space, numerals and the writer's marked changes (an ellipsis, a bracketed insertion)
are set aside. A quotation that agrees with any rendering of the reference is not drift;
otherwise the closest rendering is named, with its path:line.
"""

from __future__ import annotations

import os
from functools import partial
from typing import ClassVar

from attrlint import memo
from attrlint.analysis.references import Comparison, RenderingIndex, compare, renderings_of
from attrlint.diagnostic import Related
from attrlint.engine.rules import Option, Rule, register
from attrlint.memo import Memo
from attrlint.patterns import compiled

_CAPITAL = compiled(r"\p{Lu}[\p{L}’'-]+")


def _marked(r) -> tuple:
    """What compare() reads of a rendering: its words and where the writer marked a change."""
    return (tuple(r.words), tuple(sorted(r.elided)), tuple(sorted(r.inserted)))


def _speaker_key(sp, titles: frozenset[str]) -> set[str]:
    if sp is None:
        return set()
    name = sp.resolved or sp.name
    return {w.lower() for w in _CAPITAL.findall(name) if w.lower() not in titles}


def _different_speakers(a, b, speakers, titles: frozenset[str]) -> bool:
    """Whether two quotations are credited to people with no name in common."""
    ka, kb = _speaker_key(speakers.get(a.open), titles), _speaker_key(speakers.get(b.open), titles)
    return bool(ka) and bool(kb) and not (ka & kb)


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


@register
class QuoteDrift(Rule):
    kind = "quote-drift"
    placeholders = frozenset({"quotation", "reference", "where", "ours", "theirs"})
    options: ClassVar[dict[str, Option]] = {
        "min_words": Option("int", 4, "quotations shorter than this (terms, scare quotes) are not compared"),
        "min_run": Option("int", 7, "a shared run of this many words makes two renderings the same remark"),
        "min_share": Option(
            "float", 0.6, "or this share of the words of the shared stretch on both sides (five or more, two not little words)"
        ),
        "min_share_run": Option("int", 2, "with a shared run of at least this many words"),
        "within_article": Option("bool", True, "also compare a quotation with the article's earlier quotations"),
        "name_titles": Option(
            "words",
            [],
            "capitalised words of a speaker's name that are not the name (Mr, Senator, Former, The): two speakers are compared by the rest",
        ),
        "filler_words": Option(
            "words", [], "little words (a, the, is, he) that do not count as the content two renderings must share"
        ),
        "speech_cues": Option(
            "patterns",
            [],
            "speech cues for finding who said a quotation (share quote-unattributed's): two quotations of one article by different speakers are not one remark",
        ),
    }

    def prepare(self) -> None:
        from attrlint.kinds.quote_unattributed import speaker_finder

        self._finder = speaker_finder(self)
        self._titles = frozenset(w.lower() for w in self.opts["name_titles"])
        self._filler = frozenset(w.lower() for w in self.opts["filler_words"])
        self._memo = Memo(memo.QUOTATIONS)

    def check(self, article, facts):
        speakers = self._finder.assign(article, facts)
        mine = renderings_of(article, self.opts["min_words"], speakers)
        mine = [r for r in mine if r.owner is not None]
        if not mine:
            return
        here = os.path.abspath(article.source.path)
        refs = facts.references.index if facts.references is not None else None
        earlier = RenderingIndex()
        for r in mine:
            found = None
            if refs is not None:
                others = [o for o in refs.candidates(r) if os.path.abspath(o.path) != here]
                found = self._judge(r, others, loose=True)
            if found is None and self.opts["within_article"]:
                # Within one article the same remark is quoted twice in different places
                # (a lede and the full quotation further down). Two quotations of one
                # paragraph are two sentences of one speech, a speaker saying much the same
                # thing twice ("..., and again claimed ..."), or one quotation split by its
                # frame; quotations by different speakers are different remarks.
                same = [
                    o
                    for o in earlier.candidates(r)
                    if o.owner.paragraph != r.owner.paragraph
                    and not _different_speakers(o.owner, r.owner, speakers, self._titles)
                ]
                found = self._judge(r, same, loose=False)
            earlier.add(r)
            if found is None or found.drift is None:
                continue
            lo, hi = found.drift
            start, end = r.spans[lo][0], r.spans[hi - 1][1]
            other = found.other
            d = self.diagnostic(
                article,
                start,
                end,
                quotation=_short(r.text),
                reference=_short(other.text),
                where=f"{other.path}:{other.line}",
                ours=found.ours,
                theirs=found.theirs,
            )
            d.related.append(Related(other.path, other.line, 1, f"the other rendering: “{_short(other.text)}”"))
            yield d

    def _compare(self, r, o, loose: bool):
        """compare() of two renderings, remembered by their words and marked changes: the
        language server compares the same quotations again after every edit."""
        key = (_marked(r), _marked(o), loose)
        got = self._memo.get(key, partial(self._verdict, r, o, loose))
        return None if got is None else Comparison(o, *got)

    def _verdict(self, r, o, loose: bool):
        c = compare(r, o, self.opts["min_run"], self.opts["min_share"], self.opts["min_share_run"], loose, self._filler)
        return None if c is None else (c.matched, c.drift, c.ours, c.theirs)

    def _judge(self, r, others, loose: bool):
        """The verdict against the closest rendering (the most words shared in order): None
        when no rendering is the same remark. Among near-equally close renderings, one that
        agrees wins: the article may quote a remark that the reference gives twice."""
        found = []
        for o in others:
            c = self._compare(r, o, loose)
            if c is not None:
                found.append(c)
        if not found:
            return None
        top = max(c.matched for c in found)
        close = [c for c in found if c.matched >= 0.9 * top]
        agree = [c for c in close if c.drift is None]
        if agree:
            return agree[0]
        return max(close, key=lambda c: c.matched)
