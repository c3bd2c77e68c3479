"""Kind `source-first-reference`: a source named by a short form before its full form.

Readers meet a source once in full ("observatory chief Rami Abdel Rahman", "the Syrian
Observatory for Human Rights") and by short form after that ("Rahman said", "SOHR said",
"the Observatory said"). The rule tracks the people and organisations that speak in the body
(the subject of a cue, the name after "according to", the person a following "he said"
quotes) and flags the first short reference that no earlier full form in the body introduces:

- an acronym, unless the pack lists it as well known or its letters abbreviate an earlier
  name ("US Central Command" ... "CENTCOM") or it was given in brackets after the name;
- a surname alone or after a title ("Cruz said", "Gov. Kasich replied"), unless an earlier
  name of two or more words ends in it ("Rami Abdel Rahman" ... "Rahman");
- "the" plus an organisation's head word ("the Observatory said") with no earlier full name
  containing it.

A surname counts only when the article shows it is a person: a title before it, a full name
elsewhere ending in it, or "he"/"she" speaking for it. The headline neither introduces nor
is checked; one finding per source, at its first short reference.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

import regex

from attrlint import memo
from attrlint.engine.rules import Option, Rule, register
from attrlint.memo import Memo
from attrlint.model.lexicon import pattern_alternation
from attrlint.patterns import compiled

# Words with their inner stops, apostrophes and hyphens ("U.S.", "O’Brien", "H-P", "AT&T"); the
# standard `re` module runs this twice as fast as `regex`.
_TOKEN = re.compile(r"[^\W_][\w.’'&-]*")
# "SOHR", "U.N.", and hyphenated ones ("H-P", "AFL-CIO"), which abbreviate hyphenated names.
_ACRONYM = compiled(r"^(?:\p{Lu}\.){2,}$|^\p{Lu}(?:[\p{Lu}\p{N}&]|-(?=\p{Lu})){1,7}$")
_SPACES = compiled(r"\s+")


@register
class SourceFirstReference(Rule):
    kind = "source-first-reference"
    placeholders = frozenset({"name"})
    options: ClassVar[dict[str, Option]] = {
        "well_known": Option("words", [], "acronyms that need no spelling out (AP, UN, FBI)"),
        "names_in_capitals": Option("patterns", [], "words in capitals that are names, not acronyms (call signs: KMOV)"),
        "titles": Option("words", [], "titles before a surname (Mr., Gov., President)"),
        "office_titles": Option(
            "words",
            [],
            "titles of an office with one holder the reader knows, which name "
            "the person with the surname alone (President Obama, Pope Francis)",
        ),
        "org_heads": Option("words", [], "head words of organisations referred to with 'the' (Observatory, Ministry)"),
        "not_names": Option("words", [], "capitalised words that are not names (sentence openers, days, pronouns)"),
        "adverbs": Option("words", [], "words allowed between a source and its cue (also, openly, later)"),
        "pronouns": Option("words", [], "pronouns that speak for the last person named (he, she)"),
        "possessives": Option(
            "words", [], "possessive words that make the acronym after them a description (his, its: 'its CEO')"
        ),
        "recipient_cues": Option("words", [], "cues whose following name is who was told, not who spoke (told, telling)"),
        "head_prepositions": Option(
            "words",
            [],
            "prepositions after a described head that make the name after them not the source (the former CEO of Hewlett-Packard)",
        ),
        "name_links": Option(
            "words", [], "lower-case words inside the name of an organisation (Department of State, Bureau for ..., and)"
        ),
        "name_function_words": Option(
            "words",
            [],
            "words that make a capitalised run no person's full name (CEO of Hewlett-Packard, Ministry of the Interior)",
        ),
    }

    def prepare(self) -> None:
        o = self.opts
        # The rule's own list plus the lexicon's, which a project's config extends (`acronyms:`).
        extra = self.lexicon.words("well_known_acronyms") if self.lexicon else []
        self._well_known = frozenset(w.replace(".", "").upper() for w in list(o["well_known"]) + extra)
        self._titles = frozenset(w.lower() for w in o["titles"])
        self._office_titles = frozenset(w.lower() for w in o["office_titles"])
        self._names_in_capitals = regex.compile(pattern_alternation(o["names_in_capitals"]), regex.V1)
        self._org_heads = frozenset(w.lower() for w in o["org_heads"])
        self._not_names = frozenset(w.lower() for w in o["not_names"])
        self._adverbs = frozenset(w.lower() for w in o["adverbs"])
        self._pronouns = frozenset(w.lower() for w in o["pronouns"])
        self._possessives = frozenset(w.lower() for w in o["possessives"])
        self._recipient_cues = frozenset(w.lower() for w in o["recipient_cues"])
        self._head_prepositions = frozenset(w.lower() for w in o["head_prepositions"])
        self._name_links = frozenset(w.lower() for w in o["name_links"])
        self._name_function_words = frozenset(w.lower() for w in o["name_function_words"])
        lex = self.lexicon
        self._particles = lex.word_class("name_particles") if lex else frozenset()
        self._indefinite = lex.word_set("articles") - {"the"} if lex else frozenset()
        self._described = lex.word_set("source_nouns") if lex else frozenset()
        self._people_nouns = lex.word_set("people_nouns") if lex else frozenset()
        none = r"(?!x)x"
        # A capitalised run with its particles, a nickname in quotes inside it (William "Mo" Cowan)
        # and the writer's bracketed insertion in a quotation ("[President Barack] Obama").
        particles = lex.alternation("name_run_particles") if lex else none
        self._name_run = regex.compile(
            rf"\p{{Lu}}[\p{{L}}’'.-]*\]?(?:\s+(?:(?:{particles})\s+)*"
            r"(?:[\"“‘]\p{Lu}[\p{L}.’'-]*[\"”’]\s+)?\p{Lu}[\p{L}’'.-]*\]?)*"
        )
        self._apposition = regex.compile(rf",\s+(?:{lex.alternation('articles') if lex else none})\s+\p{{Ll}}")
        self._of_name = regex.compile(rf"\s+(?:{lex.alternation('organisation_links') if lex else none})\s+\p{{Lu}}")
        self._source_after_cue = tuple(lex.word_class("source_after_cue_openings")) if lex else ()
        self._common_endings = tuple(lex.word_class("common_word_endings")) if lex else ()
        # Paragraphs' surnames by their text (see _full_name_surnames).
        self._memo = Memo(memo.PARAGRAPHS)

    # --- finding the sources -----------------------------------------------------------

    def check(self, article, facts):
        text = article.text
        scan = _Scan(
            article,
            facts,
            body_start=article.paragraphs[0].start if article.paragraphs else len(text),
            surnames=_Lazy(lambda: self._full_name_surnames(article)),
            tokens=_SentenceTokens(),
        )
        reported: set[str] = set()
        for para in article.paragraphs:
            last_subject = None  # (sentence, tokens) of the last sentence opening with a name
            for sent in para.sentences:
                unq = sent.unquoted
                attributions = facts.attributions(sent)
                if not attributions:
                    opener = self._bare_opener(unq)
                    if opener is not None:
                        last_subject = (sent, opener)
                    elif _stale(last_subject, sent):
                        last_subject = None
                    continue
                tokens = scan.tokens(sent)
                opener = self._opening_name(unq, tokens)
                if _stale(last_subject, sent):
                    last_subject = None  # two sentences on, "he" may be anyone named in between
                refs = self._references(unq, tokens, attributions, last_subject)
                last_subject = _next_subject(sent, tokens, refs, opener, last_subject)
                for ref in refs:
                    found = self._unintroduced(scan, para, sent, tokens, ref, refs)
                    if found is None or found[0] in reported:
                        continue
                    key, s, e, shown = found
                    reported.add(key)
                    yield self.diagnostic(article, s, e, name=shown)

    def _bare_opener(self, unq: str):
        """The name opening a sentence with no cue, read from its first words alone: only it
        matters there, for the "he" of the next sentence."""
        first = _TOKEN.search(unq, 0, 40)
        if first and first.group(0)[:1].isupper() and first.group(0).lower() not in self._not_names:
            return self._opening_name(unq, [(m.start(), m.group(0)) for m in _TOKEN.finditer(unq, 0, 80)])
        return None

    def _references(self, unq: str, tokens, attributions, last_subject) -> list:
        """The sentence's references to its sources: (None, span) for a name in this sentence,
        (sentence, span, "pronoun") for a "he" that speaks for the last name before it."""
        refs = []
        for a in attributions:
            ref = self._subject_of(unq, tokens, a)
            if ref is not None:
                refs.append(ref)
            elif last_subject is not None and self._pronoun_subject(unq, tokens, a):
                refs.append((*last_subject, "pronoun"))  # "Carson defied ... “...,” he said."
        return refs

    def _unintroduced(self, scan: _Scan, para, sent, tokens, ref, refs):
        """The finding for one reference when it is a short form that nothing before it
        introduced, as (key, start, end, name shown) with offsets in the article; else None."""
        sent_of, span = ref[0], ref[1]
        # A "he" that follows speaks for the last person named, not for an earlier name
        # ("Belgium failed ..., said Ralf Jäger, the minister. ..., he added.").
        later_named = any(r is not ref and r[0] is None and r[1][0] > span[0] for r in refs)
        by_pronoun = len(ref) > 2 or (
            not later_named and self._pronoun_follows(para, sent, scan.facts, tokens, span, ref[0], scan.tokens)
        )
        if sent_of is not None and sent_of is not sent:
            base, tokens_of = sent_of.start, scan.tokens(sent_of)
        else:
            base, tokens_of = sent.start, tokens
        found = self._short_form(scan, tokens_of, base, span, by_pronoun)
        if found is None:
            return None
        key, s, e, shown = found
        return key, base + s, base + e, shown

    def _subject_of(self, unq: str, tokens, a):
        """The tokens naming an attribution's source: before its cue, or after it when inverted."""
        if a.cue.lower().startswith(self._source_after_cue):
            after = tokens[_first_from(tokens, a.end - 1) :]
            span = self._name_at(after, 0) if after else None
            return None if span is None else (None, _shifted(span, tokens, after))
        before, k = self._word_before_cue(tokens, a)
        gap = unq[before[k][0] + len(before[k][1]) : a.start] if k >= 0 else ","
        if k >= 0 and not _CLAUSE_BREAK.search(gap):
            span = self._name_ending(before, k)
            if span is not None and span[0] > 0 and before[span[0] - 1][1].lower() in self._head_prepositions:
                return None  # "the former CEO of Hewlett-Packard added": the source is the CEO
            return None if span is None else (None, span)
        # Inverted: "..., said Le Pen." (the name closes the clause); but "telling CNBC:" names
        # who was told.
        if a.cue.split()[-1].lower() in self._recipient_cues:
            return None
        return self._inverted_subject(unq, tokens, a)

    def _inverted_subject(self, unq: str, tokens, a):
        """The name right after the cue, when it closes its clause ("..., said Le Pen.")."""
        after = tokens[_first_from(tokens, a.end) :]
        if not after or _COMMA.search(unq, a.end, after[0][0]):
            return None
        span = self._name_at(after, 0)
        if span is None:
            return None
        last = after[span[1] - 1]
        if _CLAUSE_END.match(unq, last[0] + len(last[1])) or last[1].endswith("."):
            return (None, _shifted(span, tokens, after))
        return None

    def _word_before_cue(self, tokens, a):
        """The tokens before the cue, and the index of the last one that is not an adverb
        ("Carson also said"); -1 when there is none."""
        before = tokens[: _first_ending_after(tokens, a.start)]
        k = len(before) - 1
        while k >= 0 and before[k][1].lower() in self._adverbs:
            k -= 1
        return before, k

    def _pronoun_follows(self, para, sent, facts, tokens, span, sent_of, toks) -> bool:
        """Whether "he"/"she" speaks in this sentence or the next, so the name before it is a
        person. Further on, the pronoun goes back to whoever was named in between; and after
        "Al-Monitor reported:" the next words are the source's own, their "he" someone else."""
        following = para.sentences[sent.index : sent.index + 2]
        if sent_of is None and span[1] <= len(tokens) and ":" in sent.unquoted[tokens[span[1] - 1][0] :]:
            following = following[:1]
        for later in following:
            attributions = facts.attributions(later)
            if attributions and any(self._pronoun_subject(later.unquoted, toks(later), a) for a in attributions):
                return True
        return False

    def _pronoun_subject(self, unq: str, tokens, a) -> bool:
        before, k = self._word_before_cue(tokens, a)
        return k >= 0 and before[k][1].lower() in self._pronouns

    def _opening_name(self, unq: str, tokens):
        """A name that opens the sentence as its subject ("Carson defied the question")."""
        if not tokens:
            return None
        span = self._name_at(tokens, 0)
        if span is None:
            return None
        i, j = span
        if j - i > 2 or tokens[j - 1][1].endswith(("’s", "'s", "ly")):
            return None
        # The name must be the subject of a verb in the past tense ("Carson defied"), the words
        # next to each other: 'Draft "talking points" obtained by' names no one.
        while j < len(tokens) - 1 and tokens[j][1].endswith("ly"):
            j += 1
        if j < len(tokens) and _PAST.fullmatch(tokens[j][1]):
            gaps = [unq[a + len(w) : b] for (a, w), (b, _) in zip(tokens[i:j], tokens[i + 1 : j + 1], strict=False)]
            if all(len(g) <= 2 and not g.strip() for g in gaps):
                return span
        return None

    def _name_ending(self, tokens, k):
        """The capitalised run that ends at token k (with a title before it), as (i, j)."""
        if not _capitalised(tokens[k][1]) or tokens[k][1].lower() in self._not_names:
            return None
        i = k
        while (
            i > 0
            and (_capitalised(tokens[i - 1][1]) or tokens[i - 1][1].lower() in self._particles)
            and tokens[i - 1][1].lower() not in self._not_names
        ):
            i -= 1
        while i < k and tokens[i][1].lower() in self._particles:
            i += 1
        return (i, k + 1)

    def _name_at(self, tokens, i):
        if i >= len(tokens) or not _capitalised(tokens[i][1]) or tokens[i][1].lower() in self._not_names:
            if i < len(tokens) and tokens[i][1].lower() == "the" and i + 1 < len(tokens):
                span = self._name_at(tokens, i + 1)
                return (i, span[1]) if span else None
            return None
        j = i
        while j < len(tokens) and (
            _capitalised(tokens[j][1])
            or (tokens[j][1].lower() in self._particles and j > i)
            or (j > i and tokens[j][1].lower() in self._name_links and j + 1 < len(tokens) and _capitalised(tokens[j + 1][1]))
        ):
            j += 1  # "the Center for Responsive Politics", "the Bureau of Labor Statistics": one name
        return (i, j)

    # --- deciding whether it is a short form that nothing introduced ---------------------

    def _short_form(self, scan: _Scan, tokens, base: int, span, by_pronoun: bool):
        ref = self._reference(scan, tokens, base, span)
        if ref is None:
            return None
        names = ref.names
        if len(names) == 1 and self._names_in_capitals.fullmatch(names[0]):
            return None  # a broadcaster's call sign or a name set in capitals: not an acronym
        if len(names) == 1 and _ACRONYM.match(names[0]) and not ref.titled:
            return self._acronym_form(ref)
        if ref.has_the:
            return self._organisation_form(ref)
        return self._surname_form(scan, ref, by_pronoun)

    def _reference(self, scan: _Scan, tokens, base: int, span) -> _Reference | None:
        """The name at `span` as a reference to weigh; None when it names no one on its own (a
        possessive, an office holder, a word that is no name)."""
        i, j = span
        words = [t[1] for t in tokens[i:j]]
        if not words or words[-1].endswith(("’s", "'s", "’", "'")):
            return None  # a possessive ("Mr. Comey's decision") names no speaker
        words = [w if _ACRONYM.match(w) and not _CAPS_STOP.match(w) else w.rstrip(".") for w in words]
        if i > 0 and tokens[i - 1][1].lower() in self._office_titles:
            return None  # "President Obama said": the office names the one person who holds it
        if i > 0 and tokens[i - 1][1].lower() == "the" and words[0].lower() != "the":
            words = ["the", *words]  # "The Mirror reported": a name with its article
        if words[-1].lower() in self._not_names:
            return None
        s, e = tokens[i][0], tokens[j - 1][0] + len(tokens[j - 1][1])
        core = words[1:] if words[0].lower() == "the" else words
        if not core:
            return None
        titled = len(core) >= 2 and core[0].lower() in self._titles
        if titled and core[0].lower() in self._office_titles:
            return None  # "President Obama said": the office names the one person who holds it
        return _Reference(tokens, i, j, s, e, scan.article.text[scan.body_start : base + s], words, titled)

    def _acronym_form(self, ref: _Reference):
        tokens, i, j = ref.tokens, ref.i, ref.j
        acronym = ref.names[0].replace(".", "")
        if any(t[1].lower() in self._possessives or t[1].endswith(("’s", "'s")) for t in tokens[max(0, i - 2) : i]):
            return None  # "Trump's potential VP", "its CEO": a description, not an organisation's name
        if any(t[1].lower() in self._indefinite for t in tokens[max(0, i - 2) : i]):
            return None  # "an anti-Trump PAC", "a new PAC": a kind of organisation, not one's name
        if j < len(tokens) and tokens[j][1][:1].islower() and tokens[j][1].lower() in self._described:
            return None  # "a CNN-ORC poll shows": the source is the poll, the acronym its maker
        if acronym in self._well_known or self._expanded(acronym, ref.earlier):
            return None
        return ("acronym:" + acronym, ref.start, ref.end, ref.names[0])

    def _organisation_form(self, ref: _Reference):
        """An organisation's head word after "the" ("the Observatory said") with no full name of
        the organisation before it."""
        names = ref.names
        head = names[-1]
        if len(names) != 1 or head.lower() not in self._org_heads:
            return None
        # Named before: "the Syrian Observatory ...", "the Ministry of Health".
        earlier = ref.earlier
        if any(
            _NAMED_BEFORE.search(earlier, max(0, at - 80), at) or self._of_name.match(earlier, at + len(head))
            for at in _occurrences(earlier, head, "")
        ):
            return None
        return ("org:" + head.lower(), ref.start, ref.end, " ".join(ref.words))

    def _surname_form(self, scan: _Scan, ref: _Reference, by_pronoun: bool):
        """A surname alone or after a title ("Cruz said", "Gov. Kasich replied") that no full
        name before it introduced."""
        names = ref.names
        if len(names) != 1 and not (len(names) == 2 and names[0].lower() in self._particles):
            return None
        surname = " ".join(names)
        key = surname.replace("’", "'").lower()
        if _ACRONYM.match(surname) or key in self._not_names or key in self._people_nouns:
            return None  # "many more Latinos said": a group, not a surname
        if not self._is_person(scan, key, ref.titled, by_pronoun):
            return None
        if self._introduced(surname, ref.earlier, key not in scan.surnames):
            return None
        return ("person:" + key, ref.start, ref.end, ref.shown)

    def _is_person(self, scan: _Scan, key: str, titled: bool, by_pronoun: bool) -> bool:
        """Whether the article shows the word is a person's surname: a full name elsewhere ends
        in it, a title stands before it, or "he"/"she" speaks for it."""
        if key in scan.surnames or titled:
            return True
        if not by_pronoun:
            return False
        # Only "he"/"she" vouches for this word being a surname: make sure it is not a
        # common word that opens the sentence ("Doctors and police searched").
        return not (key.endswith(self._common_endings) or next(_occurrences(scan.article.text, key, ""), None) is not None)

    def _full_name_surnames(self, article) -> set[str]:
        """Surnames that end a full name somewhere in the body (the article shows they are people)."""
        out: set[str] = set()
        for para in article.paragraphs:
            # Each paragraph's by its text (the language server's edit changes one paragraph).
            own = article.text[para.start : para.end]
            out |= self._memo.get(own, partial(self._paragraph_surnames, own))
        return out

    def _paragraph_surnames(self, text: str) -> frozenset[str]:
        """Surnames that end a full name in one paragraph's text."""
        out = set()
        for m in self._name_run.finditer(text):
            words = m.group(0).split()
            if len(words) < 2:
                continue  # one capitalised word: no full name (most runs are sentence openers)
            for parts in self._sentence_runs(words):
                parts = [p for p in parts if p.lower() not in self._titles]
                if not parts or any(p.lower() in self._name_function_words for p in parts) or _ACRONYM.match(parts[0]):
                    continue  # "CEO of Hewlett-Packard" is not a person's name
                if len(parts) >= 2 and parts[0].lower() not in self._not_names and parts[0].lower() not in self._org_heads:
                    out.add(parts[-1].rstrip(".,").replace("’", "'").lower())
        return frozenset(out)

    def _sentence_runs(self, parts: list[str]):
        """A capitalised run cut where a sentence ends inside it: "... the Path. Insiders say"
        holds "Path." and "Insiders", not the name "Path Insiders". A full stop after an
        initial ("Raúl R. Labrador") or a title ("Mr. Trump") does not end a sentence. A
        possessive ends the run too: it owns what follows ("Reagan's Gallup average")."""
        run: list[str] = []
        for p in parts:
            if p.endswith(("'s", "’s", "s'", "s’")):
                run = []  # "Reagan's Gallup average": an owner, then a new name
                continue
            run.append(p)
            if p.endswith(".") and len(p) > 2 and p.lower() not in self._titles and not _ACRONYM.match(p):
                yield run
                run = []
        if run:
            yield run

    def _introduced(self, surname: str, earlier: str, one_name: bool) -> bool:
        """Whether an earlier mention in the body gives this name its full form: a given name
        before it ("Rami Abdel Rahman"), an office that has one holder ("President Obama"), a
        full name it opens ("Yair Tawil" before "Yair", "Dong Xiaolin" before "Ms. Dong"), or,
        for someone the article never names in full, the name with a description set off after
        it ("Isabelle, the heroine of the novel, ...")."""
        for at in _occurrences(earlier, surname, "’'-"):
            end = at + len(surname)
            run = self._name_run.search(earlier, max(0, at - 80), end)
            while run and run.end() < end:
                run = self._name_run.search(earlier, run.end(), end)
            if run is not None:
                parts = [p for p in _SPACES.split(earlier[run.start() : at].strip()) if p]
                if any(p.lower() in self._office_titles for p in parts[-1:]):
                    return True
                given = [p for p in parts if p.lower() not in self._titles and p.lower() not in self._not_names]
                if (given and not given[-1].endswith(".")) or any(len(p.rstrip(".")) == 1 for p in given):
                    return True  # "Jane Holt", "Raúl R. Labrador"; not a sentence before ("Path. Insiders")
            after = _FOLLOWING_NAME.match(earlier, end)
            if after and after.group(1).lower() not in self._org_heads and after.group(1).lower() not in self._not_names:
                return True
            if one_name and self._apposition.match(earlier, end):
                return True
        return False

    def _expanded(self, acronym: str, earlier: str) -> bool:
        if any(m.group(1) == acronym for m in _BRACKETED.finditer(earlier.replace(".", ""))):
            return True  # "the Syrian Observatory for Human Rights (SOHR)"
        for m in self._name_run.finditer(earlier):
            words = [w for part in _SPACES.split(m.group(0)) for w in part.split("-") if w]
            if len(words) >= 2 and _abbreviates(acronym.lower(), [w.lower().strip(".’'") for w in words]):
                return True
        return False


# A capitalised word right after a name: the name opens a full one ("Yair Tawil", "Dong Xiaolin").
_FOLLOWING_NAME = compiled(r" (\p{Lu}\p{Ll}[\p{L}’'-]*)(?![\p{L}.])")
# A name with a description set off after it: "Isabelle, the heroine of ...".
_BRACKETED = compiled(r"\(\s*([^()\s]{1,12})\s*\)")
_CAPS_STOP = compiled(r"^\p{Lu}{2,}\.$")
# Before an organisation's head word, its name: a capitalised word and up to three more.
_NAMED_BEFORE = compiled(r"\p{Lu}[\p{L}-]*\s+(?:[\p{L}-]+\s+){0,3}?$")


def _occurrences(text: str, word: str, joiners: str):
    """Offsets of `word` standing as a whole word in `text` (no letter, nor one of `joiners`,
    before it; no letter or hyphen after it unless `joiners` is empty). A plain string search:
    a pattern compiled for each name costs more than the whole check."""
    at = text.find(word)
    n = len(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + n] if at + n < len(text) else " "
        if not before.isalpha() and before not in joiners and not after.isalpha() and (not joiners or after != "-"):
            yield at
        at = text.find(word, at + 1)


_CLAUSE_BREAK = compiled(r"[,;:—–()]")
_COMMA = compiled(r"[,;:]")
_CLAUSE_END = compiled(r"\s*(?:[,.;:!?—–(]|$)")
_PAST = compiled(r"\p{Ll}{2,}ed")


class _Lazy:
    """A set computed on first use: most articles never ask for it."""

    def __init__(self, make):
        self._make, self._got = make, None

    def __contains__(self, item) -> bool:
        if self._got is None:
            self._got = self._make()
        return item in self._got


class _SentenceTokens:
    """Each sentence's words with their offsets, made once: a sentence is read again for the
    "he" of the one before it."""

    def __init__(self) -> None:
        self._got: dict[int, list] = {}

    def __call__(self, sent) -> list:
        got = self._got.get(sent.start)
        if got is None:
            got = self._got[sent.start] = [(m.start(), m.group(0)) for m in _TOKEN.finditer(sent.unquoted)]
        return got


# A sentence's tokens are in text order and do not overlap: their starts and ends both rise,
# so the tokens before or after an offset are found by bisection.
def _first_from(tokens: list, offset: int) -> int:
    """The index of the first token starting at or after `offset`."""
    return bisect_left(tokens, offset, key=_token_start)


def _first_ending_after(tokens: list, offset: int) -> int:
    """The index of the first token ending after `offset`."""
    return bisect_right(tokens, offset, key=_token_end)


def _token_start(t: tuple[int, str]) -> int:
    return t[0]


def _token_end(t: tuple[int, str]) -> int:
    return t[0] + len(t[1])


@dataclass
class _Scan:
    """The article being checked, with what all its sentences share."""

    article: Any
    facts: Any
    body_start: int  # the headline neither introduces nor is checked
    surnames: _Lazy  # surnames that end a full name somewhere in the body
    tokens: _SentenceTokens


@dataclass
class _Reference:
    """A name that refers to a source, as its sentence sets it out."""

    tokens: list  # the sentence's tokens
    i: int  # the name's first token
    j: int  # the token after its last
    start: int  # its offsets in the sentence
    end: int
    earlier: str  # the body before it
    words: list[str]  # its words, with "the" when it has its article
    titled: bool  # a title opens it ("Gov. Kasich")

    @property
    def has_the(self) -> bool:
        return self.words[0].lower() == "the"

    @property
    def core(self) -> list[str]:
        """The name without its article."""
        return self.words[1:] if self.has_the else self.words

    @property
    def names(self) -> list[str]:
        """The name without its article or title."""
        return self.core[1:] if self.titled else self.core

    @property
    def shown(self) -> str:
        """The name without its article, as the copy writes it ("Mr. Rahman", not "Mr Rahman")."""
        tokens = self.tokens[self.i : self.j]  # (offset, text)
        if self.has_the and tokens and tokens[0][1].lower() == "the":
            tokens = tokens[1:]
        out = ""
        for k, (at, word) in enumerate(tokens):
            prev_at, prev = tokens[k - 1] if k else (at, "")
            out += (" " if k and at > prev_at + len(prev) else "") + word
        return out or " ".join(self.core)


def _stale(last_subject, sent) -> bool:
    """Whether the last name a "he" could speak for is two sentences back or more."""
    return last_subject is not None and sent.index - last_subject[0].index > 1


def _next_subject(sent, tokens, refs, opener, last_subject):
    """Who a later "he said" speaks for: the last person named as a source in this sentence,
    or else the name opening it. A name opening this sentence can be the "he" of a later
    sentence, not of its own."""
    named = [r for r in refs if r[0] is None]
    if named and ":" in sent.unquoted[tokens[named[-1][1][1] - 1][0] :]:
        return None  # "Al-Monitor reported: ..." the words after are its, and so is their "he"
    if named:
        return (sent, named[-1][1])
    if opener is not None:
        return (sent, opener)
    if refs:
        return None
    return last_subject


def _shifted(span, tokens, after):
    """A span found among the tokens `after` a cue, as indexes into all the sentence's tokens."""
    skip = len(tokens) - len(after)
    return (span[0] + skip, span[1] + skip)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether the acronym's letters are prefixes of consecutive words of a name, in order
    (skipping small words and words left out): SOHR, CENTCOM, ISIL."""
    n, m = len(acronym), len(words)
    frontier = [(0, 0, 0)]  # (letters used, next word, words used)
    seen = set()
    while frontier:
        i, j, used = frontier.pop()
        if i == n and used >= 2:
            return True
        if j >= m or (i, j, min(used, 2)) in seen:
            continue
        seen.add((i, j, min(used, 2)))
        frontier.append((i, j + 1, used))  # leave this word out
        w = words[j]
        k = 0
        while k < len(w) and i + k < n and w[k] == acronym[i + k]:
            k += 1
            frontier.append((i + k, j + 1, used + 1))
    return False
