"""Kind `unattributed-number`: reported figures that no attribution covers.

A figure is covered by an attribution in its sentence, by an earlier attributed sentence of
its paragraph, by a paragraph opening that explicitly carries on the previous paragraph's
attributed statement ("Another 250 ...", "Of those, ..."), or by a pointer back to a source
already attributed in the article ("the poll", "respondents"). Figures inside quotation marks
are the speaker's and are never reported. Attribution given only later does not cover.
"""

from __future__ import annotations

from typing import ClassVar

import regex

from attrlint.analysis.attribution import SOURCE_KINDS
from attrlint.engine.rules import Option, Rule, register
from attrlint.model.lexicon import pattern_alternation
from attrlint.patterns import compiled

# A source's name: a run of capitalised words ("Quinnipiac University", "Washington Post-ABC News").
_NAME_RUN = compiled(r"\p{Lu}[\p{L}&.-]+(?:\s+\p{Lu}[\p{L}&.-]+)*")


@register
class UnattributedFigure(Rule):
    kind = "unattributed-number"
    aliases = ("unattributed-figure",)  # the kind's name before it took its rule's
    placeholders = frozenset({"figure", "noun"})
    options: ClassVar[dict[str, Option]] = {
        "continuations": Option("patterns", [], "paragraph openings that carry on the previous paragraph's attributed statement"),
        "back_references": Option("patterns", [], "pointers back to a source attributed earlier in the article"),
        "named_source_nouns": Option(
            "words",
            [],
            "when an attribution's source contains one of these nouns (poll, survey), its name points back to it later",
        ),
        "speaker_labels": Option(
            "patterns",
            [],
            "a paragraph opening with one of these is a speaker's answer in a transcript or Q&A (A:, SMITH:): its figures are the speaker's",
        ),
        "market_contexts": Option(
            "patterns",
            [],
            "a sentence matching one of these reports market prices (a stock, an index, a yield, crude): public quotes, not figures to attribute",
        ),
        "figure_kinds": Option(
            "words", ["money", "percent", "count", "vote", "vague", "share"], "which kinds of figure the rule reports"
        ),
    }

    def prepare(self) -> None:
        flags = regex.V0 | regex.IGNORECASE
        self._continuation = regex.compile(
            rf"^\W*(?:{'|'.join(f'(?:{p})' for p in self.opts['continuations']) or '(?!x)x'})", flags
        )
        self._backref = regex.compile(pattern_alternation(self.opts["back_references"]), flags)
        self._named_nouns = frozenset(w.lower() for w in self.opts["named_source_nouns"])
        self._charges = self.lexicon.word_class("charge_verbs") if self.lexicon else frozenset()
        self._saying = self.lexicon.word_class("saying_verbs") if self.lexicon else frozenset()
        self._kinds = frozenset(self.opts["figure_kinds"])
        self._label = regex.compile(rf"\s*(?:{pattern_alternation(self.opts['speaker_labels'])})", regex.V0)
        self._market = regex.compile(pattern_alternation(self.opts["market_contexts"]), flags)
        verbs = self.lexicon.words("reporting_verbs") if self.lexicon else []
        pointer = (
            "|".join(regex.escape(w) for w in sorted(set(self.opts["named_source_nouns"]) | set(verbs), key=len, reverse=True))
            or "(?!)"
        )
        # What follows a source's name when the name points back to it (see _name_points_back).
        self._pointer_after = regex.compile(rf"(?:[’']s)?\s+(?:[\p{{L}}-]+\s+){{0,2}}?(?:{pointer})(?!\p{{L}})", regex.I)

    def check(self, article, facts):
        attributed_before = False  # any attribution earlier in the article
        names: set[str] = set()  # names of attributed polls, studies and reports
        prev_attributed = False
        text = article.text
        for para in article.paragraphs:
            # "A: I got $660 billion ...": an answer in a Q&A or transcript is its speaker's.
            para_attributed = bool(self.opts["speaker_labels"]) and self._label.match(text, para.start) is not None
            for sent in para.sentences:
                atts = facts.attributions(sent) + self._saying_attributions(sent, facts)
                promise = next((a for a in atts if a.commitment), None)
                if promise is not None:
                    atts = [a for a in atts if not a.commitment]
                if not atts and not para_attributed:
                    figures = self._figures(sent, facts, promise)
                    if figures:
                        if self._covered(sent, prev_attributed, attributed_before, names):
                            # A sentence that points back to its source ("The October report
                            # showed ...") sources the rest of its paragraph too.
                            para_attributed = True
                        else:
                            fig = figures[0]
                            yield self.diagnostic(
                                article, sent.start + fig.start, sent.start + fig.end, figure=fig.text.strip(), noun=fig.noun
                            )
                if atts:
                    para_attributed = attributed_before = True
                    self._remember_names(atts, names)
            prev_attributed = para_attributed

    def _saying_attributions(self, sent, facts) -> list:
        """The sentence's attributions by a speech verb of the model's beyond the reporting list
        that says what "said" does ("Paul also asked how ..."), with a source that is no
        vague one: they cover a figure as the listed cues do."""
        if not self._saying:
            return []
        return [
            a
            for a in facts.all_attributions(sent)
            if a.reports
            and not a.listed
            and not a.nested
            and a.source_kind in SOURCE_KINDS
            and a.source_kind != "vague"
            and " ".join(a.cue.lower().split()) in self._saying
        ]

    def _figures(self, sent, facts, promise):
        """The sentence's reported figures that its own words leave unsourced."""
        figures = [f for f in facts.figures(sent) if f.kind in self._kinds]
        if promise is not None:
            # "promised to deport 11 million" credits the figure it promises; "the $64 million
            # it pledged to pay" and the sentences after it are the writer's.
            figures = [f for f in figures if f.start < promise.end]
        if figures and self.opts["market_contexts"] and self._market.search(sent.unquoted):
            return []  # "Amazon rose $6.20", "the yield fell to 1.45 percent": market quotes
        if figures and self._charges:
            attributions = facts.all_attributions(sent)
            figures = [f for f in figures if not self._charged(f, attributions)]
        return figures

    def _charged(self, fig, attributions) -> bool:
        """Whether the figure is part of a deed a source charges someone with ("lawsuits have
        accused the school of bringing in millions"): the accuser's claim, so attributed."""
        return any(
            a.source_start >= 0 and a.cue.split()[0].lower() in self._charges and a.content_start <= fig.start < a.content_end
            for a in attributions
        )

    def _remember_names(self, atts, names: set[str]) -> None:
        """Names of the polls, studies and reports the sentence cites, for later back-references."""
        for a in atts:
            words = a.source.lower().split()
            if any(w.strip(".,") in self._named_nouns for w in words):
                for m in _NAME_RUN.finditer(a.source):
                    names.update((m.group(0), m.group(0).split()[0]))  # "Levada Center", "Levada"

    def _name_points_back(self, names: set[str], text: str) -> bool:
        """Whether one of the sources named so far stands in `text` followed by a pointer word
        ("the Monmouth poll", "Gallup found"). Each name is searched on its own and the pointer
        tried where it ends: one pattern of all the names and the pointer words had to be
        compiled again for every new set of names."""
        cache = self.__dict__.setdefault("_name_patterns", {})
        for name in names:
            pat = cache.get(name)
            if pat is None:
                if len(cache) > 1024:  # a language server lints for days
                    cache.clear()
                pat = cache[name] = regex.compile(rf"(?<!\p{{L}})(?:{regex.escape(name)})", regex.I)
            if any(self._pointer_after.match(text, m.end()) for m in pat.finditer(text, overlapped=True)):
                return True
        return False

    def _covered(self, sent, prev_attributed: bool, attributed_before: bool, names: set[str]) -> bool:
        text = sent.unquoted
        if sent.index == 0 and prev_attributed and self._continuation.match(text):
            return True
        if attributed_before:
            if self._backref.search(text):
                return True
            # A source's name points back to it only as that source again ("the Monmouth poll",
            # "Monmouth's numbers", "Gallup found"): the same name as a place or a party ("in
            # New Hampshire") does not.
            if names and self._name_points_back(names, text):
                return True
        return False
