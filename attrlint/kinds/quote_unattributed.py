"""Kind `quote-unattributed`: a direct quotation of some length with no speaker.

The speaker search is `attrlint.speakers` (the quotation's sentence, the sentence after, the
sentence before that introduces it, the quotation it carries on). What is not a quotation to
attribute: scare quotes and terms shorter than `min_words`, titles of works, mottos, slogans
and names of policies (told by the words before the quote or by title case), the headline,
and furniture. Nested quotations are the outer speaker's words.
"""

from __future__ import annotations

import regex

from attrlint.lexicon import pattern_alternation
from attrlint.patterns import AnyOf, TimedPattern
from attrlint.rules import Option, Rule, register
from attrlint.speakers import SpeakerFinder

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'.-]*")
# A frame inside the quoted words ("..., Graham said. ", "..., he wrote."): a closing mark left
# out or misplaced, so the words run on past their attribution.
_OWN_FRAME = regex.compile(r"[,?!]\s+(?:he|she|they|(?:\p{Lu}[\p{L}.’'-]*\s+){0,2}\p{Lu}[\p{L}’'-]+)\s+(?:said|says|wrote|writes|added|told\s+[^.,]{1,40})\s*[.,]")
_SMALL_WORDS = frozenset("a an the and or nor but of in on at to for by with from as vs v. into over".split())


def speaker_finder(rule) -> SpeakerFinder:
    """The speaker finder of a quote rule, built from its `speech_cues` option."""
    cues = AnyOf([TimedPattern(regex.compile(p, regex.V0 | regex.IGNORECASE)) for p in rule.opts["speech_cues"]])
    return SpeakerFinder(cues)


@register
class QuoteUnattributed(Rule):
    kind = "quote-unattributed"
    placeholders = frozenset({"quotation", "words"})
    options = {
        "min_words": Option("int", 4, "quotations shorter than this are terms or scare quotes, not statements"),
        "speech_cues": Option("patterns", [], "speech cues beyond the lexicon's reporting verbs (asked, shouted); a group named `who` captures the speaker"),
        "name_cues": Option("patterns", [], "words right before a quotation that make it a title, name, motto or slogan (book, titled, slogan)"),
        "name_cues_after": Option("patterns", [], "words right after a quotation that make it a name (the “don't ask, don't tell” policy)"),
        "not_speakers": Option("patterns", [], "sources that are no speaker: a crowd's chant, cries with no one named"),
        "title_case_share": Option("float", 0.8, "a quotation whose capitalised share of words reaches this is a title or a name"),
    }

    def prepare(self) -> None:
        flags = regex.V0 | regex.IGNORECASE
        self._finder = speaker_finder(self)
        self._name_cue = regex.compile(rf"(?:{pattern_alternation(self.opts['name_cues'])})\W*$", flags)
        self._name_after = regex.compile(rf"[\s’'”\"]*(?:{pattern_alternation(self.opts['name_cues_after'])})(?!\p{{L}})", flags)
        self._not_speaker = regex.compile(pattern_alternation(self.opts["not_speakers"]), flags)

    def check(self, article, facts):
        self._finder.assign(article, facts)
        text = article.text
        for q in article.quotations:
            if q.depth or (q.close is None and not q.continues):
                continue  # a mark left open is quote-unbalanced's finding, not a quotation
            words = _WORD.findall(text, q.start, q.end)
            if len(words) < self.opts["min_words"]:
                continue
            if q.speaker is not None and not self._not_speaker.search(q.speaker.name + " " + q.speaker.cue):
                continue
            if self._is_name(text, q, words):
                continue
            if _OWN_FRAME.search(text, q.start, q.end):
                continue  # marks misplaced around the frame ("“He's made ..., Graham said. “He's ..."): quote-unbalanced's finding
            close = q.close + 1 if q.close is not None else q.end
            excerpt = " ".join(words[:8]) + (" ..." if len(words) > 8 else "")
            yield self.diagnostic(article, q.open, close, quotation=excerpt, words=len(words))

    def _is_name(self, text: str, q, words: list[str]) -> bool:
        before = text[max(0, q.start - 60):q.open]
        if self._name_cue.search(before):
            return True
        if q.close is not None and self._name_after.match(text, q.close + 1, q.close + 60):
            return True
        # Titles of works and slogans are set in title case: "The Late Show With Stephen Colbert".
        content = [w for w in words if w.lower() not in _SMALL_WORDS]
        if not content:
            return False
        capitals = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
        ending = text[q.start:q.end].rstrip()
        # American style puts a sentence's full stop inside the marks, titles included ("on
        # “The Late Show with Stephen Colbert.”"): a short quotation whose every word is
        # capitalised may end in one; a sentence in title case is rarer than a title.
        if ending.endswith(".") and capitals == len(content) and len(content) <= 8:
            ending = ending[:-1]
        return capitals / len(content) >= self.opts["title_case_share"] and words[0][0].isupper() and len(content) > 1 and not ending.endswith((".", "?", "!", ","))
