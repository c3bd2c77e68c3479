"""Kind `vague-source`: attributions whose source is unnamed and undescribed.

Two shapes. A vague source joined to a cue is flagged wherever it stands, even beside a named
one ("The campaign and some experts have alleged ..."): "sources said", "local sources told",
"experts agree", "some Democrats think", "according to analysts", "..., say observers", and
"they argue" when "they" goes back to such a group. An agentless cue ("it is believed that",
"is said to", "reportedly", "by all accounts" is always vague) is flagged only when the
sentence names no source at all: "ISIL is believed to have moved, US officials said" is
attributed. Described sources ("officials said", "police said", "a spokesman said") are not
vague, and neither is a group pinned to an institution ("analysts at Goldman Sachs said").
One finding per sentence; quotations are the speaker's and are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import partial
from typing import ClassVar

import regex

from attrlint import memo
from attrlint.engine.rules import Option, Rule, register
from attrlint.memo import Memo
from attrlint.model.lexicon import pattern_alternation, word_alternation
from attrlint.patterns import Gates, compiled, gate_text, literal_gate, passes, required_literals


def _alt(words) -> str:
    return word_alternation(list(words))


def _plain_alt(words) -> str:
    """The words as an alternation for the standard `re` module on lower-cased text."""
    parts = sorted({w.strip().lower() for w in words if w and w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts) or r"(?!x)x"


@register
class VagueSource(Rule):
    kind = "vague-source"
    placeholders = frozenset({"source"})
    options: ClassVar[dict[str, Option]] = {
        "vague_nouns": Option("words", [], "sources that are vague even bare (sources, experts, observers, critics)"),
        "quantifiers": Option("words", [], "words that make any group vague (some, many, a wide array of)"),
        "alone": Option("words", [], "quantifiers that are a vague group by themselves before a cue (some, others)"),
        "others_words": Option(
            "words", [], "words after 'and' that make a group the rest of those just named (and other, and many more)"
        ),
        "described_nouns": Option("words", [], "groups that are described sources even after a quantifier (officials, police)"),
        "group_modifiers": Option("words", [], "capitalised words that may describe a vague group (Democratic, Western)"),
        "not_modifiers": Option("words", [], "words that end a group's modifiers (the, and, he, said)"),
        "particular_after_the": Option("words", [], "vague nouns that 'the' makes a back reference (the people)"),
        "owners": Option("words", [], "words that count or own a group, making it particular (two, his, these)"),
        "coordinators": Option(
            "words", [], "words joining a bare quantifier to a source named before it ('Edwards and others said'): not vague"
        ),
        "pronoun_antecedents": Option("words", [], "vague groups that a later 'they argue' can go back to (economists, experts)"),
        "passive_auxiliaries": Option(
            "words", [], "forms of 'be' that make a participle cue after a group passive ('critics were told to leave')"
        ),
        "irregular_participles": Option("words", [], "cue participles not in -ed (told, thought, said)"),
        "of_phrase_stops": Option(
            "words", [], "words that end the 'of' phrase after a group: a clause's verb or conjunction (is, as, that)"
        ),
        "cues": Option("words", [], "verbs that join a source to what it says or thinks (say, agree, believe)"),
        "poll_nouns": Option("words", [], "nouns of a poll: in its sentence 'most said' are the people polled (poll, survey)"),
        "object_cues": Option(
            "words",
            [],
            "cues that report nothing when an object follows them (people would find a way): not before `object_openers`",
        ),
        "object_openers": Option("words", [], "words that open an object after an `object_cues` verb (a, the, it)"),
        "anonymous_nouns": Option("words", [], "nouns that stay vague after a name ('a Trump campaign source')"),
        "topic_words": Option("words", [], "words before a group that make what it thinks a topic, not a claim (what, how)"),
        "quantifier_relatives": Option(
            "words", [], "words after a bare quantifier that make it some of a group already named ('some who warned')"
        ),
        "about_determiners": Option(
            "words", [], "determiners that open what a source is close to or knows about ('people familiar with the talks')"
        ),
        "about_prepositions": Option(
            "words",
            [],
            "prepositions ending a knows_about phrase, after which the thing known is named (close to, familiar with)",
        ),
        "group_closers": Option(
            "words", [], "words after an inverted cue's group that end it as the source ('..., said observers on Monday')"
        ),
        "according_cues": Option("words", [], "cues whose source follows them (according to, citing, per)"),
        "alone_closers": Option(
            "words", [], "words after 'according to' plus a bare quantifier that end the source ('according to some who ...')"
        ),
        "knows_about": Option(
            "words", [], "what a source is close to or knows about, which does not name it (close to, familiar with)"
        ),
        "auxiliaries": Option("words", [], "words allowed between a source and its cue (have, are, now, also)"),
        "pinned_after": Option("patterns", [], "what after a group ties it to a named body (at Goldman Sachs)"),
        "always_vague": Option("patterns", [], "phrases that are a vague source by themselves (by all accounts)"),
        "agentless": Option("patterns", [], "cues with no source, flagged when the sentence names none"),
    }

    def prepare(self) -> None:
        o = self.opts
        # Simple case folding: full folding (regex.V1's default) makes these patterns ten times
        # slower and changes nothing for English words.
        flags = regex.V0 | regex.IGNORECASE
        self._described = frozenset(w.lower() for w in o["described_nouns"])
        self._group_mods = frozenset(w.lower() for w in o["group_modifiers"])
        self._not_mods = frozenset(w.lower() for w in o["not_modifiers"])
        self._owners = frozenset(w.lower() for w in o["owners"])
        self._passive_aux = frozenset(w.lower() for w in o["passive_auxiliaries"])
        self._irregular_participles = frozenset(w.lower() for w in o["irregular_participles"])
        self._coordinators = frozenset(w.lower() for w in o["coordinators"])
        self._particular_after_the = frozenset(w.lower() for w in o["particular_after_the"])
        self._topic_words = frozenset(w.lower() for w in o["topic_words"])
        # A share of a group is counted, so polled ("Two-thirds of Democratic insiders said", "52
        # percent of economists think"): the lexicon's shares of the people polled.
        shares = self.lexicon.alternation("answer_shares") if self.lexicon else "(?!)"
        self._share_before = regex.compile(rf"(?:{shares})[\w-]*\s*$", regex.IGNORECASE)
        self._others = frozenset(w.lower() for w in o["others_words"])
        self._anonymous = frozenset(w.lower() for w in o["anonymous_nouns"])
        self._prepositions = self.lexicon.word_class("prepositions") if self.lexicon else frozenset()
        self._ing_nouns = self.lexicon.word_class("ing_nouns") if self.lexicon else frozenset()
        vague, quant, aux = _alt(o["vague_nouns"]), _alt(o["quantifiers"]), _alt(o["auxiliaries"])
        cue = self._cue_alternation()
        # "some who warned it could fail" is some of a group already named; "experts who say" is not.
        relatives = {w.lower() for w in o["quantifier_relatives"]}
        aux_alone = _alt([w for w in o["auxiliaries"] if w.lower() not in relatives])
        word = r"[\p{L}][\p{L}-]*"
        mods = rf"(?P<mods>(?:{word}\s+){{0,3}}?)"
        # What a source is close to or knows about does not name it: "sources close to Sanders",
        # "a source with knowledge of the matter", "people familiar with the talks".
        # A short noun phrase: before a cue as few words as let the cue follow ("him", "Sanders",
        # "the FDIC’s internal investigation", not on to a later cue: "... said the areas ...
        # suggested"); after "according to", where no cue follows, as many as there are ("according
        # to people familiar with the network's plans").
        about_words = rf"(?:(?:{_alt(o['about_determiners'])})\s+)?[\p{{L}}][\p{{L}}.’'-]*(?:\s+[\p{{L}}][\p{{L}}.’'-]*)"

        def tail(more: str) -> str:
            return (
                rf"(?:(?:\s+(?:{_alt(o['knows_about'])})"
                rf"|(?<=\s(?:{_alt(o['about_prepositions'])})))\s+{about_words}{more})?"
            )

        # The "of" phrase is a noun phrase: it stops at a clause's verb or conjunction
        # ("Supporters of the law hope this is ... as insurers figure out ...").
        clause = _alt(o["of_phrase_stops"]) if o["of_phrase_stops"] else "(?!)"
        of_phrase = rf"(?:\s+of\s+(?:(?!\s(?:{clause})\s)[^,.;:—–()]|\.(?=\S|\s+\p{{Ll}})){{1,60}}?)?"
        auxes = rf"(?:\s+(?:{aux}|\p{{L}}+ly)){{0,3}}"
        # A vague group: bare vague nouns, or any plural group after a quantifier.
        group_head = rf"(?:(?P<quant>{quant})\s+{mods}(?P<head>{word})|{mods.replace('mods', 'mods2')}(?P<head2>{vague}))"
        group = group_head + tail("{0,7}?")
        group_to_end = group_head + tail("{0,7}")
        b = r"(?<![\p{L}\p{N}’'-])"
        e = r"(?![\p{L}\p{N}-])"
        # Where a vague group can start, found with a plain search of the lower-cased sentence
        # (the full patterns are tried only there): a quantifier opens its group, a vague noun
        # ends one that starts up to three words before it.
        self._prepare_words()
        self._alone_trigger = re.compile(rf"\b(?:{_plain_alt(o['alone'])})\b")
        self._trigger = re.compile(
            rf"\b(?<![’'-])(?:(?P<q>{_plain_alt(o['quantifiers'])})|(?P<v>{_plain_alt(o['vague_nouns'])}))(?![\w-])"
        )
        # Between a group and its cue, a word or a relative clause set off by commas: "Others,
        # however, say", "an intelligence source, who was not authorized to speak, told".
        aside = rf"(?:\s*,\s*(?:\p{{L}}+|(?:{_alt(o['quantifier_relatives'])})\s[^,;:.“”\"]{{1,90}}?)\s*,)?"
        self._subject_cue = regex.compile(rf"{b}(?P<np>{group}){of_phrase}{aside}{auxes}\s+(?P<cue>{cue}){e}", flags)
        self._subject_cue_words = literal_gate(self._subject_cue)  # a cue word, for one
        # "Some say", "others warned": the same cues as any group's (the pack's `cues`).
        self._quantifier_alone = regex.compile(
            rf"{b}(?P<np>{_alt(o['alone'])}){aside}(?:\s+(?:{aux_alone})){{0,2}}\s+(?P<cue>{cue}){e}", flags
        )
        # "..., say observers." The group closes its clause; after "The survey ..., said most
        # regions continued" the group is the subject of what was said, not who said it.
        closes = rf"(?=\s*(?:[,.;:!?—–()\"“”‘’]|$)|\s+(?:{_alt(o['group_closers'])})\b)"
        # After a comma, the sentence's start, or a quotation (whose words, and the comma inside
        # its marks, the sentence's own text has blanked): '"It is over," said sources close to ...'.
        self._inverted = regex.compile(rf"(?:,|^|(?<=[”\"’']))\s*(?P<cue>{cue})\s+(?P<np>{group_to_end}){e}{closes}", flags)
        self._according = regex.compile(
            rf"{b}(?:{_alt(o['according_cues'])})\s+(?P<np>(?P<alone>{_alt(o['alone'])})(?=\s+(?:{_alt(o['alone_closers'])})\b|\s*[,.;]|$)|{group_to_end}){e}",
            flags,
        )
        self._inverted_words = literal_gate(self._inverted)
        self._according_words = literal_gate(self._according)
        self._they = regex.compile(rf"{b}they{auxes}\s+(?P<cue>{cue}){e}", flags)
        self._group_word = regex.compile(
            rf"{b}(?:(?P<vague>{_alt(o['pronoun_antecedents'])})|(?P<described>{_alt(o['described_nouns'])})){e}", flags
        )
        self._pinned = regex.compile(pattern_alternation(o["pinned_after"]), flags)
        # The phrases vague by themselves and the agentless cues, in one pass over the sentence.
        always = pattern_alternation(o["always_vague"])
        agentless = pattern_alternation(o["agentless"])
        phrases = f"(?P<always>{always})|(?P<agentless>{agentless})"
        # Searched in the lower-cased text without case folding when no pattern cares about
        # case (a third faster); a pattern that names a case keeps the folding search.
        self._phrases_lower = not re.search(_CASE_SENSITIVE, re.sub(_ESCAPES, "", phrases))
        self._phrases = regex.compile(phrases, regex.V0 if self._phrases_lower else flags)
        # The words each phrase needs: most paragraphs hold those of none, and skip the search.
        self._phrase_gates = Gates([required_literals(p) for p in o["always_vague"] + o["agentless"]])
        self._cue_words = frozenset(w.lower() for w in o["cues"] if " " not in w.strip())
        self._vague_words = frozenset(w.lower() for w in o["vague_nouns"] if " " not in w.strip())
        # Paragraphs' searches by their sentences' words (see _scans).
        self._memo = Memo(memo.PARAGRAPHS)
        self._subject_cues = Memo(memo.SENTENCES)

    def _cue_alternation(self) -> str:
        """The cues as one alternation; an object cue only where no object follows it ("people
        would find a way" reports nothing)."""
        o = self.opts
        object_cues = {w.lower() for w in o["object_cues"]}
        cue = _alt([w for w in o["cues"] if w.lower() not in object_cues])
        if object_cues:
            cue += rf"|(?:{_alt(object_cues)})(?!\s+(?:{_alt(o['object_openers'])})(?![\p{{L}}-]))"
        return cue

    def _prepare_words(self) -> None:
        o = self.opts
        self._quantifier_words = frozenset(w.lower() for w in o["alone"])
        self._poll_nouns = frozenset(w.lower() for w in o["poll_nouns"])
        # Counts of two or more ("one source" is still a source no one named).
        values = {**self.lexicon.numbers("number_values"), **self.lexicon.numbers("scale_values")} if self.lexicon else {}
        self._number_words = frozenset(w for w, v in values.items() if v >= 2)

    def check(self, article, facts):
        # The searches every sentence needs run once over each paragraph, its sentences joined
        # by a character no pattern crosses; most sentences then need nothing more.
        sentences = [(para, sent) for para in article.paragraphs for sent in para.sentences]
        texts = [sent.unquoted for _, sent in sentences]
        scans = self._scans(article, texts)
        triggers: dict[int, list] = {}
        alone: dict[int, list] = {}
        phrases: dict[int, list] = {}
        at = 0
        for scan in scans:
            for found, into in ((scan.triggers, triggers), (scan.alone, alone), (scan.phrases, phrases)):
                for k, hits in found.items():
                    into[at + k] = hits
            at += scan.sentences
        names = None
        for k, (para, sent) in enumerate(sentences):
            if names is None and k in triggers:
                names = _proper_words(scans)
            hit = self._find(sent, para, facts, k in alone, triggers.get(k, ()), phrases.get(k, ()), names)
            if hit is not None:
                s, e, phrase = hit
                if phrase == sent.unquoted[s:e].lower():
                    phrase = sent.unquoted[s:e]  # matched in the lower-cased text: shown as the copy has it
                yield self.diagnostic(article, sent.start + s, sent.start + e, source=phrase)

    def _scans(self, article, texts: list[str]) -> list[_Scan]:
        """The searches of each paragraph's sentences, remembered by their words (an edit in
        the language server changes one paragraph); the whole body's at once when a letter's
        lower case is longer than it (the body is then searched as written, see _Scan)."""
        if any(len(t.lower()) != len(t) for t in texts):
            return [self._scan(texts, as_written=True)]
        out, at = [], 0
        for para in article.paragraphs:
            own = tuple(texts[at : at + len(para.sentences)])
            at += len(own)
            out.append(self._memo.get(own, partial(self._scan, own)))
        return out

    def _scan(self, texts, as_written: bool = False) -> _Scan:
        joined = _SEPARATOR.join(texts)
        # As written when a letter whose lower case is longer would shift the offsets.
        low = joined if as_written else joined.lower()
        starts, at = [], 0
        for t in texts:
            starts.append(at)
            at += len(t) + 1
        # Kept as tuples of numbers, strings and `regex` matches, which the cycle collector does
        # not track (a memo over a corpus is always full): a trigger as (offset, whether a
        # quantifier opens it), not as its `re` match.
        triggers = _by_sentence(self._trigger.finditer(low), starts)
        phrases = {}
        if self._phrase_gates.open(joined):
            phrases = _by_sentence(self._phrases.finditer(low if self._phrases_lower else joined), starts)
        return _Scan(
            texts,
            {k: tuple((at, bool(m.group("q"))) for at, m in hits) for k, hits in triggers.items()},
            dict.fromkeys(_by_sentence(self._alone_trigger.finditer(low), starts), ()),  # only whether
            phrases,
        )

    def _find(self, sent, para, facts, alone, triggers, phrases, names=frozenset()):
        """The sentence's first vague source, given the (start, match) of the trigger words and
        phrases found in it, and whether it has a word that can be a group alone ("some")."""
        text = sent.unquoted
        candidates = []
        # In a poll's sentence "most said" are the people polled, who answer for themselves.
        if alone and not self._polled(sent, para):  # "some say", "others claim"
            found = self._quantifier_alone_source(text)
            if found is not None:
                candidates.append(found)
        if triggers:
            candidates += self._group_sources(sent, facts, triggers, names)
        always, agentless = _first_phrases(phrases)
        if always:
            candidates.append(always)
        if "they" in text or "They" in text:
            m = self._they.search(text)
            if m and self._they_vague(sent, para, m.start(), facts):
                candidates.append((m.start(), m.end(), m.group(0)))
        if not candidates and agentless and not self._names_source(sent, facts, agentless[0], agentless[1]):
            candidates.append(agentless)
        if candidates:
            candidates = _not_nested(candidates, facts.all_attributions(sent))
        if not candidates:
            return None
        return min(candidates)

    def _polled(self, sent, para) -> bool:
        """Whether the sentence, or one before it in its paragraph, is about a poll ("In exit
        polls, ... most said")."""
        for s in para.sentences:
            if any(w.group(0).lower() in self._poll_nouns for w in _WORD.finditer(s.unquoted)):
                return True
            if s is sent:
                break
        return False

    def _quantifier_alone_source(self, text: str):
        """The first quantifier that is a vague group by itself before a cue ("some say"), as
        (start, end, phrase)."""
        for m in self._quantifier_alone.finditer(text):
            if self._passive(text, m):
                continue  # "Some are expected to attend": done to them, not said by them
            before = _word_before(text, m.start()).lower()
            if before in self._coordinators and self._named_before(text, m.start()):
                continue  # "Edwards and others said": the named source speaks with them
            if len(before) > 4 and before.endswith("ing") and before.isalpha() and before not in self._ing_nouns:
                # "should be causing some worry": the object of a verb, a noun after it (not
                # "in the morning some say")
                continue
            if before not in self._owners and not self._reported_by_another(text, m.start()):
                return (m.start(), m.end(), m.group(0))
        return None

    def _passive(self, text: str, m) -> bool:
        """Whether the cue is a participle after a form of 'be': "critics were told to leave",
        "many experts are expected to testify" say nothing of their own. (The agentless cues,
        "some are believed to be dead", are read on their own.)"""
        cue = m.group("cue").lower()
        if not (cue.endswith("ed") or cue in self._irregular_participles):
            return False
        return _word_before(text, m.start("cue")).lower() in self._passive_aux

    def _named_before(self, text: str, at: int) -> bool:
        """Whether the word before the coordinator before `at` is a name ("Edwards and others")."""
        words = list(_WORD.finditer(text, max(0, at - 60), at))
        return len(words) >= 2 and words[-2].group(0)[:1].isupper()

    def _group_sources(self, sent, facts, triggers, names) -> list:
        """The vague groups joined to a cue, as (start, end, phrase): the first as the cue's
        subject ("some experts say"), the first after an inverted cue ("..., say observers") and
        the first after "according to"."""
        text = sent.unquoted
        out = []
        m, g = self._subject_group(text, triggers, names)
        if m is not None and not (
            m.group("quant")
            and m.group("head").lower() not in self._vague_words
            and self._names_source(sent, facts, m.start("np"), m.end())
        ):
            # ("Most Americans think ..., according to a Fox News poll": the poll is the source.)
            out.append((g, m.end(), text[g : m.end()].strip(" ,")))
        low = gate_text(text)
        for pattern, need in ((self._inverted, self._inverted_words), (self._according, self._according_words)):
            if not passes(need, low):
                continue  # a word every match needs is missing: no search
            for m in pattern.finditer(text):
                if self._vague_group(text, m, names=names) is not None:
                    raw, end = m.group(0), m.end()
                    phrase = raw.strip(" ,")
                    if phrase.endswith(".") and "." not in phrase.rsplit(None, 1)[-1][:-1]:
                        phrase = phrase[:-1]  # the sentence's full stop, not an abbreviation's ("U.S.")
                        end = m.start() + raw.rindex(".")
                    out.append((m.start("np"), end, phrase))
                    break
        return out

    def _subject_group(self, text: str, triggers, names=frozenset()):
        """The first vague group that is the subject of a cue ("some experts say"), trying the
        pattern only where a group can start: at a quantifier, or up to three words before a
        vague noun (its modifiers: "Financial industry insiders say")."""
        if not passes(self._subject_cue_words, gate_text(text)):
            return None, None  # no cue word (or no group word) anywhere in the sentence
        starts = set()
        for at, quantifier in triggers:
            starts.add(at)
            if not quantifier:
                starts.update(w.start() for w in list(_WORD_START.finditer(text, max(0, at - 60), at))[-3:])
        done = 0
        for at in sorted(starts):
            if at < done:
                continue
            # By the sentence's words and the place: the language server asks again after
            # every edit elsewhere in the draft.
            m = self._subject_cues.get((text, at), partial(self._subject_cue.match, text, at))
            if m is None:
                continue
            g = None if self._passive(text, m) else self._vague_group(text, m, subject=True, names=names)
            if g is not None and m.group("cue").lower().endswith("ing") and _word_before(text, g).lower() in self._prepositions:
                # "a text message to supporters saying ...": the participle goes with the noun
                # before the preposition; the group is only who the message went to.
                g = None
            if g is not None:
                return m, g
            done = m.end()
        return None, None

    def _reported_by_another(self, text: str, at: int) -> bool:
        """Whether the group starting at `at` stands inside what another source said: "Obama
        said economists predict ...", "he said that some fear ..." (that source answers for it)."""
        words = list(_WORD.finditer(text, max(0, at - 60), at))[-3:]
        end = at
        if words and words[-1].group(0).lower() == "that":
            end = words.pop().start()
        if len(words) < 2:
            return False  # "Said economists ..." opens the sentence: no other source before it
        return words[-1].group(0).lower() in self._cue_words and not text[words[-1].end() : end].strip(" ")

    def _vague_group(self, text: str, m, subject: bool = False, names=frozenset()) -> int | None:
        """Where a matched group starts if it is really unnamed (not counted, owned or pinned to
        a body, nor, as the subject of its cue, inside another source's reported words); None
        if it is not. The start leaves out words before the group ("But", "is echoing")."""
        start = m.start("np")
        if "alone" in m.re.groupindex and m.group("alone"):
            return start  # "according to some on Twitter"
        if m.group("quant"):
            if self._quantified_particular(text, m, subject, names):
                return None
        else:
            start = self._bare_group_start(text, m, subject, names)
            if start is None:
                return None
        if self._pinned_or_owning(text, m):
            return None
        return start

    def _quantified_particular(self, text: str, m, subject: bool, names) -> bool:
        """Whether a group after a quantifier ("some experts") is described, counted or owned
        after all, or stands inside another source's reported words."""
        head = m.group("head").lower()
        if head in self._described or head in self._not_mods or not (head.endswith("s") or head in self._vague_words):
            return True  # "some officials said" is described; "some say" is matched elsewhere
        before = _word_before(text, m.start("np")).lower()
        if before in self._owners or before.endswith(("’s", "'s")):
            return True
        if before in self._coordinators and self._named_for_others(text, m, m.start("np"), m.start("np")):
            return True  # "Ana Ruiz, Tomas Berg and many more skippers said": named for the rest
        if subject and self._reported_by_another(text, m.start("np")):
            return True
        for w in m.group("mods").split():
            low = w.lower()
            if low in self._not_mods or low in self._described or low in self._owners:
                return True
            if w[:1].isupper() and low in names and low not in self._group_mods:
                return True  # "some Clinton allies": a named person's allies are described
        return False

    def _bare_group_start(self, text: str, m, subject: bool, names) -> int | None:
        """Where a vague noun's group starts, with its modifiers ("Financial industry insiders");
        None when the word before them makes it particular."""
        stop, stop_at, group_at = self._first_non_modifier(text, m)
        if self._stop_makes_particular(text, m, stop, stop_at, group_at, subject, names):
            return None
        start = group_at + len(text[group_at : m.start("head2")]) - len(text[group_at : m.start("head2")].lstrip())
        if stop.lower() in ("a", "an") and stop_at < start:
            start = stop_at  # "A source said": the article is part of the source as written
        return start

    def _first_non_modifier(self, text: str, m) -> tuple[str, int, int]:
        """Walking back from the noun over its modifiers, the word that stops the walk, where it
        stands, and where the group starts after it."""
        words = [(w.start(), w.group(0)) for w in _WORD.finditer(text, m.start("np"), m.start("head2"))]
        while words:
            at, w = words.pop()
            if w.lower() in self._quantifier_words:
                return w, at, at  # "the coronation many pundits forecast": the group opens at "many"
            if not self._modifier(text, at, w, words):
                return w, at, at + len(w)
        return _word_before(text, m.start("np")), m.start("np"), m.start("np")

    def _stop_makes_particular(self, text: str, m, stop: str, stop_at: int, group_at: int, subject: bool, names) -> bool:
        """Whether the word that stops the walk back over a group's modifiers makes the group
        particular: a named one standing for the rest, a topic word, "the" for one already in
        view, an owner, a name."""
        low = stop.lower()
        if low == "and" and self._named_for_others(text, m, stop_at, group_at):
            return True
        if low in self._topic_words:
            return True  # "tied to what people think of him": what they think is the topic, not a claim
        if low == "of" and self._share_before.search(text, max(0, stop_at - 30), stop_at):
            return True  # "Two-thirds of Democratic insiders said": a poll's answer, the people polled
        if low == "the" and m.group("head2").lower() in self._particular_after_the:
            return True  # "the restaurant that the people said": people already in view
        if subject and self._reported_by_another(text, group_at):
            return True
        if low in self._owners or low.endswith(("’s", "'s")):
            return True  # "his friends say", "two analysts said", "Trump's critics"
        if self._is_number(low):
            return True  # "six-million people", "1,200 workers": a counted group, described by its count
        sentence_start = not text[:stop_at].strip()
        # A name: "Goldman Sachs analysts", and "Trump supporters" opening a sentence.
        return bool(
            stop[:1].isupper()
            and (not sentence_start or low in names)
            and m.group("head2").lower() not in self._anonymous
            and low not in self._group_mods
            and low not in self._not_mods
        )

    def _named_for_others(self, text: str, m, stop_at: int, group_at: int) -> bool:
        """Whether named ones stand for the rest: "Mayor Jane Holt and other supporters", "Ana
        Ruiz, Tomas Berg and many more skippers"."""
        at_and = text.rfind("and", 0, group_at if group_at > stop_at else stop_at + 3)
        if at_and < 0 or not _word_before(text, at_and)[:1].isupper():
            return False
        between = [w.lower() for w in text[at_and + 3 : m.start("head2")].split()]
        while between and between[0] in self._quantifier_words:
            between.pop(0)  # "and many more skippers"
        return bool(between) and between[0] in self._others

    def _pinned_or_owning(self, text: str, m) -> bool:
        """Whether what follows the group ties it to a named body ("analysts at Goldman Sachs")
        or makes it an owner rather than a speaker."""
        if self._pinned.match(text, m.end("np")):
            return True
        cue = m.start("cue") if "cue" in m.re.groupindex else -1
        if cue > m.end("np") and self._pinned.search(text, m.end("np"), cue):
            return True  # "critics of the plan at the Harbour Business Association said"
        # "profits below analysts’ forecasts": the group owns a thing, says nothing
        return text[m.end("np") : m.end("np") + 1] in ("’", "'")

    def _modifier(self, text: str, at: int, w: str, rest: list) -> bool:
        low = w.lower()
        if self._is_number(low):
            return False  # a count stops the walk back: "six-million people" are counted
        if low == "and":
            return bool(rest) and self._modifier(text, rest[-1][0], rest[-1][1], [])
        if low in self._not_mods or low in self._owners or low in self._described or low.endswith(("’s", "'s")):
            return False
        if w[:1].isupper():
            return low in self._group_mods or (not text[:at].strip() and low in self._group_mods)
        return True

    def _is_number(self, low: str) -> bool:
        if low[:1].isdigit():
            return low not in ("1", "1.0")
        return bool(low) and all(p in self._number_words for p in low.split("-"))

    def _they_vague(self, sent, para, at: int, facts) -> bool:
        """Whether 'they' goes back to a vague group: the nearest group noun before it is vague,
        unless the sentence before cites a source of its own: "they" goes on with that source,
        which is reported there if it is vague ("Military analysts say ... Russia's gains, they
        said, ...") and is no vague source if it is not ("Facebook officials say they use
        language experts ... Sometimes, they say, ...")."""
        earlier = [s for s in para.sentences if s.index < sent.index][-2:]
        if earlier and any(a.source_kind for a in facts.attributions(earlier[-1])):
            return False
        context = " ".join(s.unquoted for s in earlier) + " " + sent.unquoted[:at]
        last = None
        for g in self._group_word.finditer(context):
            last = g
        if last is None or not last.group("vague"):
            return False
        if self._pinned.match(context, last.end()):
            return False
        before = _word_before(context, last.start()).lower()
        return before not in self._owners and not before.endswith(("’s", "'s"))

    def _names_source(self, sent, facts, s: int, e: int) -> bool:
        return any(a.end <= s or a.start >= e for a in facts.attributions(sent))


_WORD = compiled(r"[\p{L}\p{N}][\p{L}\p{N}’'-]*")
# What in a pattern can depend on case: a capital letter, a case class, a case flag. (Read
# only while the rule is compiled: pattern strings, compiled by `re` on first use.)
_ESCAPES = r"\\[pP]\{[^}]*\}(?<!L[ult]\})|\\.|\(\?P<\w+>"
_CASE_SENSITIVE = r"[A-Z]|\(\?[a-z]*-[a-z]*i|\\[pP]\{L[ult]\}"
# Joins the sentences for the searches run once per paragraph: no pattern matches across it.
_SEPARATOR = "\x00"


# No source, or a vague one, answers for nothing it reports.
_NOT_ANSWERING = ("", "vague")


def _not_nested(candidates: list, attributions) -> list:
    """The candidates that are not the source of a cue inside what a known source reports
    ("Devine said he had no talks with supporters who suggested ...", "He says if people
    think ..."): that source answers for them. The attribution model marks such cues nested;
    the outer cue must be a report of the contract's kind by a source that is not vague
    ("should remember that social scientists say" stays the writer's own vague source)."""
    inner = [b for b in attributions if b.nested]
    if not inner:
        return candidates
    outer = [a for a in attributions if not a.nested and a.reports and a.listed and a.source_kind not in _NOT_ANSWERING]
    return [c for c in candidates if not any(_reports_inside(c, b, outer) for b in inner)]


def _reports_inside(candidate, b, outer) -> bool:
    return b.start < candidate[1] <= b.end and any(a.content_start <= candidate[0] and b.start < a.content_end for a in outer)


def _by_sentence(matches, starts: list[int]) -> dict[int, tuple]:
    """Matches over the joined sentences, as (offset in its sentence, match) by sentence index;
    a match that runs across a join is dropped."""
    out: dict[int, list] = {}
    for m in matches:
        if _SEPARATOR in m.group(0):
            continue
        k = bisect_right(starts, m.start()) - 1
        out.setdefault(k, []).append((m.start() - starts[k], m))
    return {k: tuple(hits) for k, hits in out.items()}


def _first_phrases(phrases) -> tuple:
    """The first phrase that is a vague source by itself and the first agentless cue, each as
    (start, end, phrase) or None."""
    always = agentless = None
    for at, m in phrases:
        span = (at, at + len(m.group(0)), m.group(0))
        if m.group("always") is not None:
            always = always or span
        else:
            agentless = agentless or span
    return always, agentless


class _Scan:
    """The searches of a run of sentences (a paragraph's), by sentence index in the run, and
    the words they capitalise and do not (read on first use)."""

    def __init__(self, texts, triggers: dict, alone: dict, phrases: dict):
        self.texts = texts
        self.sentences = len(texts)
        self.triggers, self.alone, self.phrases = triggers, alone, phrases
        self._cases: tuple[frozenset[str], frozenset[str]] | None = None

    def cases(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words written capitalised and those written in lower case inside a sentence
        (not its first word), lower-cased."""
        if self._cases is None:
            upper: set[str] = set()
            lower: set[str] = set()
            for t in self.texts:
                for w in t.split()[1:]:
                    w = w.strip(_PUNCT)
                    if w[:1].isalpha():
                        (upper if w[0].isupper() else lower).add(w.lower())
            self._cases = (frozenset(upper), frozenset(lower))
        return self._cases


def _proper_words(scans: list[_Scan]) -> frozenset[str]:
    """Words the copy always capitalises, even inside a sentence (names: "Trump"), lower-cased:
    a sentence's first word is capitalised either way, and this tells "Trump supporters say"
    from "Local supporters say" there."""
    upper: set[str] = set()
    lower: set[str] = set()
    for scan in scans:
        u, lo = scan.cases()
        upper |= u
        lower |= lo
    return frozenset(upper - lower)


_PUNCT = ".,;:!?\"“”‘’'()[]—–-"

_WORD_START = re.compile(r"[^\W_][\w’'-]*")

_WORD_BEFORE = compiled(r"([\p{L}\p{N}’'-]+)[\s]*$")


def _word_before(text: str, i: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, i - 40) : i])
    return m.group(1) if m else ""
