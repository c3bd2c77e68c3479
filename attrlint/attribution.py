"""Attributions: a source joined to a reporting cue, found in the writer's own words.

Quoted words are blanked before matching (a cue inside a quotation is the speaker's, not
the writer's). A cue with no source ("reportedly", "it is believed", "is said to") is not an
attribution; nor is a reporting verb used as an adjective ("the reported toll") or a noun
("in five states").
"""

from __future__ import annotations

from dataclasses import dataclass
import re

import regex

from attrlint.lexicon import Lexicon

_COMMON_OPENERS = frozenset("the a an this that these those there here it its in on at as but and so if when while "
                            "after before since some many most all both each every no not what which who why how".split())
_BE = frozenset("is are was were be been being am".split())
_DETERMINERS = frozenset("the a an this these those its their his her our my your such no every each".split())
_SUBJECT_PRONOUNS = frozenset("he she it they we who which that i you".split())
# Verbs whose object, when it is a number, is a quantity and not speech: "the economy added
# 156,000 jobs", "the company posted a loss".
_QUANTITY_OBJECT_VERBS = frozenset("added adds adding posted posts projects".split())
_NUMBER_AFTER = regex.compile(r"\s+(?:about\s+|some\s+|nearly\s+|almost\s+|another\s+|a\s+)?[$£€\d]")
_SOURCE_FOLLOWS = re.compile(r"^(?:according\s+to|citing|cited\s+by|per|quoted\s+by)\b|\b(?:by|from|to)\s*\S?$", re.I)
_TOKEN = re.compile(r"\w+(?:-\w+)*")
_CLAUSE_AFTER = regex.compile(r"\s+(?:that|it|he|she|they|the|its|their|his|her|there|about|nearly|more|at\s+least|[$£€\d])\b|:", regex.I)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.’'&-]*")


@dataclass
class Attribution:
    start: int  # offsets relative to the sentence
    end: int
    cue: str
    source: str  # the words naming the source, where they can be told; may be empty


class AttributionFinder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        flags = regex.V0 | regex.IGNORECASE
        # Verb forms are looked up word by word: far cheaper than one large alternation.
        self.verb_phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lexicon.words("reporting_verbs") + lexicon.words("reporting_verbs_ambiguous"):
            words = tuple(phrase.lower().split())
            if words:
                self.verb_phrases.setdefault(words[0], []).append(words)
        for options in self.verb_phrases.values():
            options.sort(key=len, reverse=True)
        self.ambiguous = lexicon.word_set("reporting_verbs_ambiguous")
        # Separate patterns run faster than one alternation of them in the regex module.
        self.phrases = [regex.compile(p, flags) for p in lexicon.words("attribution_phrases")]
        self.not_attribution = regex.compile(lexicon.alternation("not_attribution"), flags)
        self.source_nouns = lexicon.word_set("source_nouns")

    def find(self, text: str) -> list[Attribution]:
        """Attributions in `text` (a sentence with its quotations blanked)."""
        out: list[Attribution] = []
        blocked = [(m.start(), m.end()) for m in self.not_attribution.finditer(text)]
        for phrase in self.phrases:
            for m in phrase.finditer(text):
                if not _inside(m.start(), m.end(), blocked):
                    cue = m.group(0).strip()
                    # "according to X", "citing X": the source follows; otherwise ("a Gallup
                    # poll found", "the agency raised its toll") it is inside the cue itself.
                    source = self._source_after(text, m.end()) if _SOURCE_FOLLOWS.search(cue) else cue
                    out.append(Attribution(m.start(), m.end(), cue, source))
        for s, e in self._verbs(text):
            if _inside(s, e, blocked):
                continue
            if text[s].isupper() and text[:s].strip():
                continue  # "the United States": a verb is not capitalised mid-sentence
            verb = " ".join(text[s:e].lower().split())
            before = _words_before(text, s, 3)
            prev = before[-1].lower() if before else ""
            if prev in _DETERMINERS or prev[:1].isdigit():
                continue  # "the reported toll", "its findings"
            if not verb.endswith("ing") and (prev in _BE or (prev in ("also", "widely", "now", "still", "not") and len(before) > 1 and before[-2].lower() in _BE)):
                continue  # passive with no source: "the votes are counted", "is said"
            if verb in _QUANTITY_OBJECT_VERBS and _NUMBER_AFTER.match(text, e):
                continue
            if verb in self.ambiguous and not (self._subject_like(before, text, s) or self._clause_follows(text, s, e, before)):
                continue
            source = " ".join(before) if before else self._source_after(text, e)
            out.append(Attribution(s, e, text[s:e], source))
        out.sort(key=lambda a: a.start)
        return out

    def _verbs(self, text: str):
        """Spans of reporting-verb forms (one word or a phrase of whole words)."""
        tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]
        i = 0
        while i < len(tokens):
            options = self.verb_phrases.get(tokens[i][2])
            if options:
                for words in options:
                    j = i + len(words)
                    if j <= len(tokens) and all(tokens[i + k][2] == w for k, w in enumerate(words)) and all(
                            text[tokens[i + k][1]:tokens[i + k + 1][0]].isspace() for k in range(len(words) - 1)):
                        yield tokens[i][0], tokens[j - 1][1]
                        i = j - 1
                        break
            i += 1

    def _subject_like(self, before: list[str], text: str, s: int) -> bool:
        if not before:
            return False
        prev = before[-1]
        low = prev.lower()
        if low in ("has", "have", "had", "is", "are", "was", "were", "also", "now", "still", "later", "previously", "repeatedly", "recently", "then", "again") and len(before) > 1:
            return self._subject_like(before[:-1], text, s)
        if low in _SUBJECT_PRONOUNS or low in self.source_nouns:
            return True
        # A capitalised word: a name ("Gallup shows", "Farenthold pledged"); at the opening of
        # a sentence a capital proves less, so a lone opener must not be a common word.
        if not prev[:1].isupper():
            return False
        return text[:s].strip() != prev or low not in _COMMON_OPENERS

    def _clause_follows(self, text: str, s: int, e: int, before: list[str]) -> bool:
        """A verb form that is also a noun reads as a verb when a reported clause follows it
        ("estimates that", "says it raised"), after a subject or an appositive's comma."""
        if not _CLAUSE_AFTER.match(text, e):
            return False
        if before:
            return before[-1].lower() not in _DETERMINERS
        return text[:s].rstrip().endswith(",")

    def _source_after(self, text: str, end: int) -> str:
        words = [w.group(0) for w in _WORD.finditer(text, end, min(len(text), end + 60))][:5]
        return " ".join(words)


def _inside(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _words_before(text: str, s: int, n: int) -> list[str]:
    """Up to n words before offset s, within the same clause (stops at , ; : or a dash)."""
    lo = s
    while lo > 0 and text[lo - 1] not in ",;:—–()":
        lo -= 1
    return [w.group(0) for w in _WORD.finditer(text, lo, s)][-n:]
