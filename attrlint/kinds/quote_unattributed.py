"""Kind `quote-unattributed`: a direct quotation of some length with no speaker.

The speaker search is `attrlint.analysis.speakers` (the quotation's sentence, the sentence after, the
sentence before that introduces it, the quotation it carries on). What is not a quotation to
attribute: scare quotes and terms shorter than `min_words`, titles of works, mottos, slogans
and names of policies (told by the words before the quote or by title case), the headline,
and furniture. Nested quotations are the outer speaker's words.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar

import regex

from attrlint import memo
from attrlint.analysis.speakers import SpeakerFinder, compile_patterns
from attrlint.engine.rules import Option, Rule, register
from attrlint.memo import Memo
from attrlint.model.lexicon import pattern_alternation
from attrlint.patterns import AnyOf, TimedPattern, compiled

_WORD = compiled(r"[\p{L}\p{N}][\p{L}\p{N}’'.-]*")
# A pull quote repeats a line of the story; shorter quotations may well be said twice.
_PULL_QUOTE_WORDS = 6


def speaker_finder(rule) -> SpeakerFinder:
    """The speaker finder of a quote rule, built from its `speech_cues` option."""
    cues = AnyOf([TimedPattern(regex.compile(p, regex.V0 | regex.IGNORECASE)) for p in rule.opts["speech_cues"]])
    if rule.lexicon is not None:
        compile_patterns(rule.lexicon)
    return SpeakerFinder(cues, key=("speech_cues", tuple(rule.opts["speech_cues"])))


@register
class QuoteUnattributed(Rule):
    kind = "quote-unattributed"
    placeholders = frozenset({"quotation", "words"})
    options: ClassVar[dict[str, Option]] = {
        "min_words": Option("int", 4, "quotations shorter than this are terms or scare quotes, not statements"),
        "speech_cues": Option(
            "patterns",
            [],
            "speech cues beyond the lexicon's reporting verbs (asked, shouted); a group named `who` captures the speaker",
        ),
        "name_cues": Option(
            "patterns", [], "words right before a quotation that make it a title, name, motto or slogan (book, titled, slogan)"
        ),
        "name_cues_after": Option(
            "patterns", [], "words right after a quotation that make it a name (the “don't ask, don't tell” policy)"
        ),
        "not_speakers": Option("patterns", [], "sources that are no speaker: a crowd's chant, cries with no one named"),
        "title_case_share": Option(
            "float", 0.8, "a quotation whose capitalised share of words reaches this is a title or a name"
        ),
        "context_speech": Option(
            "patterns",
            [],
            "words that make a neighbouring sentence about someone's speech (spoke, interview, answer), besides the lexicon's reporting verbs",
        ),
        "person_words": Option("words", [], "words that stand for a person as a speaker (he, she, they, I)"),
        "crowd_cues": Option(
            "patterns",
            [],
            "words in a quotation's sentence that make it a crowd's cries (cries of, the crowd chanted): the people named around it are not its speaker",
        ),
        "own_frames": Option(
            "patterns",
            [],
            "a speech frame inside the quoted words (..., Graham said.): the closing mark is misplaced, which is quote-unbalanced's finding (case-sensitive)",
        ),
        "title_small_words": Option(
            "words",
            [],
            "small words that a title in title case leaves in lower case (a, of, the): not counted in its capitalised share",
        ),
        "not_people": Option("words", [], "capitalised words that name no one (days, months), besides the lexicon's months"),
        "speaker_labels": Option(
            "patterns",
            [],
            "a paragraph opening with one of these is a speaker's answer in a transcript (A:, SMITH:): its quotations are that speaker quoting",
        ),
    }

    def prepare(self) -> None:
        flags = regex.V0 | regex.IGNORECASE
        self._finder = speaker_finder(self)
        self._own_frame = regex.compile(pattern_alternation(self.opts["own_frames"]))
        self._label = regex.compile(rf"\s*(?:{pattern_alternation(self.opts['speaker_labels'])})", regex.V0)
        self._small_words = frozenset(w.lower() for w in self.opts["title_small_words"])
        self._name_cue = regex.compile(rf"(?:{pattern_alternation(self.opts['name_cues'])})\W*$", flags)
        self._name_after = regex.compile(rf"[\s’'”\"]*(?:{pattern_alternation(self.opts['name_cues_after'])})(?!\p{{L}})", flags)
        self._not_speaker = regex.compile(pattern_alternation(self.opts["not_speakers"]), flags)
        self._not_speakers = Memo(memo.SENTENCES)
        lex = self.lexicon
        # Speech, not findings: a study that "found" something is no one speaking.
        self._speech_context = regex.compile(pattern_alternation(self.opts["context_speech"]), flags)
        self._persons = frozenset(w.lower() for w in self.opts["person_words"]) | (
            (lex.word_set("source_nouns") - lex.word_class("not_person_sources")) if lex else frozenset()
        )
        # The third-person subject pronouns that carry a speaker from one sentence to the next.
        self._pronouns = frozenset(w.lower() for w in self.opts["person_words"] if w.lower() != "i") & (
            lex.word_set("subject_pronouns") if lex else frozenset()
        )
        self._crowd = regex.compile(pattern_alternation(self.opts["crowd_cues"]), flags)
        self._not_people = frozenset(w.lower() for w in self.opts["not_people"]) | (
            lex.word_set("months") if lex else frozenset()
        )

    def speakers(self, article, facts) -> dict:
        """Who said each top-level quotation, by the offset of its opening mark, as this rule's
        speech cues find it."""
        return self._finder.assign(article, facts)

    def check(self, article, facts):
        speakers = self.speakers(article, facts)
        text = article.text
        index = _SentenceIndex(article)
        covered = None  # the last top-level quotation whose speaker the reader can tell
        for q in article.quotations:
            if q.depth or (q.close is None and not q.continues):
                continue  # a mark left open is quote-unbalanced's finding, not a quotation
            if self.opts["speaker_labels"] and self._label.match(text, article.paragraphs[q.paragraph].start):
                covered = q
                continue  # inside a transcript's answer: its speaker quoting someone
            speaker = speakers.get(q.open)
            crowd = self._crowd_words(article, q, speaker, index)
            not_speaker = speaker is not None and self._no_speaker(speaker.name + " " + speaker.cue)
            if speaker is not None and not crowd and not not_speaker:
                covered = q
                continue
            # A saying or a chant that the copy names as such has no speaker for the context to supply.
            if not crowd and not not_speaker and self._speaker_in_context(article, q, covered, index):
                covered = q
                continue
            words = _WORD.findall(text, q.start, q.end)
            if len(words) < self.opts["min_words"]:
                continue
            if self._is_name(text, q, words):
                continue
            if self._own_frame.search(text, q.start, q.end):
                continue  # marks misplaced around the frame ("“He's made ..., Graham said. “He's ..."): quote-unbalanced's finding
            if index.repeated(words):
                continue  # a pull quote: the story gives these words elsewhere, with their speaker or as its own
            close = q.close + 1 if q.close is not None else q.end
            excerpt = " ".join(words[:8]) + (" ..." if len(words) > 8 else "")
            yield self.diagnostic(article, q.open, close, quotation=excerpt, words=len(words))

    def _no_speaker(self, words: str) -> bool:
        """Whether a speaker's name and cue are no speaker (`not_speakers`), kept by the words:
        the language server asks again for every quotation after each edit."""
        return self._not_speakers.get(words, lambda: self._not_speaker.search(words) is not None)

    def _speaker_in_context(self, article, q, covered, index) -> bool:
        """Whether the reader can tell the speaker from the copy around the quotation, though no
        attribution names one: a person stands in the quotation's own sentence ("She applauded
        him for defying them “over and over again.”"); a quotation standing alone follows or
        precedes a sentence about someone speaking ("... Trump spoke only in bromides during the
        interview." then a paragraph of his words); or it carries on a run of quotations whose
        speaker was told. A crowd's cries are still no speaker (`not_speakers`)."""
        k, j = index.around(q)
        if k > j:
            return False
        if any(index.memo(("someone", n), lambda n=n: self._someone(index.sentences[n].unquoted)) for n in range(k, j + 1)):
            return True
        if covered is not None and 0 <= q.paragraph - covered.paragraph <= 2:
            if q.paragraph == covered.paragraph:
                between = article.text[(covered.close or covered.end) + 1 : q.open]
            else:
                between = article.text[article.paragraphs[covered.paragraph].end : q.open]
            if len(_WORD.findall(between)) <= 3:
                return True  # the same voice going on: nothing of the writer's between them
        if covered is not None and covered.paragraph == q.paragraph and self._introduced_by_subject(q, k, j, index):
            return True
        for n in (k - 1, j + 1):
            if 0 <= n < len(index.sentences) and index.sentences[n].paragraph >= 0:
                near = index.sentences[n].unquoted
                # The memo calls each function at once, inside this iteration.
                if index.memo(("someone", n), lambda: self._someone(near)) and index.memo(  # noqa: B023
                    ("speech", n),
                    lambda: bool(self._speech_context.search(near) or self._finder.speech_cues.search(near)),  # noqa: B023
                ):
                    return True
        return False

    def _introduced_by_subject(self, q, k, j, index) -> bool:
        """After an attributed quotation, a quotation that stands as a sentence of its own in
        the same paragraph, right after a sentence that a personal pronoun opens, is the same
        speaker going on ("“...,” said Robin Maynard. He holds two degrees. “But I like working
        with my hands.”"). Without the earlier quotation the sentence before does not introduce
        it: "He was deported. “The first week, I was living on the street.”" has no speaker."""
        n = k - 1
        if n < 0 or index.sentences[n].paragraph != q.paragraph:
            return False
        own = " ".join(index.sentences[m].unquoted for m in range(k, j + 1))
        if len(_WORD.findall(own)) > 1:
            return False  # the quotation is part of a sentence of the writer's
        opening = _WORD.match(index.sentences[n].unquoted.lstrip())
        # The sentence between is about the speaker when a personal pronoun opens it.
        return opening is not None and opening.group(0).lower() in self._pronouns

    def _crowd_words(self, article, q, speaker, index) -> bool:
        """Whether the quotation is a crowd's cries: right after "the cries of", or, when no
        speaker was found, in a sentence about a chant ("the chant ... “...” rang out"). Whoever
        else its sentence names is no speaker of them."""
        para_start = article.paragraphs[q.paragraph].start if q.paragraph >= 0 else 0
        if self._crowd.search(article.text, max(para_start, q.open - 80), q.open):
            return True
        if speaker is not None:
            return False
        k, j = index.around(q)
        return index.memo(
            ("crowd", k, j), lambda: bool(self._crowd.search(" ".join(s.unquoted for s in index.sentences[k : j + 1])))
        )

    def _someone(self, text: str) -> bool:
        """Whether the writer's words name or stand for a person: a pronoun, a described source
        ("the senator"), or a capitalised name that does not merely open the sentence."""
        tokens = _WORD.findall(text)
        for w in tokens:
            low = w.lower().rstrip(".")
            if low in self._persons and (low != "i" or w == "I"):
                return True
            if w[:1].isupper() and low not in self._not_people and not w.isupper():
                return True  # sentence-initial too: "Ortiz spoke for twenty minutes"
        return False

    def _is_name(self, text: str, q, words: list[str]) -> bool:
        before = text[max(0, q.start - 60) : q.open]
        if self._name_cue.search(before):
            return True
        if q.close is not None and self._name_after.match(text, q.close + 1, q.close + 60):
            return True
        # Titles of works and slogans are set in title case: "The Late Show With Stephen Colbert".
        content = [w for w in words if w.lower() not in self._small_words]
        if not content:
            return False
        capitals = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
        ending = text[q.start : q.end].rstrip()
        # American style puts a sentence's full stop inside the marks, titles included ("on
        # “The Late Show with Stephen Colbert.”"): a short quotation whose every word is
        # capitalised may end in one; a sentence in title case is rarer than a title.
        if ending.endswith(".") and capitals == len(content) and len(content) <= 8:
            ending = ending[:-1]
        return (
            capitals / len(content) >= self.opts["title_case_share"]
            and words[0][0].isupper()
            and len(content) > 1
            and not ending.endswith((".", "?", "!", ","))
        )


class _SentenceIndex:
    """The body's sentences in order, with their starts, so that the sentences a quotation
    spans are found by bisection (a draft of thousands of quotations stays near-linear)."""

    def __init__(self, article):
        self.sentences = article.sentences
        self.starts = [s.start for s in self.sentences]
        self._memo: dict = {}
        self._text = article.text
        self._words: str | None = None

    def repeated(self, words: list[str]) -> bool:
        """Whether a quotation's words (six or more) stand twice in the story: a pull quote
        set between paragraphs repeats a line given in full elsewhere."""
        if len(words) < _PULL_QUOTE_WORDS:
            return False
        if self._words is None:
            self._words = " " + " ".join(_WORD.findall(self._text)).lower() + " "
        return self._words.count(" " + " ".join(words).lower() + " ") >= 2

    def memo(self, key, compute):
        """compute(), once per key: a sentence read for many quotations is read once."""
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = compute()
        return got

    def around(self, q) -> tuple[int, int]:
        """The first and last index of the sentences of q's paragraph that overlap it (k > j: none)."""
        j = bisect_left(self.starts, q.end) - 1
        k = j
        while k >= 0 and self.sentences[k].end > q.start:
            k -= 1
        k += 1
        while k <= j and self.sentences[k].paragraph != q.paragraph:
            k += 1
        while j >= k and self.sentences[j].paragraph != q.paragraph:
            j -= 1
        return k, j
