"""Kind `headline-number-mismatch`: a headline figure that no body figure for the same thing supports.

Each reported figure of the headline is read as a range (attrlint.analysis.claims.RangeReader):
"nearly 500" is a little under 500, "scores" is forty to a few hundred, "more than 100" is
anything above 100. The body's figures for the same thing (the same counted noun, or the same
kind of count: deaths, injuries, arrests, money, percentages) are read the same way, with the
body's own approximators ("at least 57" is 57 or a little more). A finding when the body gives
figures for that thing and none of them fits; none when the body gives no figure for it at
all, which is a different problem (the headline's figure has no source in the story).
"""

from __future__ import annotations

from typing import ClassVar

from attrlint.analysis.claims import RangeReader, overlaps, stem
from attrlint.engine.rules import Option, Rule, register
from attrlint.patterns import compiled

_WORD = compiled(r"\p{L}[\p{L}’'-]*")


@register
class HeadlineNumber(Rule):
    kind = "headline-number-mismatch"
    aliases = ("headline-number",)  # the kind's name before it took its rule's
    placeholders = frozenset({"figure", "noun", "body_figure", "line"})
    options: ClassVar[dict[str, Option]] = {
        "vague_ranges": Option("mapping", {}, "vague quantities and the counts they allow, [low, high]"),
        "approximators": Option("mapping", {}, "approximators and the factors of the stated figure they allow, [low, high]"),
        "tolerance": Option("float", 0.1, "how far a headline figure may be rounded, as a share of it (0.1: 500 fits 472)"),
        "points": Option("float", 1.0, "how far a headline percentage may be rounded, in points"),
        "open_ended": Option(
            "float", 1.5, "an approximator whose upper factor reaches this is open-ended in a headline (more than, at least)"
        ),
        "same_thing": Option("mapping", {}, "kinds of count: name -> the nouns and verbs that count it"),
        "generic_nouns": Option("words", [], "counted nouns too general to tell two counts apart (people, persons)"),
        "window": Option("int", 40, "characters either side of a figure searched for the verb that says what it counts"),
    }

    def prepare(self) -> None:
        o = self.opts
        self._ranges = RangeReader(o["vague_ranges"], o["approximators"], o["tolerance"], o["open_ended"], o["points"])
        self._family: dict[str, str] = {}
        for name, words in o["same_thing"].items():
            for w in words:
                self._family[str(w).lower()] = str(name)
        self._generic = frozenset(w.lower() for w in o["generic_nouns"])

    def check(self, article, facts):
        head = article.headline
        if head is None or not article.paragraphs:
            return
        head_figures = [(f, r) for f in facts.figures(head) if (r := self._ranges.range(f, stated=True)) is not None]
        if not head_figures:
            return
        body = []  # (sentence, figure, range, what it counts)
        finder = facts.tools.figure_finder
        for sent in article.sentences:
            # Figures inside quotations count too: the body gives them, whoever says them.
            for f in finder.find(sent.text):
                r = self._ranges.range(f)
                if r is not None:
                    body.append((sent, f, r, self._counts(sent.text, f)))
        for hf, hr in head_figures:
            counts = self._counts(head.text, hf)
            same = [(s, f, r) for s, f, r, c in body if self._same(counts, c)]
            # A count with a generic noun ("111,800 people") may be the headline's count too.
            maybe = [r for _, f, r, c in body if not c[0] and not c[1]]
            if not same or any(overlaps(hr, r) for _, _, r in same) or any(overlaps(hr, r) for r in maybe):
                continue
            sent, fig, _ = min(same, key=lambda x: abs(_mid(x[2]) - _mid(hr)))
            line = article.position(sent.start + fig.start)[0]
            yield self.diagnostic(
                article,
                head.start + hf.start,
                head.start + hf.end,
                see=(sent.start + fig.start, "the body's figure for the same count"),
                figure=hf.text.strip() if not hf.approx else f"{hf.approx} {hf.text.strip()}",
                noun=hf.noun,
                body_figure=_with_approx(fig),
                line=line,
            )

    def _counts(self, text: str, fig) -> tuple[str, frozenset[str]]:
        """What a figure counts: its noun (stemmed, or "" when generic) and the kinds of count
        named by it and by the words around it ("57 people were killed" -> deaths)."""
        noun = fig.noun.lower()
        kinds = set()
        if noun in self._family:
            kinds.add(self._family[noun])
        w = self.opts["window"]
        around = text[max(0, fig.start - w) : fig.start] + " " + text[fig.end : fig.end + w]
        for m in _WORD.finditer(around):
            k = self._family.get(m.group(0).lower())
            if k:
                kinds.add(k)
        specific = "" if noun in self._generic or noun in self._family else stem(noun)
        return specific, frozenset(kinds)

    def _same(self, head: tuple[str, frozenset[str]], body: tuple[str, frozenset[str]]) -> bool:
        noun, kinds = head
        body_noun, body_kinds = body
        if noun and body_noun:
            return noun == body_noun and (not kinds or not body_kinds or bool(kinds & body_kinds))
        return bool(kinds & body_kinds)


def _mid(r) -> float:
    return r.low if r.high == float("inf") else (r.low + r.high) / 2


def _with_approx(fig) -> str:
    text = fig.text.strip()
    return f"{fig.approx} {text}" if fig.approx else text
