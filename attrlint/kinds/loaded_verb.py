"""Kind `loaded-verb`: attribution verbs that editorialise where a neutral verb would do.

"Claimed" casts doubt, "admitted" implies guilt, "revealed" and "pointed out" vouch for what
was said. The rule flags such a verb only where it introduces what someone said: after a
subject ("the monitor claimed", "Monitors claims ..."), before a that-clause or a quotation,
or closing a sentence ("..., he claimed."). The same words as nouns ("the claims"), as
adjectives ("his claimed income"), in the passive ("both attacks were claimed by"), and in
the senses that are not speech ("admitted to hospital", "claimed responsibility", a search
that "revealed no weapon", a city that "boasts a harbour") are left alone. The pack's
`replacements` table maps each form to the neutral verb in the same tense, which becomes the
offered fix.
"""

from __future__ import annotations

import re
from functools import partial
from typing import ClassVar

import regex

from attrlint import memo
from attrlint.analysis.figures import PeopleNouns, people_nouns
from attrlint.diagnostic import Fix
from attrlint.engine.rules import Option, Rule, register
from attrlint.memo import Memo
from attrlint.model.lexicon import pattern_alternation, word_alternation
from attrlint.patterns import compiled, trie_alternation

_LETTER = r"[\p{L}\p{N}]"
# Patterns of the checks below, compiled once (and kept in the rule cache, see attrlint.patterns).
_CLAUSE_CLOSES = compiled(r"\s*[.!?]?\s*$")  # nothing but a full stop after the verb
_WORD = compiled(r"[\p{L}\p{N}][\p{L}\p{N}.’'&-]*")
# A headline's quotation marks are not paired by the article model (it reads the body), so
# a headline's quoted words are blanked here: "'Liar,' he retorted" is the speaker's word.
_HEADLINE_QUOTE = compiled(r"[\"“”](?:[^\"“”]{1,200})[\"“”]|(?<![\p{L}])[‘'](?:[^‘’']{1,200})[’'](?![\p{L}])")


@register
class LoadedVerb(Rule):
    kind = "loaded-verb"
    placeholders = frozenset({"verb", "neutral"})
    options: ClassVar[dict[str, Option]] = {
        "replacements": Option("mapping", {}, "loaded verb form -> the neutral form offered instead (claimed: said)"),
        "confession_verbs": Option("words", [], "forms that own up to a deed after 'to' (admits to, confessed to)"),
        "noun_forms": Option("words", [], "forms that are also nouns (claims, boasts): flagged only after a subject"),
        "object_senses": Option(
            "words",
            [],
            "forms with a common non-speech sense when an object follows "
            "(revealed no weapon, boasts a harbour): flagged only before a clause, "
            "a quotation or at the end of the clause",
        ),
        "subject_object_senses": Option(
            "words",
            [],
            "object-sense forms whose object is what was said when their subject stands right before them "
            "(it also points out another bill); no subject, no report (from pointing out a lack, quick to point out flaws)",
        ),
        "clause_openers": Option("words", [], "words that open the reported clause after such a verb (that, he, how)"),
        "speech_prepositions": Option(
            "words", [], "after these an object-sense verb with a person as its subject is speech (boasted of his skills)"
        ),
        "finding_subjects": Option(
            "words",
            [],
            "subjects whose object-sense verb reports a finding whatever follows (the poll data revealed deep anxiety)",
        ),
        "finite_verbs": Option(
            "words",
            [],
            "finite verbs that, a few words after a determiner, make what follows a clause without 'that' (conceded the code is unfair)",
        ),
        "clause_prepositions": Option(
            "words",
            [],
            "words after such a verb that lead on to the reported clause "
            "(revealed to CNN that, admitted in court that, boasted about how)",
        ),
        "hypothetical_markers": Option(
            "words",
            [],
            "words before a verb that make it a wish, a duty or a guess, "
            "not a report (should insist, might reveal, had to admit)",
        ),
        "exceptions": Option("patterns", [], "uses that are not attribution (claimed responsibility, admitted to hospital)"),
        "not_subjects": Option("words", [], "words before a verb form that make it a noun or an adjective (the, his, its)"),
        "passive_markers": Option("words", [], "words before a participle that make it passive (was, were, been)"),
        "means_markers": Option("words", [], "words before a form that make it a tactic, not a report (by insisting)"),
        "noun_followers": Option(
            "patterns", [], "what follows a noun-like form to make it a noun: a preposition or a verb (claims on, claims were)"
        ),
        "base_form_before": Option(
            "words", [], "words after which only a verb's base form follows (to, will, did, we): a form in -s there is a noun"
        ),
        "adverbs": Option(
            "words", [], "adverbs that may stand between a subject and its verb (also, still, repeatedly), besides words in -ly"
        ),
        "narrating_adverbs": Option(
            "words", [], "adverbs that make a modal a narrated future, a report after all (would later claim)"
        ),
        "duty_words": Option(
            "words",
            [],
            "words before 'to' that make the verb a duty or a readiness, not a report (had to admit, the first to admit)",
        ),
        "subject_words": Option(
            "words",
            [],
            "words right before a noun-like form that make it a verb: pronouns, auxiliaries, modals (he, who, will, not)",
        ),
        "clause_subjects": Option(
            "words",
            [],
            "first words of a noun-like form's subject that, after a comma, close a clause at the sentence end (..., a monitor claims.)",
        ),
        "clause_determiners": Option(
            "words", [], "determiners that open a clause with its 'that' left out (conceded the code is unfair)"
        ),
        "question_words": Option(
            "words", [], "words after a preposition that open the reported clause (boasted about how, confessed to what)"
        ),
        "gerund_prepositions": Option(
            "words", [], "prepositions before a gerund that make it what was said (admitted to lying, retorted by saying)"
        ),
        "time_openers": Option(
            "words", [], "words opening a time phrase that may stand between a verb and its clause (on Monday, last week)"
        ),
        "headline": Option("bool", True, "also check the headline (a headline's verb is the paper's own voice)"),
    }

    def prepare(self) -> None:
        flags = regex.V1 | regex.IGNORECASE
        self._table = {" ".join(k.lower().split()): str(v) for k, v in self.opts["replacements"].items()}
        self._memo = Memo(memo.SENTENCES)
        self._verbs = regex.compile(
            rf"(?<!{_LETTER}|[-’']){'(?:' + word_alternation(list(self._table)) + ')'}(?!{_LETTER}|-)", flags
        )
        # Most sentences hold none of the forms: a plain search of the lower-cased sentence rules
        # them out before the full pattern and the exceptions run.
        # The forms as a trie: only whether one stands is asked, which it answers as their
        # alternation would, four times faster.
        self._gate = re.compile(r"(?<![\w’'-])(?:" + trie_alternation(self._table, space=r"\s+") + r")(?![\w-])")
        self._noun_forms = frozenset(w.lower() for w in self.opts["noun_forms"])
        self._confessions = frozenset(w.lower() for w in self.opts["confession_verbs"])
        self._object_senses = frozenset(w.lower() for w in self.opts["object_senses"])
        self._openers = frozenset(w.lower() for w in self.opts["clause_openers"])
        self._subject_objects = frozenset(w.lower() for w in self.opts["subject_object_senses"])
        self._ing_nouns = self.lexicon.word_class("ing_nouns") if self.lexicon else frozenset()
        finite = "|".join(regex.escape(w) for w in self.opts["finite_verbs"]) or "(?!)"
        # "conceded the tax code is unfair": a clause with its "that" left out, not an object.
        # A name opens one too: "after the New York Post revealed Weiner had been sexting".
        self._bare_clause = regex.compile(
            rf"\s+(?:(?:{word_alternation(self.opts['clause_determiners'])})\s+(?:[\p{{L}}’'-]+\s+){{0,4}}?"
            rf"|(?-i:\p{{Lu}})[\p{{L}}’'.-]*\s+(?:(?-i:\p{{Lu}})[\p{{L}}’'.-]*\s+){{0,2}})(?:{finite})(?![\p{{L}}])",
            regex.I,
        )
        # Headlines drop the article: "Minister admits rail deal was flawed".
        self._headline_clause = regex.compile(rf"\s+(?:[\p{{L}}’'-]+\s+){{1,4}}?(?:{finite})(?![\p{{L}}])", regex.I)
        self._prepositions = frozenset(w.lower() for w in self.opts["clause_prepositions"])
        self._hypothetical = frozenset(w.lower() for w in self.opts["hypothetical_markers"])
        self._not_subjects = frozenset(w.lower() for w in self.opts["not_subjects"])
        self._passive = frozenset(w.lower() for w in self.opts["passive_markers"])
        self._means = frozenset(w.lower() for w in self.opts["means_markers"])
        exc = pattern_alternation(self.opts["exceptions"])
        self._exceptions = regex.compile(exc, flags) if self.opts["exceptions"] else None
        # Documents speak too: "the suit claims that", "those documents reveal".
        self._source_nouns = (
            self.lexicon.word_set("source_nouns") | self.lexicon.word_set("document_nouns") if self.lexicon else frozenset()
        )
        self._documents = self.lexicon.word_set("document_nouns") if self.lexicon else frozenset()
        # Groups named by a quantifier or a vague noun speak too: "Even then, others insist, ...".
        self._groups = self.lexicon.word_class("vague_source_words") if self.lexicon else frozenset()
        # A plural noun of people is a subject too: "Cruz's associates insist", "supporters claim".
        self._people: PeopleNouns | frozenset[str] = people_nouns(self.lexicon) if self.lexicon else frozenset()
        # The lexicon's own plurals, whose singular is a subject too ("longer" is no "longers").
        self._people_plurals = self._people.words if isinstance(self._people, PeopleNouns) else self._people
        self._noun_next = regex.compile(
            rf"\s{{1,2}}(?:{pattern_alternation(self.opts['noun_followers'])})\b", regex.IGNORECASE | regex.V1
        )
        words = {
            name: frozenset(w.lower() for w in self.opts[name])
            for name in (
                "base_form_before",
                "adverbs",
                "narrating_adverbs",
                "duty_words",
                "subject_words",
                "clause_subjects",
                "question_words",
                "gerund_prepositions",
            )
        }
        self._base_form_before = words["base_form_before"]
        self._adverbs = words["adverbs"]
        self._later = words["narrating_adverbs"]
        self._duty = words["duty_words"]
        self._subject_words = words["subject_words"]
        self._clause_subjects = words["clause_subjects"]
        self._question_words = words["question_words"]
        self._gerund_prepositions = words["gerund_prepositions"]
        self._speech_prepositions = frozenset(w.lower() for w in self.opts["speech_prepositions"])
        self._finding_subjects = frozenset(w.lower() for w in self.opts["finding_subjects"])
        self._time_phrase = regex.compile(
            rf"\s*(?:(?:{word_alternation(self.opts['time_openers'])})\s+\p{{Lu}}?\p{{Ll}}+\s*)?([\p{{L}}’']+|[,.;:!?—–\"“”]|\s*$)"
        )

    def check(self, article, facts):
        sentences = list(article.sentences)
        if self.opts["headline"] and article.headline is not None:
            sentences[:0] = [article.headline, *article.deck]
        for sent in sentences:
            headline = sent.paragraph < 0
            text = _blank_quotes(sent.text) if headline else sent.unquoted
            # A sentence's loaded verbs depend on its words alone: remembered by them, so the
            # language server's re-lint after an edit reads only the sentences that changed.
            for s, e, verb, neutral, safe in self._memo.get((text, headline), partial(self._loaded, text, headline)):
                start, end = sent.start + s, sent.start + e
                fix = Fix(start, end, neutral, f"Replace '{verb}' with '{neutral}'", safe=safe)
                yield self.diagnostic(article, start, end, fix=fix, verb=verb, neutral=neutral)

    def _loaded(self, text: str, headline: bool) -> tuple[tuple[int, int, str, str, bool], ...]:
        """The loaded verbs of a sentence's own words that introduce speech, as (start, end,
        verb, neutral verb, whether the swap reads as it stands)."""
        if not self._gate.search(text.lower()):
            return ()
        out = []
        blocked = [(m.start(), m.end()) for m in self._exceptions.finditer(text)] if self._exceptions else []
        for m in self._verbs.finditer(text):
            s, e = m.start(), m.end()
            if any(a <= s < b for a, b in blocked):
                continue
            form = " ".join(m.group(0).lower().split())
            if not self._introduces_speech(text, s, e, form, headline=headline):
                continue
            neutral = _match_case(self._table[form], m.group(0))
            out.append((s, e, m.group(0), neutral, self._reads_after_swap(text, e)))
        return tuple(out)  # kept in the memo: a tuple the cycle collector need not walk

    def _reads_after_swap(self, text: str, e: int) -> bool:
        """Whether the neutral verb fits what follows unedited. "admitted to reporters that"
        and "boasted about how" do not take "said" as they stand, so those fixes are offered
        (the editor's quick fix) but not applied by `attrlint check --fix`."""
        word = _WORD.match(text[e:].lstrip())
        return not (word and word.group(0).lower() in self._prepositions)

    def _introduces_speech(self, text: str, s: int, e: int, form: str, headline: bool = False) -> bool:
        before = _words_before(text, s, 3)
        prev = before[-1] if before else ""
        low = prev.lower()
        if low in self._not_subjects or (low.endswith(("’s", "'s", "s’", "s'")) and low[:-2] not in self._clause_subjects):
            return False  # "the claims", "his claimed", "Trump's claims"; but "he's claiming"
        lowered = [w.lower() for w in before]
        narrated = False
        while lowered and (lowered[-1] in self._adverbs or lowered[-1].endswith("ly")):
            narrated = narrated or lowered[-1] in self._later
            lowered.pop()  # "has been publicly revealed"
        if self._not_said_yet(lowered, narrated, text, s):
            return False
        if lowered and lowered[-1] in self._passive and form.split()[0].endswith("ed"):
            return False  # "were claimed by", "has been revealed"
        if not before and form.endswith("ed") and not text[:s].strip():
            return False  # a participle opening the sentence: "Revealed: the files ..."
        if low in self._means:
            return False  # "by insisting that ...": a tactic the writer describes, not a report
        if form in self._noun_forms and not self._subject_like(before, text, s, e):
            return False
        return form not in self._object_senses or self._object_sense_speaks(text, s, e, headline, before, lowered)

    def _object_sense_speaks(self, text: str, s: int, e: int, headline: bool, before: list[str], lowered: list[str]) -> bool:
        """Whether a verb with a sense that is not speech when an object follows ("revealed no
        weapon", "boasts a harbour") introduces speech here: before a clause or a quotation or
        closing one, in a headline after a source, after "of"/"about" with a person as its
        subject, or with a poll or a study as its subject."""
        prev = before[-1] if before else ""
        return bool(
            self._clause_follows(text, s, e)
            or (headline and (self._headline_clause.match(text, e) or self._headline_source(prev.lower(), prev)))
            or self._speaks_of(text, e, lowered, before)
            or (lowered and lowered[-1] in self._finding_subjects)
            or (text[s:e].lower() in self._subject_objects and self._subject_before(lowered, before))
        )

    def _subject_before(self, lowered: list[str], before: list[str]) -> bool:
        """Whether the verb's subject stands right before it, past adverbs and a form of "be"
        ("it also points out", "He's pointing out", "the group is pointing out"), rather than a
        preposition or an infinitive ("from pointing out", "quick to point out")."""
        words = list(lowered)
        if words and words[-1] in self._passive:
            words.pop()  # "she is pointing out"
        if not words:
            return False
        last = words[-1]
        if last.endswith(("’s", "'s")) and last[:-2] in self._clause_subjects:
            return True  # "He's pointing out"
        if last in self._clause_subjects or last in self._people or last in self._source_nouns:
            return True
        word = before[len(words) - 1]
        return len(words) > 1 and word[:1].isupper() and last not in self._not_subjects

    def _speaks_of(self, text: str, e: int, lowered: list[str], before: list[str]) -> bool:
        """Whether a person's boast or confession is about something ("the candidate boasted
        of his negotiating skills", "he boasts about them"): speech, whatever its object; a
        town that "boasts a harbour" has no "of" and is no person."""
        lead = _LEADING_WORDS.match(text, e)
        if not lead or lead.group(1).lower() not in self._speech_prepositions or not lowered:
            return False
        last = lowered[-1]
        if last in self._clause_subjects or last in self._people or last + "s" in self._people_plurals:
            return True
        word = before[len(lowered) - 1]
        return word[:1].isupper() and last not in self._not_subjects

    def _headline_source(self, low: str, prev: str) -> bool:
        """Whether the word before a headline's verb is a source that reports what it reveals
        or admits: a document ("Emails Reveal ..."), or an organisation's name
        set in capitals or with a capital inside it ("WikiLeaks Reveals ...", "FBI Admits ...")."""
        if low in self._documents:
            return True
        return len(prev) > 1 and (prev.isupper() or any(c.isupper() for c in prev[1:]))

    def _not_said_yet(self, lowered: list[str], narrated: bool, text: str, s: int) -> bool:
        """Whether a modal or a duty puts the verb before anyone has said it ("the president
        should insist that", "he might reveal"); "would later claim" narrates it, and "which
        Will claims" names the columnist."""
        return bool(lowered) and not narrated and self._hypothetical_before(lowered) and not _capitalised_mid_sentence(text, s)

    def _hypothetical_before(self, lowered: list[str]) -> bool:
        """A modal ("should", "might", "he'll") or a duty ("had to admit", "the first to admit")."""
        last = lowered[-1]
        if last in self._hypothetical or last.endswith(("’ll", "'ll")):
            return True
        return last == "to" and len(lowered) > 1 and lowered[-2] in self._duty

    def _subject_like(self, before: list[str], text: str, s: int, e: int) -> bool:
        """Whether the words before a noun-like form ("claims") end in its subject."""
        if self._noun_next.match(text, e):
            return False  # "claims on budget cuts", "claims were", "claim to the document"
        words = list(before)
        while words and words[-1].lower() in self._adverbs:
            words.pop()  # "Clinton also claims"
        if not words:
            return False
        prev = words[-1]
        low = prev.lower()
        if low in self._subject_words and not _capitalised_mid_sentence(text, s):
            # "responded to claims that": a form in -s is a noun after "to" or a modal
            return not text[s:e].lower().endswith("s") or low not in self._base_form_before
        # One of a kind of people speaks as they do: "the candidate claims" as "candidates claim".
        person = low in self._people or (low.isalpha() and low + "s" in self._people_plurals)
        # And sources of a kind in the plural: "audits reveal" as "an audit reveals".
        source = low in self._source_nouns or (low.endswith("s") and low[:-1] in self._source_nouns)
        if not (source or prev[:1].isupper() or person or low in self._groups):
            return False
        # A capitalised run after a determiner is a noun phrase: "a Voter Fraud Claim".
        k = len(words) - 1
        while k >= 0 and words[k][:1].isupper() and words[k].lower() not in self._not_subjects:
            k -= 1
        if k >= 0 and words[k].lower() in self._not_subjects:
            return False
        # "could blunt Republican claims.": a noun-like form that ends its sentence is a
        # verb only when it closes a clause set off by a comma ("..., a monitor claims.").
        if _CLAUSE_CLOSES.match(text[e:]):
            lo = text.rfind(words[0], 0, s)
            first = words[0]
            return (
                text[:lo].rstrip().endswith(",")
                and len(words) <= 4
                and (first[:1].isupper() or first.lower() in self._clause_subjects)
            )
        return True

    def _leads_to_clause(self, text: str, s: int, e: int, lead) -> bool:
        """Whether a preposition after the verb leads on to what was said."""
        words = [w.lower() for w in _WORD.findall(lead.group(2))]
        if not words:
            return True  # a blanked quotation right after: "boasted about “...”"
        if lead.group(1).lower() in self._gerund_prepositions and words[0].endswith("ing") and len(words[0]) >= 5:
            return True  # "admitted to lying", "retorted by saying"
        if lead.group(1).lower() == "to" and text[s:e].lower() in self._confessions:
            return True  # "admits to other intrusions": a deed owned up to (a place or body is an exception)
        if words[0] in self._question_words:
            return True  # "boasted about how ...", "confessed to what ..."
        if _QUOTE_AFTER.match(text, e + lead.end()):
            return True  # "pointed out in December, “...”"
        # "revealed to CNN that", "admitted in court on Monday that", "admitted during an
        # interview for the podcast that", and past a clause set off by commas: "admitted
        # during an interview, as the convention was wrapping up, that ...".
        return "that" in words[1:7] or _THAT_AFTER_ASIDE.match(text, e) is not None

    def _clause_follows(self, text: str, s: int, e: int) -> bool:
        rest = text[e:]
        if _INVERTED.search(text, 0, s) and _NAME_NEXT.match(rest):
            return True  # "“No,” retorted Smith": the speaker's name follows the quotation
        if _QUOTE_THEN_NAME.search(text, 0, s):
            return True  # "“There is today,” Murphy admitted on Tuesday": the quotation is what was said
        lead = _LEADING_WORDS.match(rest)
        if lead and lead.group(1).lower() in self._prepositions:
            return self._leads_to_clause(text, s, e, lead)
        m = self._time_phrase.match(rest)
        if not m:
            return True  # a blanked quotation follows
        word = m.group(1).lower()
        if not word or word in ',.;:!?—–"“”':
            return True  # "..., he revealed." closes the clause
        if rest[: m.start(1)].count(" ") > 4:
            return True  # a long run of blanks: a quotation was blanked here
        if self._bare_clause.match(rest):
            return True
        # "reveal that's untrue", "admitted it's": the word before a contracted verb opens.
        head = word.replace("’", "'").split("'")[0]
        # "admitted lying"; not "revealed something about ...".
        return head in self._openers or (word.endswith("ing") and len(word) > 5 and word not in self._ing_nouns)


# A verb after a quotation or a comma, then a name: the inverted "“...,” retorted Smith".
_INVERTED = compiled(r"(?:[,”\"]|\s{3})\s*$", regex.V1)
_NAME_NEXT = compiled(r"\s+(?:the\s+)?\p{Lu}", regex.V1)
# A quotation (its words blanked), then the speaker's name: "“...,” Murphy admitted ...".
_QUOTE_THEN_NAME = compiled(r"(?:[”\"]|\s{3})\s*,?\s*\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}\s+$", regex.V1)
# A comma or colon and then a quotation: the words said come after the phrase.
_QUOTE_AFTER = compiled(r"\s*[,:]\s*[\"“‘]", regex.V1)
# The reported clause after an aside between commas: "..., as the meeting ended, that ...".
_THAT_AFTER_ASIDE = compiled(r"[^.;:!?“”\"]{0,160}?,\s+that\s", regex.V1)
# A preposition after the verb and the words up to the next stop: "to CNN that ...".
_LEADING_WORDS = compiled(r"\s*(\p{L}+)\b([^,.;:!?—–()]{0,80})", regex.V1)


def _capitalised_mid_sentence(text: str, s: int) -> bool:
    """Whether the word before the verb at offset s is capitalised, not first in its clause,
    in copy that is not in title case: a name ("which Will claims", the columnist George Will),
    not a modal ("Trump Will Claim Victory" is a headline's title case)."""
    words = _words_before(text, s, 2)
    return len(words) == 2 and words[-1][:1].isupper() and text[s : s + 1].islower()


def _match_case(neutral: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return neutral.upper()
    if original[:1].isupper():
        return neutral[:1].upper() + neutral[1:]
    return neutral


def _words_before(text: str, s: int, n: int) -> list[str]:
    """Up to n words before offset s within its clause (stops at , ; : a dash or a bracket,
    and at a quotation's closing mark right before s: in "a “bad earpiece,” claiming he had"
    the quotation's words and its comma are blanked, and "a" is no determiner of the verb)."""
    lo = s
    while lo > 0 and text[lo - 1].isspace():
        lo -= 1
    if lo > 0 and text[lo - 1] in '”"':
        return []
    lo = s
    while lo > 0 and text[lo - 1] not in ",;:—–()":
        lo -= 1
    return [w.group(0) for w in _WORD.finditer(text, lo, s)][-n:]


def _blank_quotes(text: str) -> str:
    return _HEADLINE_QUOTE.sub(lambda m: " " * len(m.group(0)), text)
