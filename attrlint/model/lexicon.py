"""The shared vocabulary of the rule packs: furniture, abbreviations, cues, figure words.

Every pack may carry a top-level `lexicon:` mapping. The lists of all loaded packs are merged
(a user's pack extends the shipped lists), then compiled once per run into the patterns the
article model and the rule kinds read. Nothing here is a word list of its own: the words live
in `attrlint/packs/*.yaml`, with comments naming their sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import regex

from attrlint.errors import RuleFileError
from attrlint.memo import Memo

# key -> (kind, help). "words" are literal phrases matched on word boundaries, case-insensitively;
# "patterns" are regular expressions (the `regex` module's syntax); "numbers" map words to their
# values (a mapping of word: number), and read as words too.
LEXICON_KEYS: dict[str, tuple[str, str]] = {
    "furniture_lines": ("patterns", "a whole line that is page chrome, not copy"),
    "abbreviations": ("words", "words ending in a full stop that do not end a sentence"),
    "abbreviations_before_numbers": ("words", "abbreviations that end a sentence unless a number follows (No., Dec.)"),
    "elisions": ("words", "words that begin or end with an apostrophe (’n’, ’em, ’90s is automatic)"),
    "reporting_verbs": ("words", "verb forms that report what a source said or found"),
    "reporting_verbs_ambiguous": ("words", "reporting verb forms that are also nouns (states, reports, claims)"),
    "attribution_phrases": ("patterns", "cues that carry their own source (according to X, citing X)"),
    "tally_nouns": ("words", "nouns of a count in an attribution phrase (\\L<tally_nouns>: by its count, in the AP's tally)"),
    "study_nouns": ("words", "nouns of a study in an attribution phrase (\\L<study_nouns>: a Gallup poll found)"),
    "toll_verbs": ("words", "verbs that revise a toll in an attribution phrase (\\L<toll_verbs>: raised the toll)"),
    "colon": ("words", "the colon of a credit (\\L<colon>: Monitor: “...”)"),
    "not_attribution": ("patterns", "phrases that look like a cue but attribute nothing (is said to, it is believed)"),
    "source_nouns": ("words", "nouns that describe a source (monitor, police, officials, poll, statement)"),
    "people_nouns": ("words", "nouns whose counts are reported figures (people, civilians, voters, jobs)"),
    "count_modifiers": (
        "words",
        "words between a count and its noun that leave the noun counted (other, more: 'two dozen other candidates')",
    ),
    "auxiliary_gap": ("words", "auxiliaries and adverbs between a subject and its reporting verb (has, repeatedly)"),
    "people_suffixes": ("words", "endings of plural nouns of people not listed (fight-ers, politic-ians, activ-ists)"),
    "not_people": ("words", "plural nouns with those endings that are not people (numbers, degrees, chambers)"),
    "group_prepositions": ("words", "prepositions that place a vague quantity of people in a group (dozens in the crowd)"),
    "total_nouns": ("words", "nouns whose figure follows them: a toll, a total, a crowd of 20,000"),
    "casualty_words": ("words", "words that make even a small count a reported figure (killed, dead, injured)"),
    "vote_words": ("words", "words that make N-N or N to N a vote tally (vote, deadlocked, margin)"),
    "money_words": ("words", "currency words that follow an amount (dollars, euros)"),
    "currency_symbols": ("words", "currency signs and codes that precede an amount ($, US$, £)"),
    "scale_words": ("words", "multipliers after a number (million, bn)"),
    "vague_quantities": ("patterns", "quantities in words with no number (dozens, scores, hundreds of)"),
    "fractions": ("patterns", "shares in words (a third of, half of)"),
    "negations": ("words", "words that negate a cue after them (not, never)"),
    "share_count_verbs": (
        "words",
        "verbs after which 'N times' counts views or shares, a statistic (retweeted 30,000 times)",
    ),
    "thing_object_participles": (
        "words",
        "participles after a comma that describe, not report, when a thing follows (revealing a tendency)",
    ),
    "unsaid_markers": ("words", "modals before a cue that put it before anything is said (will, could, should)"),
    "unsaid_infinitive_heads": (
        "words",
        "words before 'to' + cue that put the cue in the future or leave it undone (expected, plans, refused, yet)",
    ),
    "narrating_adverbs": ("words", "adverbs that make a modal before a cue a narrated past (would later say)"),
    "ing_nouns": ("words", "words in -ing that are no gerund (something, morning)"),
    "np_adjectives": ("words", "adjectives between a determiner and a noun (only, new, latest): a cue form after them is a noun"),
    "pledge_nouns": ("words", "nouns of a pledge that credit their possessor's figures (Berlin's pledge to add 7,000 soldiers)"),
    "time_gap": ("words", "words of when that may stand between a subject and its cue (Thursday, last week, sometimes)"),
    "ly_nouns": ("words", "words in -ly that are no adverb (family, ally, early)"),
    "charge_verbs": ("words", "verbs that charge someone with a deed, whose figures are the accuser's (accused, slams)"),
    "negation_endings": ("words", "contracted negations that end the word before a cue (n't)"),
    "ratio_shares": ("patterns", "shares given as a ratio (one in four, six out of ten)"),
    "percent_words": ("patterns", "what makes a number a percentage or points"),
    "not_figure_units": ("words", "units after a number that make it not a reported figure (days, km, pages)"),
    "not_figure_before": ("words", "words before a number that make it a name or label (Article, Route, No.)"),
    "not_figure_contexts": ("patterns", "contexts where an amount is fixed by law or an idiom"),
    "months": ("words", "month names and abbreviations (a number beside one is a date)"),
    "well_known_acronyms": ("words", "acronyms readers know without expansion (UN, NATO, FBI)"),
    "speech_verbs": ("words", "verbs of saying beyond the reporting verbs (asked, replied, described)"),
    "belief_verbs": ("words", "verbs of thinking, wanting, expecting: attributions that report no words"),
    "stance_verbs": ("words", "verbs of taking a position (praised, criticized, endorsed, opposed)"),
    "finding_cues": ("words", "cue words that report what a document, poll or study found"),
    "estimate_cues": ("words", "cue words that report an estimate or a count"),
    "mostly_noun_cues": (
        "words",
        "cue forms that are nearly always nouns in news copy (states): cues only before a 'that' clause or a colon",
    ),
    "commitment_verbs": (
        "words",
        "cues that commit or direct rather than report (promised, vowed, urged): before a to-infinitive they credit no information",
    ),
    "infinitive_gap_stops": (
        "words",
        "words that end the search for a to-infinitive after a commitment verb (that, and, whether)",
    ),
    "participle_openers": (
        "words",
        "words before a participle that opens its sentence (since, after): 'Since announcing Weld as his running mate, ...'",
    ),
    "finite_auxiliaries": (
        "words",
        "finite verbs that cannot follow a reporting verb: a cue form right before one is a noun (the claims are, other shows did)",
    ),
    "speech_nouns": (
        "words",
        "nouns of saying that credit their possessor's words (\\L<speech_nouns>: Clinton's assertion that)",
    ),
    "sourceless_cues": (
        "words",
        "cues that attribute with no source: a question put to the subject (asked), an expectation (is expected)",
    ),
    "question_cue_openers": ("words", "words before a sourceless cue at a clause opening (when asked, if asked)"),
    "number_words": ("words", "numbers in words (a capitalised one opening a sentence is no name)"),
    "pronoun_sources": ("words", "sources named by a pronoun or a relative word"),
    "vague_source_words": ("words", "source words the contract calls vague (sources, observers, some)"),
    "document_nouns": ("words", "sources that are documents or measurements (poll, report, statement)"),
    "subject_verb_gap": ("words", "words that may stand between a subject and its cue (has, also, not)"),
    "noun_phrase_stops": ("words", "words that end a source noun phrase (conjunctions, clause openers, prepositions)"),
    # Word classes of English grammar that the analyses and kinds share (read with word_class()).
    "personal_pronouns": ("words", "personal pronouns that stand for a speaker (he, she, they, I)"),
    "subject_pronouns": ("words", "pronouns that open a clause as its subject: the personal pronouns and 'who'"),
    "be_forms": ("words", "the forms of 'be' (is, was, been): a participle after one is passive or progressive"),
    "name_prepositions": (
        "words",
        "prepositions a name or title may hold (Secretary of State): a headline's colon credit may too",
    ),
    "subject_openers": ("words", "linking words that open a sentence before its subject with no comma (then, and, but)"),
    "subordinators": (
        "words",
        "words that open a clause inside a sentence (as, while, because): a gerund after a preposition speaks for its subject",
    ),
    "poll_standing_verbs": (
        "words",
        "verbs of a candidate's standing in a poll (topped a BVA poll): the poll frames the figures",
    ),
    "valuation_prepositions": ("words", "the words before the figure a verb of valuing puts its object at (at, with)"),
    "name_auxiliaries": ("words", "auxiliaries that are also names (Will, May): before a past form they name the subject"),
    "irregular_pasts": ("words", "past forms not in -ed (said, wrote, told)"),
    "valuation_verbs": ("words", "verbs that estimate when their object is put 'at' a figure (put, place, peg)"),
    "perfect_auxiliaries": ("words", "has, have, had: an -s cue word right before one is its subject, a noun"),
    "contracting_words": ("words", "words whose 's is 'is' or 'has' (there's, what's), not a possessive"),
    "prepositions": ("words", "prepositions: a cue right after one is a noun or a phrase, not a verb"),
    "determiners": ("words", "words that open a described speaker's noun phrase (the, a, his, one, another)"),
    "name_particles": ("words", "lower-case particles inside personal names (de, van, al, bin)"),
    "function_words": ("words", "function words that are no figure's noun (of, the, was, per)"),
    "sentence_openers": ("words", "capitalised words that open sentences, matched with their case (The, He, However)"),
    "frame_speech_verbs": ("words", "verbs of a speech frame whose source speaks the quotation beside it (said, told, wrote)"),
    "before_participle": ("words", "words after which a cue in -ing is a participle, not a noun (as, while, kept, was)"),
    "approximators": ("patterns", "words before a figure that make it approximate (at least, nearly, some)"),
    "harm_verbs": (
        "patterns",
        "verbs of harm before a count that make it a casualty figure (killed, left, claimed the lives of)",
    ),
    "multiplying_verbs": ("words", "verbs that multiply a figure instead of counting a noun (doubled, halved)"),
    "multiplying_not_before": ("words", "words after which a multiplying verb multiplies nothing ('doubled as a reminder')"),
    "not_frame_openers": (
        "words",
        "words that open a short capitalised clause after a quotation that is no speech frame (In, But, It)",
    ),
    # The attribution model's own classes (attrlint/analysis/attribution.py).
    "common_openers": ("words", "lower-case words that often open a sentence: a capitalised one at the opening is no name"),
    "np_determiners": ("words", "words that open a noun phrase for the attribution model (the, its, such, every)"),
    "hearsay_adverbs": ("words", "adverbs that credit a clause to unnamed others (reportedly): a cue with no source"),
    "saying_verbs": (
        "words",
        "speech verbs beyond the reporting list that credit words or numbers as 'said' does (asked, calculates)",
    ),
    "impression_verbs": ("words", "belief verbs whose subject is what seems so, not who judges it (seems, appeared)"),
    "addressee_verbs": ("words", "cue verbs whose object is the hearer, never the speaker (told POLITICO)"),
    "coordinators": ("words", "conjunctions that join a second verb to a subject's first (and said, but said)"),
    "clause_subjects": ("words", "words that are a cue's subject right before it: subject pronouns, which, that"),
    "contraction_endings": ("words", "contracted endings after a subject pronoun (’ve, ’d, ’ll)"),
    "quantity_object_verbs": ("words", "verbs whose object, when a number, is a quantity, not speech (added, posted)"),
    "source_follows_cues": ("words", "phrase cue openings with the source after them (according to, citing)"),
    "source_before_prepositions": ("words", "phrase cue endings with the source after them (cited by, from)"),
    "clause_openers": ("words", "words that open a reported clause or question after a cue (that, whether)"),
    "clause_after_cue": ("words", "words after a noun-like cue form that make it a verb (that, it, the, at least)"),
    "passive_adverbs": ("words", "adverbs between 'be' and a participle cue (is also said, was widely reported)"),
    "cue_blocking_prepositions": ("words", "prepositions right before an unlisted cue form: it is no verb"),
    "pronouns_not_subject": ("words", "pronoun sources that are no subject right before a cue (that, it, one)"),
    "relative_pronouns": ("words", "relative pronouns that are a cue's subject (who, which)"),
    "complement_prepositions": ("words", "prepositions joining a noun to its complement in a source (of, for)"),
    "pronouns_not_np_start": ("words", "pronouns that open no source noun phrase after a cue (that, which, who, it)"),
    "articles": ("words", "the articles (a, an, the)"),
    "quantity_approximators": ("words", "words between a quantity verb and its number (added about 5,000, posted a)"),
    "answer_shares": ("patterns", "shares before a poll answer verb that stand for the people polled (55 percent)"),
    "poll_words": ("words", "the nouns of a poll in the attribution phrases (poll, survey, study)"),
    "poll_answer_verbs": ("words", "verbs of a poll's answers, a report after a share (55 percent named Britain)"),
    "headline_kickers": ("words", "shouted labels before a headline's colon that credit no one (BUSTED, Breaking)"),
    "cues_rarely_nouns": ("words", "ambiguous cue forms that are a verb after a determiner's noun phrase (says)"),
    "according_cue": ("words", "the cue that credits a named source with no speech verb (according to)"),
    # Numbers in words and their values.
    "number_values": ("numbers", "numbers in words that a figure may be written in, with their values (twenty: 20)"),
    "scale_values": ("numbers", "the values of the multipliers after a number (million: 1000000, bn: 1000000000)"),
    "number_word_patterns": ("patterns", "a number written in words, in order: the first that matches is the number"),
    "number_word_cues": ("words", "words that show a sentence may hold a number in words (seven, dozen)"),
    "spoken_units": ("numbers", "numbers below twenty in a quotation's words, with their values (a rendering's numbers)"),
    "spoken_tens": ("numbers", "tens in a quotation's words, with their values"),
    "spoken_scales": ("numbers", "scales in a quotation's words, with their values (hundred, million)"),
    "clause_break_words": ("words", "conjunctions that end a cue's clause before a later cue (and, but, while)"),
    # The figure finder's own classes (attrlint/analysis/figures.py).
    "ordinal_suffixes": ("words", "endings that make a number an ordinal (21st, 3rd)"),
    "time_zones": ("words", "time zones after a number that make it a time (GMT, UTC)"),
    "casualty_subject_nouns": ("words", "nouns skipped between a count and a casualty word (57 people were killed)"),
    "casualty_auxiliaries": ("patterns", "auxiliaries skipped before a casualty word, first match wins (were, have been)"),
    "total_links": ("words", "words between a total noun and its figure (rose to, a crowd of, stood at)"),
    "source_after_noun": ("patterns", "words after a counted noun that make it a source (familiar, close to)"),
    "age_words": ("words", "words before a number that make it an age (aged)"),
    "not_vague_before": ("words", "words before a vague quantity that make it no figure (test scores, the hundreds)"),
    "people_relatives": ("words", "relative pronouns after a vague quantity that make it a count of people (who)"),
    "counted_pronouns": ("words", "pronouns after 'N of' that make a count of people (42 of them)"),
    "vague_counted_nouns": ("words", "nouns after 'hundreds of' counted besides people (dollars, them)"),
    "bare_vague_quantities": ("words", "vague quantities that are a figure with no counted noun (lost billions)"),
    "subject_past_verbs": ("words", "past tenses after a clause-opening vague quantity that make it a subject (Thousands fled)"),
    "share_counted_words": ("words", "words after a share that make it a share of people (a third of them)"),
    # The rule kinds' own classes (attrlint/kinds/).
    "name_run_particles": ("words", "lower-case words inside a capitalised name run (of, the, von, bin)"),
    "organisation_links": ("words", "links after an organisation's head word (Ministry of Defence)"),
    "source_after_cue_openings": ("words", "openings of a cue with its source after it (according, citing, 'per ')"),
    "common_word_endings": ("words", "endings of common words that a sentence-opening capital may have (s, ing, ly)"),
    "not_person_sources": ("words", "source nouns that are no person speaking a quotation (report, data, it)"),
    "quoted_cue_leads": ("patterns", "leads of a cue that a message quotes with the source after them (according to)"),
}


# Patterns may name a word list of the lexicon as \L<key>; they are checked against stand-ins,
# since the list may be filled by a pack loaded later.
_PLACEHOLDER_LISTS = {k: ["x"] for k, (kind, _) in LEXICON_KEYS.items() if kind == "words"}


def word_alternation(words: list[str]) -> str:
    # Longest first so that "tens of thousands" wins over "thousands".
    parts = sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)
    return "|".join(regex.escape(p).replace("\\ ", r"\s+") for p in parts) or r"(?!x)x"


def pattern_alternation(patterns: list[str]) -> str:
    """One regex alternation of a list of patterns; one that matches nothing when it is empty."""
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"


@dataclass
class Lexicon:
    """The packs' merged word lists and number tables, with views compiled on first use."""

    lists: dict[str, list[str]] = field(default_factory=dict)
    tables: dict[str, dict[str, int | float]] = field(default_factory=dict)

    def extend(self, data: dict, path: str) -> None:
        """Merge a pack's `lexicon:` mapping, validating keys, types and patterns."""
        key_lines = getattr(data, "key_lines", {})
        for key, value in data.items():
            line = key_lines.get(key)
            if key not in LEXICON_KEYS:
                known = ", ".join(sorted(LEXICON_KEYS))
                raise RuleFileError(path, line, f"unknown lexicon key {key!r} (known: {known})")
            if LEXICON_KEYS[key][0] == "numbers":
                if not isinstance(value, dict) or not all(
                    isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool) for k, v in value.items()
                ):
                    raise RuleFileError(path, line, f"lexicon key {key!r} must be a mapping of words to numbers")
                self.tables.setdefault(key, {}).update(value)
                value = list(value)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RuleFileError(path, line, f"lexicon key {key!r} must be a list of strings")
            if LEXICON_KEYS[key][0] == "patterns":
                item_lines = getattr(value, "item_lines", [line] * len(value))
                for item, item_line in zip(value, item_lines, strict=False):
                    try:
                        regex.compile(item, regex.V0 | regex.IGNORECASE, ignore_unused=True, **_PLACEHOLDER_LISTS)  # type: ignore[arg-type]  # named lists are keyword arguments the stubs do not model
                    except regex.error as exc:
                        raise RuleFileError(path, item_line, f"pattern {item!r} does not compile: {exc}") from None
            self.lists.setdefault(key, []).extend(value)
        # Compiled views are cached on first use; a later extension must rebuild them.
        for name in [k for k in self.__dict__ if k not in ("lists", "tables")]:
            del self.__dict__[name]

    def words(self, key: str) -> list[str]:
        return self.lists.get(key, [])

    def numbers(self, key: str) -> dict[str, int | float]:
        """A "numbers" key's words with their values."""
        if LEXICON_KEYS.get(key, ("",))[0] != "numbers":
            raise KeyError(f"not a lexicon key of numbers: {key!r}")
        return self.tables.get(key, {})

    def named_lists(self) -> dict[str, list[str]]:
        """The word lists, for patterns that name them as \\L<key>."""
        return {k: self.lists.get(k, []) for k, (kind, _) in LEXICON_KEYS.items() if kind == "words"}

    def word_set(self, key: str) -> frozenset[str]:
        return self.word_class(key)

    def word_class(self, key: str, *, keep_case: bool = False) -> frozenset[str]:
        """A word list as a set, lower-cased unless `keep_case`: the one way code reads a word
        class. Built once per run (the lists do not change after loading)."""
        memo = self.__dict__.setdefault("_classes", {})
        found = memo.get((key, keep_case))
        if found is None:
            if key not in LEXICON_KEYS:
                raise KeyError(f"unknown lexicon key {key!r}")
            items = self.lists.get(key, [])
            found = memo[(key, keep_case)] = frozenset(items if keep_case else (w.lower() for w in items))
        return found

    def memo(self, name: str, size: int) -> Memo:
        """A bounded memo (attrlint.memo) of results read with this lexicon, by `name`: an
        extension of the lexicon forgets it with the other compiled views."""
        memos = self.__dict__.setdefault("_memos", {})
        found = memos.get(name)
        if found is None:
            found = memos[name] = Memo(size)
        return found

    def word_pattern(self, key: str, template: str = "{}", flags: int = 0):
        """A compiled regex with a word list's alternation in `template` (at "{}")."""
        memo = self.__dict__.setdefault("_patterns", {})
        found = memo.get((key, template, flags))
        if found is None:
            found = memo[(key, template, flags)] = regex.compile(template.replace("{}", self.alternation(key)), flags)
        return found

    def alternation(self, key: str) -> str:
        """A regex alternation of a list: literal words escaped, patterns as written."""
        items = self.lists.get(key, [])
        if LEXICON_KEYS[key][0] == "patterns":
            return pattern_alternation(items)
        return word_alternation(items)

    @cached_property
    def furniture_line(self):
        from attrlint.patterns import TimedPattern

        return TimedPattern(regex.compile(rf"^\s*(?:{self.alternation('furniture_lines')})\s*$", regex.V0 | regex.IGNORECASE))

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        return self.word_set("abbreviations")

    @cached_property
    def abbreviations_before_numbers(self) -> frozenset[str]:
        return self.word_set("abbreviations_before_numbers")

    @cached_property
    def elisions(self) -> frozenset[str]:
        return frozenset(w.replace("'", "’").lower() for w in self.lists.get("elisions", []))
