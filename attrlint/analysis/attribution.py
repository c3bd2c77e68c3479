"""Attributions: who says (finds, believes) what, found in the writer's own words.

One model, computed per sentence and read by every rule and by `attrlint sources`. Each
attribution has
- a cue (the reporting verb or phrase) and its kind: speech, finding, estimate, according-to,
  credit (a colon or dash before a quotation), belief (think, want, expect) or stance (praise,
  criticise, endorse);
- a source (the subject noun phrase, or the name after "according to" or after an inverted
  "said") and its kind: named, described, vague, pronoun, document; or none;
- a content span: the reported clause after the cue, or the words before an inverted cue.

Quoted words are blanked before matching (a cue inside a quotation is the speaker's, not
the writer's). A cue with no source ("reportedly", "it is believed", "is said to") is not an
attribution; nor is a reporting verb used as an adjective ("the reported toll") or a noun
("in five states"). The rules count only what the contract calls attribution: `reports` is
False for beliefs and stances, which PolNeAR-style annotation counts but a reader cannot take
as a source for a claim.

Words live in the lexicon (attrlint/packs/lexicon.yaml); this module holds the mechanisms. The
sentence is tokenised once, and cue and noun-phrase decisions are set lookups on tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from attrlint.model.lexicon import Lexicon, pattern_alternation
from attrlint.patterns import Gates, alternation_matches, compiled, required_literals

# The one tokeniser: words (with inner apostrophes, hyphens, ampersands and the dots of
# initials) and single punctuation marks.
_QUOTE_MARKS = frozenset("\"“”‘’'")
_CLOSING_MARKS = frozenset("\"”’'")
# What sets a cue off from the words before it: a comma, a dash, a bracket or a quotation's end.
_SET_OFF = frozenset(",;—–(") | _CLOSING_MARKS
_TOKEN = compiled(r"[\p{L}\p{N}](?:[\p{L}\p{N}’'&-]+|\.(?=\p{L}))*|[^\s\p{L}\p{N}]")
# The same tokeniser in `re`, about twice as fast (findall hands back strings, no match
# objects), for a text whose every character both modules class alike: ASCII but the
# underscore (a word character to `re` only) and four separators (space to `re` only), Latin
# letters, Greek, Cyrillic, general punctuation, currency and letterlike symbols. `re` counts
# superscript digits and vulgar fractions as word characters that are not digits, so the
# letter class leaves them out. tests/test_fast_paths.py checks the two agree over these ranges.
_FAST_RANGES = "\x00-\x1b\x20-\x5e\x60-\u0557\u2000-\u206f\u20a0-\u20bf\u2100-\u214f"
_FAST_UNSAFE = re.compile(f"[^{_FAST_RANGES}]")
_FAST_TOKEN = re.compile(r"\w(?:[\w’'&-]+|\.(?=[^\W\d_\xb2\xb3\xb9\xbc-\xbe]))*|[^\s\w]")

# Cue kinds whose attributions the contract counts: a source joined to its words or findings.
REPORTING_KINDS = frozenset({"speech", "finding", "estimate", "according-to", "credit"})
SOURCE_KINDS = ("named", "described", "vague", "pronoun", "document")
# An opening phrase of time set off by a comma is at most this many words ("A few days later,").
_MAX_TIME_PHRASE = 5
_MAX_NP = 12  # tokens in a source noun phrase
_MAX_DATELINE = 10  # tokens in a dateline before its dash ("ORLANDO, Fla. (Reuters) -")
_MAX_BRACKET = 8  # tokens in a bracket after a name ("(R-Ky.)", "(D-N.Y.)")


@dataclass
class Attribution:
    """A cue crediting words or findings to a source, found in one sentence."""

    start: int  # offsets of the cue, relative to the sentence
    end: int
    cue: str
    # A few words naming the source, as the rules have always read them (up to three words
    # before the cue, or five after "according to"); the full noun phrase is source_start:source_end.
    source: str
    kind: str = "speech"  # the cue's kind (see REPORTING_KINDS; also belief, stance)
    source_start: int = -1  # the source noun phrase, relative to the sentence; -1 when none
    source_end: int = -1
    source_kind: str = ""  # named, described, vague, pronoun, document; "" when none
    content_start: int = -1  # the reported clause, relative to the sentence; -1 when none
    content_end: int = -1
    nested: bool = False  # inside the content of an earlier cue of the sentence (PolNeAR keeps the outermost)
    # The cue is one of the lexicon's reporting verbs or attribution phrases, which the rules
    # were written against; the wider speech verbs (asked, described) are the model's own.
    listed: bool = True
    # Another attribution of the sentence already covers this cue: the verb of a matched
    # phrase ("a new analysis shows"), or a phrase inside another's source ("according to a
    # Gallup poll released Monday"). The rules see both; `attrlint sources` shows one.
    repeat: bool = False
    # A promise or a call to act before a to-infinitive ("promised to deport 11 million",
    # "urged Congress to act"): it credits what it promises, not the sentences around it.
    commitment: bool = False
    # A participle set off by a comma, a second verb after "and"/"but" or an infinitive
    # ("..., he said, adding that ...", "... but said", "went on to say"): its source is the
    # subject of the verb it hangs on.
    shares_subject: bool = False

    @property
    def reports(self) -> bool:
        """Whether this is an attribution as the contract defines it (words or findings, not a mind)."""
        return self.kind in REPORTING_KINDS


class AttributionFinder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        flags = regex.V0 | regex.IGNORECASE
        # Cue phrases are looked up token by token: far cheaper than one large alternation.
        # first word -> [(words, kind, reporting list?)], longest first.
        self.verb_phrases: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        finding = lexicon.word_set("finding_cues")
        estimate = lexicon.word_set("estimate_cues")
        seen: set[tuple[str, ...]] = set()

        def add(phrase: str, kind: str, legacy: bool) -> None:
            words = tuple(_tokens_lower(phrase))
            if words and words not in seen:
                seen.add(words)
                if kind == "speech":
                    if phrase.lower() in finding:
                        kind = "finding"
                    elif phrase.lower() in estimate:
                        kind = "estimate"
                self.verb_phrases.setdefault(words[0], []).append((words, kind, legacy))

        for phrase in lexicon.words("reporting_verbs") + lexicon.words("reporting_verbs_ambiguous"):
            add(phrase, "speech", True)
        for key, kind in (("speech_verbs", "speech"), ("stance_verbs", "stance"), ("belief_verbs", "belief")):
            for phrase in lexicon.words(key):
                add(phrase, kind, False)
        # The people polled answer for themselves: "55 percent named Britain", "a third chose
        # Clinton". These verbs report only with a figure as their subject.
        self.answer_verbs = lexicon.word_set("poll_answer_verbs")
        for phrase in lexicon.words("poll_answer_verbs"):
            add(phrase, "answer", False)
        for options in self.verb_phrases.values():
            options.sort(key=lambda o: len(o[0]), reverse=True)
        self.ambiguous = lexicon.word_set("reporting_verbs_ambiguous")
        # Each phrase pattern runs only on sentences holding one of its trigger words (a set
        # lookup over the tokens), so most sentences run none of them.
        named = lexicon.named_lists()
        self.phrases = [
            (regex.compile(p, flags, ignore_unused=True, **named), _triggers(p, lexicon))  # type: ignore[arg-type]  # named lists are keyword arguments the stubs do not model
            for p in lexicon.words("attribution_phrases")
        ]
        # Trigger word -> the indexes of the phrases it triggers; the phrases with no triggers run
        # on every sentence. A sentence's words are intersected with the triggers once.
        self.phrase_triggers: dict[str, list[int]] = {}
        self.phrases_always = [k for k, (_p, triggers) in enumerate(self.phrases) if triggers is None]
        for k, (_p, triggers) in enumerate(self.phrases):
            for word in triggers or ():
                self.phrase_triggers.setdefault(word, []).append(k)
        self.not_attribution = regex.compile(lexicon.alternation("not_attribution"), flags)
        # The words each of them needs: most sentences hold those of none.
        self.not_attribution_gates = Gates([required_literals(p) for p in lexicon.words("not_attribution")])
        # A pattern whose words a text lacks matches nowhere in it, so only the patterns whose
        # words stand are searched, each on its own, and their matches merged as the
        # alternation would find them (most sentences open one pattern; the whole alternation
        # cost 90 us a search). With a group in them (a back-reference might count groups) the
        # whole alternation is searched. Compiled with the rules, so a cached rule set holds
        # them (unpickling the 16 costs 0.4 ms; compiling one on first use, 0.6 ms).
        self.not_attribution_each = [regex.compile(pattern_alternation([p]), flags) for p in lexicon.words("not_attribution")]
        self.source_nouns = lexicon.word_set("source_nouns")
        self.pronouns = lexicon.word_set("pronoun_sources")
        self.vague = lexicon.word_set("vague_source_words")
        self.documents = lexicon.word_set("document_nouns")
        self.auxiliary_gap = lexicon.word_set("auxiliary_gap")
        self.people = lexicon.word_set("people_nouns")
        self.gap = lexicon.word_set("subject_verb_gap")
        self.time_gap = lexicon.word_class("time_gap")
        self.ly_nouns = lexicon.word_class("ly_nouns")
        self.numbers = lexicon.word_set("number_words")
        self.stops = lexicon.word_set("noun_phrase_stops")
        self.function_words = lexicon.word_set("function_words")
        self.according = lexicon.word_set("according_cue")
        self.rarely_nouns = lexicon.word_set("cues_rarely_nouns")
        # A share right before a verb: "55 percent", "52%", "a third", "the vast majority".
        self.share_before = regex.compile(
            rf"(?:{lexicon.alternation('answer_shares')}|\b(?:{lexicon.alternation('ratio_shares')}))\s*$", regex.I
        )
        self.kickers = lexicon.word_set("headline_kickers")
        # The words that open a subject noun phrase before "says" (the, a, his, one).
        self.np_openers = lexicon.word_set("determiners")
        self.mostly_nouns = lexicon.word_set("mostly_noun_cues")
        self.sourceless = lexicon.word_set("sourceless_cues")
        self.hearsay = lexicon.word_class("hearsay_adverbs")
        self.unsaid = lexicon.word_set("unsaid_markers")
        self.thing_participles = lexicon.word_set("thing_object_participles")
        self.unsaid_heads = lexicon.word_set("unsaid_infinitive_heads")
        self.narrating = lexicon.word_set("narrating_adverbs")
        self.negations = lexicon.word_set("negations")
        self.negation_endings = tuple(lexicon.words("negation_endings"))
        self.commitments = lexicon.word_set("commitment_verbs")
        self.participle_openers = lexicon.word_set("participle_openers")
        self.finite_after = lexicon.word_set("finite_auxiliaries")
        self.modifiers = lexicon.word_set("count_modifiers")
        self.plain_speech = lexicon.word_set("frame_speech_verbs")
        self.infinitive_gap_stops = lexicon.word_set("infinitive_gap_stops")
        # "promised to the voters", "called to say": not a to-infinitive of an act.
        self.infinitive_stops = lexicon.word_set("determiners") | lexicon.word_set("function_words")
        self.question_openers = lexicon.word_set("question_cue_openers")
        self.cue_words = frozenset(self.verb_phrases) | lexicon.word_set("reporting_verbs")
        # A described source: the contract's described nouns, its people and its documents.
        self.subject_nouns = self.source_nouns | self.vague | self.documents | self.people
        self.common_openers = lexicon.word_class("common_openers")
        self.subject_openers = lexicon.word_class("subject_openers")
        self.subordinators = lexicon.word_class("subordinators")
        self.name_auxiliaries = lexicon.word_class("name_auxiliaries")
        self.irregular_pasts = lexicon.word_class("irregular_pasts")
        self.be = lexicon.word_class("be_forms")
        # A source before a headline's colon holds no preposition but those of names.
        self.label_prepositions = lexicon.word_class("prepositions") - lexicon.word_class("name_prepositions")
        # "The social media posts have exposed ...": an -s word before "has" or "have" is its
        # subject, a noun; "what the agency estimates will be" keeps its verb.
        self.perfect = lexicon.word_set("perfect_auxiliaries")
        # Words whose "'s" is "is" or "has" ("he's said", "that's what"), not a possessive.
        self.contracting = lexicon.word_set("pronoun_sources") | lexicon.word_set("contracting_words")
        self.determiners = lexicon.word_class("np_determiners")
        self.np_adjectives = lexicon.word_class("np_adjectives")
        self.subject_pronouns = lexicon.word_class("clause_subjects")
        self.quantity_object_verbs = lexicon.word_class("quantity_object_verbs")
        self.passive_adverbs = lexicon.word_class("passive_adverbs")
        self.cue_blocking = lexicon.word_class("cue_blocking_prepositions")
        self.pronouns_not_subject = lexicon.word_class("pronouns_not_subject")
        self.relatives = lexicon.word_class("relative_pronouns")
        self.addressee = lexicon.word_class("addressee_verbs")
        self.impressions = lexicon.word_class("impression_verbs")
        # Words that open a phrase before the main clause: "Besides ...,", "This year, ...".
        self.intro_words = lexicon.word_class("prepositions") | self.participle_openers | self.time_gap
        self.coordinators = lexicon.word_class("coordinators")
        self.complement_preps = lexicon.word_class("complement_prepositions")
        self.pronouns_not_np_start = lexicon.word_class("pronouns_not_np_start")
        self.articles = lexicon.word_class("articles")
        self.contracted = lexicon.word_pattern("contraction_endings", r"(\w+)[’'](?:{})$")
        self.source_follows = regex.compile(
            rf"^(?:{lexicon.alternation('source_follows_cues')})\b|\b(?:{lexicon.alternation('source_before_prepositions')})\s*\S?$",
            regex.I,
        )
        # "put his net worth at $45 billion": a verb of valuing, its object, and a figure.
        self.valuation_verbs = lexicon.word_set("valuation_verbs")
        self.valuation_prepositions = lexicon.word_class("valuation_prepositions")
        # The words a cue may start with: the first words of the cue phrases and the verbs of valuing.
        self.cue_starts = frozenset(self.verb_phrases) | self.valuation_verbs
        self.valued_at = regex.compile(rf"\s+(?:(?:{lexicon.alternation('approximators')})\s+)?[$£€\d]", regex.I)
        self.number_after = lexicon.word_pattern("quantity_approximators", r"\s+(?:(?:{})\s+)?[$£€\d]")
        self.that_after = regex.compile(r"\s+that\b", regex.I)
        self.speech_nouns = lexicon.word_set("speech_nouns")
        # A reported clause, question, quotation or colon right after a cue.
        self.clause_start = lexicon.word_pattern("clause_openers", "\\s*(?:[:“\"‘']|(?:{})\\b)", regex.I)
        self.clause_after = lexicon.word_pattern("clause_after_cue", r"\s+(?:{}|[$£€\d])\b|:", regex.I)
        self.clause_break = lexicon.word_pattern("clause_break_words", r"[,;:—–()]|\b(?:{})\b|\s{3}", regex.I)

    # --- finding cues --------------------------------------------------------------------

    def find(self, text: str) -> list[Attribution]:
        """Attributions in `text` (a sentence with its quotations blanked)."""
        toks = tokenize(text)
        low = [t[2].lower() for t in toks]
        if _title_case(toks, self.function_words):
            # A headline set in title case capitalises its verbs too ("Trump Says He Never
            # Pledged ..."): its cue words are read as the verbs they would be in lower case.
            text, toks = self._verbs_lowered(text, toks, low)
        blocked: list[tuple[int, int]] | None = None  # spans of cues with no source, found when a first cue needs them

        def not_attribution() -> list[tuple[int, int]]:
            nonlocal blocked
            if blocked is None:
                blocked = []
                opened = self.not_attribution_gates.open(text)
                if opened:
                    blocked = self._not_attribution_spans(text, opened)
            return blocked

        out = self._phrase_cues(text, toks, low, not_attribution)
        out += self._verb_cues(text, toks, low, not_attribution)
        self._sourceless(text, toks, low, out)
        self._quote_frame(text, toks, low, out)
        out.extend(self._label_credit(text, toks, low))
        out.sort(key=lambda a: (a.start, -a.end))
        _mark_repeats(out)
        _mark_nested(out, text, self.clause_break, self.according)
        _share_subjects(out, text)
        return out

    def _not_attribution_spans(self, text: str, opened: list[int]) -> list[tuple[int, int]]:
        """The spans the alternation of the not-attribution patterns finds in `text`, given the
        indexes (in order) of those that may match there."""
        if self.not_attribution.groups:
            return [m.span() for m in self.not_attribution.finditer(text)]
        found = alternation_matches([self.not_attribution_each[k] for k in opened], text)
        if found is None:
            return [m.span() for m in self.not_attribution.finditer(text)]
        return [m.span() for m in found]

    def _verbs_lowered(self, text: str, toks, low: list[str]):
        """`text` with the cue words that open a verb phrase in lower case (offsets unchanged)."""
        chars = list(text)
        for (s, e, word), low_word in zip(toks, low, strict=True):
            if low_word in self.verb_phrases and word[:1].isupper():
                chars[s:e] = low_word
        lowered = "".join(chars)
        return lowered, [(s, e, lowered[s:e]) for s, e, _word in toks]

    def _phrase_cues(self, text, toks, low, not_attribution) -> list[Attribution]:
        """Cues of the lexicon's attribution phrases ("according to", "a poll found", "Monitor: “")."""
        out: list[Attribution] = []
        hits = self.phrase_triggers.keys() & low
        if not hits and not self.phrases_always:
            return out
        runs = set(self.phrases_always)
        for word in hits:
            runs.update(self.phrase_triggers[word])
        for k in sorted(runs):
            for m in self.phrases[k][0].finditer(text):
                if not _inside(m.start(), m.end(), not_attribution()):
                    out.append(self._phrase_attribution(text, toks, low, m))
        return out

    def _phrase_attribution(self, text, toks, low, m) -> Attribution:
        cue = m.group(0).strip()
        s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        a = Attribution(s, s + len(cue), cue, "")
        if self.source_follows.search(cue):
            # "according to X", "citing X": the source follows the cue.
            a.kind = "according-to"
            a.source = _words_after(toks, _token_at(toks, m.end()), 5, m.end() + 60)
            self._np_right(a, text, toks, low, _token_at(toks, a.end))
            said = a.source_start >= 0 and cue.split()[0].lower() in self.speech_nouns
            that = self.that_after.match(text, a.source_end) if said else None
            if that is not None:
                # "a claim by the monitor that 57 died": the clause after the source is its content
                # (after "a study by X that ..." the clause describes the study).
                a.content_start = len(text) - len(text[that.end() :].lstrip())
                a.content_end = len(text.rstrip(" .!?"))
            else:
                self._content_before(a, text, toks)
        elif cue.endswith(("“", '"')) and ":" in cue:
            # "Monitor: “...”", "Smith said: “...”": the colon credits the quotation.
            colon = s + cue.rindex(":")
            a = Attribution(colon, colon + 1, ":", cue, "credit")
            c = _token_at(toks, colon)
            self._np_left(a, text, toks, low, c)
            a.content_start, a.content_end = colon + 1, len(text.rstrip())
        elif low[_token_at(toks, s)] in self.verb_phrases and low[_token_at(toks, s)] not in self.documents:
            # "calls Horgos “a mistake”": a verb of saying, with its subject before it.
            i0 = _token_at(toks, s)
            a = Attribution(toks[i0][0], toks[i0][1], toks[i0][2], cue, "speech")
            self._place(a, text, toks, low, i0, i0 + 1, _words_before(toks, i0, 3))
        else:
            # "a Gallup poll found", "the agency raised its toll": the source is inside the cue.
            a.kind = "finding"
            a.source = cue
            a.source_start, a.source_end = a.start, a.end
            a.source_kind = self._kind_of(cue, toks, low, a.start)
            self._content_after(a, text, toks, low)
        return a

    def _verb_cues(self, text, toks, low, not_attribution) -> list[Attribution]:
        """Cues that are verbs of the lexicon's lists, with their sources and contents."""
        out: list[Attribution] = []
        # Only tokens that begin a cue phrase are looked at; a phrase found skips the tokens it covers.
        starts = self.cue_starts
        covered = 0
        for i in [k for k, w in enumerate(low) if w in starts]:
            if i < covered:
                continue
            hit = self._verb_at(toks, low, text, i)
            if hit is None:
                continue
            j, kind, legacy = hit
            s, e = toks[i][0], toks[j - 1][1]
            covered = j
            if _inside(s, e, not_attribution()):
                continue
            a = self._poll_answer(text, toks, i, j, s, e) if low[i] in self.answer_verbs else None
            if a is None and kind != "answer":
                a = self._verb_attribution(text, toks, low, j, s, e, kind, legacy)
            if a is not None:
                if low[i] in self.commitments and self._before_infinitive(toks, low, j):
                    a.commitment = True
                elif a.listed and self._opening_participle(text, toks, low, i, j):
                    a.listed = False
                elif a.listed and self._unsaid(low, i):
                    a.listed = False  # "will announce", "is expected to disclose", "did not say"
                elif (
                    a.listed
                    and a.kind == "speech"
                    and low[i] not in self.plain_speech
                    and low[i] not in self.answer_verbs
                    and self._figure_source(a)
                ):
                    # "the pace of around 2 percent maintained during earlier years": a figure
                    # speaks only with a plain verb of saying ("63 percent said").
                    a.listed = False
                out.append(a)
        return out

    def _unsaid(self, low: list[str], i: int) -> bool:
        """Whether the cue at token i has said nothing yet or at all: after a modal ("will
        announce", "could say"), a negation ("did not say", "hasn't disclosed") or a
        to-infinitive of the future or of refusal ("is expected to disclose", "declined to
        say", "has yet to say"); not a narrated one ("would later say")."""
        k = i - 1
        while k >= 0 and k >= i - 4:
            w = low[k]
            if w in self.narrating:
                return False
            if w in self.unsaid or w in self.negations or w.endswith(self.negation_endings):
                return True
            if w == "to":
                return k > 0 and low[k - 1] in self.unsaid_heads
            if not (w in self.be or w in self.gap or self._when_or_how(low, k)):
                return False
            k -= 1
        return False

    def _poll_answer(self, text, toks, i: int, j: int, s: int, e: int) -> Attribution | None:
        """A poll's answer ("55 percent named Britain", "a third chose Clinton"): the people
        polled report it, the share before the verb standing for them. Without a share right
        before it the verb reports nothing ("Trump named Pence")."""
        k = i - 1
        while k >= 0 and toks[k][2] in "–—-":
            k -= 1
        if k < 0 or not self.share_before.search(text, 0, toks[k][1]):
            return None
        lo = max(0, k - 2)
        while lo < k and not toks[lo][2][:1].isalnum():
            lo += 1
        a = Attribution(s, e, text[s:e], "", "speech", listed=True)
        a.source_start, a.source_end = toks[lo][0], toks[k][1]
        a.source = text[a.source_start : a.source_end]
        a.source_kind = "described"
        if j < len(toks):
            a.content_start, a.content_end = toks[j][0], len(text.rstrip(" .!?"))
        return a

    def _opening_participle(self, text, toks, low, i: int, j: int) -> bool:
        """Whether the cue at tokens i..j-1 is a participle opening its sentence (alone or after
        a word of participle_openers) whose object is a thing, not a clause, quotation or colon
        ("Recalling the pitfalls of 2012, ...")."""
        if not low[i].endswith("ing"):
            return False
        opening = i == 0 or (i == 1 and low[0] in self.participle_openers)
        # After a comma, only the participles that also take a thing: "..., revealing a tendency".
        trailing = i > 0 and _comma_at(toks, i - 1) and low[i] in self.thing_participles
        if not (opening or trailing):
            return False
        if trailing and j < len(toks) and low[j] not in self.np_openers:
            return False  # "..., revealing that ...", "..., admitting he ..."
        if trailing and any(w in self.finite_after or w in self.be for w in low[j + 1 : j + 7]):
            return False  # a bare clause: "..., admitting the plan had failed"
        return j < len(toks) and not self.clause_start.match(text, toks[j - 1][1])

    def _figure_source(self, a: Attribution) -> bool:
        """Whether the words found as the source of `a` are a figure: a number among their first two."""
        return any(w[:1].isdigit() or w[:1] in "$£€" for w in a.source.split()[:2])

    def _before_infinitive(self, toks, low, j: int) -> bool:
        """Whether a to-infinitive follows the cue ending at token j, directly ("promised to
        pursue") or after a short object ("urging the crowd to focus", "called on Congress to
        act"), with no clause or punctuation between."""
        for k in range(j, min(j + 5, len(toks) - 1)):
            w = low[k]
            if w == "to":
                nxt = toks[k + 1][2]
                return (
                    nxt.isalpha()
                    and nxt.islower()
                    and low[k + 1] not in self.infinitive_stops
                    and low[k + 1] not in self.verb_phrases  # "called to say": a report after all
                )
            if not toks[k][2][:1].isalnum() or w in self.infinitive_gap_stops:
                return False
        return False

    def _sourceless(self, text, toks, low, out) -> None:
        """Cues that attribute with no source in the sentence: a question put to the subject
        ("Asked about the deal, Smith said", "when asked if", "Smith was asked") and an
        expectation ("the bank is expected to hold rates"). The rules do not read them."""
        taken = [(a.start, a.end) for a in out]
        for i, w in enumerate(low):
            if w in self.hearsay:
                out.append(self._hearsay(text, toks, i))
                continue
            if w not in self.sourceless or not toks[i][2].isalpha():
                continue
            lo = i
            if i > 0 and low[i - 1] in self.be:
                lo = i - 1  # the auxiliary is part of the cue: "is expected", "was asked"
            elif not (
                i == 0
                or toks[i - 1][2] in ",;—–("
                or (low[i - 1] in self.question_openers and (i == 1 or toks[i - 2][2] in ",;—–("))
            ):
                continue
            if any(s < toks[i][1] and toks[lo][0] < e for s, e in taken):
                continue
            a = Attribution(
                toks[lo][0],
                toks[i][1],
                text[toks[lo][0] : toks[i][1]],
                "",
                "belief" if lo < i and i + 1 < len(low) and low[i + 1] == "to" else "speech",
                listed=False,
            )
            self._content_after(a, text, toks, low)
            if lo < i and a.kind == "belief" and lo > 0:
                # "The bank is expected to hold rates": the subject is part of what is expected.
                a.content_start = toks[0][0]
            out.append(a)

    def _hearsay(self, text, toks, i: int) -> Attribution:
        """ "X is reportedly spending ...": the adverb credits the clause it stands in to
        reports it does not name. The rules do not read it (vague-source has its own test)."""
        a = Attribution(toks[i][0], toks[i][1], toks[i][2], "", "speech", listed=False)
        _content_to_end(a, text, toks, 0)
        return a

    def _quote_frame(self, text, toks, low, out) -> None:
        """A quotation's frame with a verb of any kind: "“...,” Oliver barked.", "“...,” fumed
        the colonel, “...”". A clause of two to six words between a closing quotation mark and
        the sentence's end (or a comma, or the next quotation) is its speaker and a speech verb."""
        for c, t in enumerate(toks):
            if t[2] not in '”"' or c + 2 >= len(toks):
                continue
            hi = c + 1
            while hi < len(toks) and toks[hi][2] not in (".", ",", "!", "?", ";", "“", '"'):
                hi += 1
            n = hi - c - 1
            if not 2 <= n <= 6 or any(a.start < toks[hi - 1][1] and toks[c + 1][0] < a.end for a in out):
                continue
            words = range(c + 1, hi)
            if not all(toks[k][2][0].isalpha() for k in words):
                continue
            first, last = c + 1, hi - 1
            if (
                _verb_form(toks[last][2])
                and self._names_someone(toks, low, first, last - 1)
                and (toks[first][2][:1].isupper() or low[first] in self.pronouns or low[first] in self.determiners)
            ):
                a = Attribution(toks[last][0], toks[last][1], toks[last][2], "", "speech", listed=False)
                self._set_source(a, toks, low, first, last - 1)
            elif _verb_form(toks[first][2]) and self._names_someone(toks, low, first + 1, last):
                a = Attribution(toks[first][0], toks[first][1], toks[first][2], "", "speech", listed=False)
                self._set_source(a, toks, low, first + 1, last)
            else:
                continue
            out.append(a)

    def _label_credit(self, text, toks, low) -> list[Attribution]:
        """A speaker's label opening a line of a transcript or interview: "SMITH: Well, ...",
        "Q: How did it go?". One to four capitalised words before a colon, words after it."""
        c = 0
        while c < len(toks) and c < 5 and toks[c][2] != ":":
            c += 1
        if not 1 <= c <= 4 or c >= len(toks) or c + 1 >= len(toks):
            return []
        # Transcripts set the label in capitals ("TAPPER:", "Q:"); a capitalised word before a
        # colon is as often a kicker ("Look: ...", "Twitter: @name") as a speaker.
        if not all(toks[k][2].isupper() and toks[k][2][0].isalpha() for k in range(c)):
            return []
        if " ".join(low[:c]) in self.kickers:
            return []  # "BUSTED: ...", "LOOK: ...": a kicker shouts, it does not speak
        a = Attribution(toks[c][0], toks[c][1], ":", "", "credit", listed=False)
        self._set_source(a, toks, low, 0, c - 1)
        a.content_start, a.content_end = toks[c + 1][0], len(text.rstrip())
        return [a]

    def headline_credit(self, text: str) -> list[Attribution]:
        """A headline's colon credit: "Monitor: 57 dead", "Trump: I will win". The words before
        the colon must be a short noun phrase (a source), not a label ending in a verb."""
        colon = text.find(":")
        if colon <= 0 or colon + 1 >= len(text.rstrip()):
            return []
        toks = tokenize(text[:colon])
        # A title's full stop is part of the name: "Dr. Ben Carson: ...".
        toks = [
            t
            for k, t in enumerate(toks)
            if not (t[2] == "." and k > 0 and toks[k - 1][2][:1].isupper() and len(toks[k - 1][2]) <= 4)
        ]
        low = [t[2].lower() for t in toks]
        if " ".join(low) in self.kickers or self._series_title(low):
            return []  # "Breaking: ...", "Watch: ...": a kicker, not a source
        if not 1 <= len(toks) <= 5 or not all(
            _nounish(t[2], lk, self) or lk in self.determiners for t, lk in zip(toks, low, strict=False)
        ):
            return []
        a = Attribution(colon, colon + 1, ":", text[:colon].strip(), "credit", listed=False)
        self._set_source(a, toks, low, 0, len(toks) - 1)
        rest = len(text) - len(text[colon + 1 :].lstrip())
        a.content_start, a.content_end = rest, len(text.rstrip())
        return [a]

    def _series_title(self, low: list[str]) -> bool:
        """Whether the words before a headline's colon name a column or a series rather than a
        source: a date or a number ("Monday's Morning Email", "2016 Nerdcast", "Stat of the
        Week") or a preposition after the first word ("Big Win for Bernie", "Fix Is In")."""
        bare = [w[:-2] if w.endswith(("'s", "’s")) else w for w in low]
        if any(w in self.time_gap or w[:1].isdigit() for w in bare):
            return True
        return any(w in self.label_prepositions for w in bare[1:])

    def _values_at(self, toks, low, text, i) -> bool:
        """Whether a verb of valuing at token i puts its object at a figure: "Forbes put his net
        worth at $45 billion", "analysts place the cost of the plan at about $3 billion", "Forbes
        lists the brothers with just under $40 billion each"."""
        for k in range(i + 1, min(len(toks), i + 9)):
            if low[k] in self.valuation_prepositions:
                return self.valued_at.match(text, toks[k][1]) is not None
            if not low[k][:1].isalnum():
                return False  # the object ends at a mark: no figure it is put at
        return False

    def _verb_at(self, toks, low, text, i):
        """(end token index, kind, legacy) of the longest cue phrase starting at token i."""
        if low[i] in self.valuation_verbs and self._values_at(toks, low, text, i):
            return i + 1, "estimate", True
        options = self.verb_phrases.get(low[i])
        if not options:
            return None
        for words, kind, legacy in options:
            j = i + len(words)
            if (
                j <= len(toks)
                and all(low[i + k] == w for k, w in enumerate(words))
                and all(text[toks[i + k][1] : toks[i + k + 1][0]].isspace() for k in range(len(words) - 1))
            ):
                return j, kind, legacy
        return None

    def _verb_attribution(self, text, toks, low, j, s, e, kind, legacy) -> Attribution | None:
        """The attribution a cue verb at text[s:e] (tokens up to j) makes, or None when the
        word is not a cue here (a noun, an adjective, a passive with no agent, another sense)."""
        i = _token_at(toks, s)
        if text[s].isupper() and text[:s].strip():
            return None  # "the United States": a verb is not capitalised mid-sentence
        verb = " ".join(text[s:e].lower().split())
        before = _words_before(toks, i, 3)
        prev = before[-1].lower() if before else ""
        if i > 0 and toks[i - 1][2] in _QUOTE_MARKS:
            # Right after a quotation the word before it is no part of the cue's phrase: 'Ms.
            # Brainard is "not a backslapper," said Mr. Sperling' is no passive.
            prev = toks[i - 1][2]
        if self._not_a_verb_here(text, low, j, s, e, verb, before, prev):
            return None
        coordinated = self._coordinated(text, low, i, e, verb)
        if (
            verb in self.ambiguous
            and not coordinated
            and (prev in self.numbers or (prev in self.stops and prev not in self.pronouns and prev not in self.gap))
        ):
            return None  # "nine states", "in reports": a noun after a number or a preposition
        if legacy:
            if not self._listed_cue_ok(text, toks, low, i, s, e, verb, before):
                return None
        elif not self._new_cue_ok(text, toks, low, i, j, s, e, kind, before):
            return None
        a = Attribution(s, e, text[s:e], "", kind, listed=legacy)
        self._place(a, text, toks, low, i, j, before)
        if low[i] in self.impressions and kind == "belief":
            a.source_start = a.source_end = -1  # "Trump seems to have won": the writer's impression
            a.source_kind = ""
        self._widen_share(a, text)
        if (
            coordinated or a.shares_subject or (legacy and before and before[-1].lower() in self.auxiliary_gap)
        ) and a.source_start >= 0:
            a.source = text[a.source_start : a.source_end]
        else:
            a.source = " ".join(before) if before else _words_after(toks, j, 5, e + 60)
        return a

    def _coordinated(self, text, low, i, e, verb) -> bool:
        """Whether the cue verb at token i is a second verb of the sentence's subject ("... did
        the math and found that ...", "... but said the outcome was open"): after "and" or "but",
        a form that is rarely a noun ("the states and reports that matter" is a noun), with a
        reported clause, a quotation or a mark after it, or a plain verb of saying."""
        k = self._before_gap(low, i)
        return (
            k >= 0
            and low[k] in self.coordinators
            and verb not in self.mostly_nouns
            and (not verb.endswith("s") or verb in self.rarely_nouns)
            and (
                self.that_after.match(text, e) is not None
                or self.clause_after.match(text, e) is not None
                # "... smiled and said, '...'", "... and then said something strange": a past
                # form of saying is no noun.
                or text[e : e + 1] in _SET_OFF
                or verb in self.plain_speech
            )
        )

    def _widen_share(self, a: Attribution, text: str) -> None:
        """A share as a cue's subject ("Three in 10 said", "26% say") is the source whole, not
        the number before the cue (or nothing)."""
        if a.source_start < 0:
            share = self.share_before.search(text, 0, a.start)
            if share is not None and share.group(0)[:1].isdigit():
                start = share.start()
                while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".,"):
                    start -= 1  # the whole number, not its last digit
                a.source_start, a.source_end = start, len(text[: a.start].rstrip())
                a.source, a.source_kind = text[a.source_start : a.source_end], "described"
        elif text[a.source_start : a.source_end].isdigit():
            share = self.share_before.search(text, 0, a.source_end)
            if share is not None:
                a.source_start = share.start()

    def _not_a_verb_here(self, text, low, j, s, e, verb, before, prev) -> bool:
        """Whether the cue word at text[..e] (tokens up to j) reads as no verb of attribution
        here: after a determiner or a number, a passive with no agent, a verb whose object is
        a quantity, or a word that is mostly a noun with no reported clause after it."""
        if self._owned_noun(text, s, e, verb, before, prev):
            return True
        if not verb.endswith("ing") and (
            prev in self.be or (prev in self.passive_adverbs and len(before) > 1 and before[-2].lower() in self.be)
        ):
            return True  # passive with no source: "the votes are counted", "is said"
        if verb in self.quantity_object_verbs and self.number_after.match(text, e):
            return True
        if (
            verb.endswith("s")
            and j < len(low)
            and low[j] in self.finite_after
            and (low[j] in self.be or low[j] in self.perfect or prev in self.modifiers)
        ):
            # "Republican claims are false", "Other shows did better": the subject of the verb
            # after it. After a name it may be a verb still ("what the Society estimates will be").
            return True
        # "in states that voted Tuesday": a noun unless a reported clause follows
        return verb in self.mostly_nouns and not (
            j < len(low)
            and (low[j] in (":", "that") and not (j + 1 < len(low) and (low[j + 1] in self.gap or low[j + 1].endswith("ed"))))
        )

    def _owned_noun(self, text, s, e, verb, before, prev) -> bool:
        """Whether the cue word is a noun after a determiner, a number or a possessive."""
        if prev in self.determiners or (prev[:1].isdigit() and not self.share_before.search(text, 0, s)):
            return True  # "the reported toll", "its findings"; but "three in 10 said": the people polled
        if prev in self.np_adjectives and len(before) > 1 and before[-2].lower() in self.determiners and verb in self.ambiguous:
            return True  # "the only show that ...", "his latest estimate"
        # "Trump's claim to understand", "Mr. Rubio's showing": a noun owned by a name
        return self._possessive(prev) and not verb.endswith("ed") and not self._clause_follows(text, s, e, before)

    def _possessive(self, word: str) -> bool:
        """Whether a word is a possessive ("Trump's", "voters'"), not a pronoun's contraction
        ("he's said", "that's what")."""
        if word.endswith(("'s", "’s")):
            return word[:-2] not in self.contracting
        return len(word) > 2 and word.endswith(("s'", "s’"))

    def _listed_cue_ok(self, text, toks, low, i, s, e, verb, before) -> bool:
        """A reporting verb of the list that is also a noun ("reports", "states") counts only
        after a subject, before a reported clause, or after an appositive."""
        return verb not in self.ambiguous or (
            self._subject_like(before, text, s)
            or self._clause_follows(text, s, e, before)
            or self._after_appositive(toks, low, i)
            or (
                verb in self.rarely_nouns and (self._noun_phrase_before(toks, low, i) or self._inverted_after_comma(toks, low, i))
            )
        )

    def _inverted_after_comma(self, toks, low, i) -> bool:
        """Whether a verb that is rarely a noun ("says", "told") stands after a comma or a
        quotation and before its source: "..., in sharp contrast to earlier elections, says
        Dante Scala", "...,” says a narrator"."""
        return i > 0 and toks[i - 1][2] in _SET_OFF and self._set_off_cue_ok(toks, low, i, i + 1, "speech")

    def _noun_phrase_before(self, toks, low, i) -> bool:
        """Whether a noun phrase opened by a determiner ends right before token i ("The
        billionaire real estate magnate says"): its last word is the verb's subject."""
        k = i - 1
        while k >= 0 and i - k <= _MAX_NP and toks[k][2].isalpha():
            if low[k] in self.np_openers:
                return k < i - 1
            if low[k] in self.function_words:
                return False
            k -= 1
        return False

    def _new_cue_ok(self, text, toks, low, i, j, s, e, kind, before) -> bool:
        """A cue word outside the reporting list counts only where it reads as a verb with a
        source: after a subject (name, pronoun, described noun), or as an inverted or
        participial cue after a comma ("..., asked Smith", "..., calling it ...")."""
        k = self._before_gap(low, i, toks)
        if k < 0:
            return False
        t = toks[k][2]
        lk = low[k]
        if lk in self.determiners or lk in self.cue_blocking:
            return False
        if k < i - 1 and low[i - 1] == "to":
            return False  # "declined to endorse": the first verb carries the attribution
        if t in _SET_OFF:
            # '"How big is it?" asked the boy', "..., asked Smith", "..., calling it ..."
            return self._set_off_cue_ok(toks, low, i, j, kind) or (kind != "belief" and self._opening_subject(toks, low, k) >= 0)
        return self._subject_ok(t, lk, k, kind) or self._determined_subject(low, k, kind)

    def _determined_subject(self, low, k: int, kind: str) -> bool:
        """Whether token k is the head of a noun phrase a determiner opens right before a cue
        that is no belief: "the prince called for", "This initiative called for"."""
        lk = low[k]
        return (
            kind != "belief"
            and k > 0
            and low[k - 1] in self.determiners
            and lk.isalpha()
            and len(lk) > 2
            and lk not in self.stops
            and lk not in self.cue_words
            and lk not in self.determiners
        )

    def _before_gap(self, low, i, toks=None) -> int:
        """The token before the cue at token i, back over the auxiliaries and negations between
        a subject and its verb ("has not said", "didn't say"); -1 for none."""
        k = i - 1
        while k >= 0 and (low[k] in self.gap or low[k].endswith(self.negation_endings) or self._when_or_how(low, k, toks)):
            if toks is not None and self._auxiliary_name(toks, low, k, i):
                break
            k -= 1
        return k

    def _auxiliary_name(self, toks, low, k, i) -> bool:
        """Whether a capitalised "Will" or "May" right before a past or -s form is a name
        ("George Will wrote", "Will acknowledges"): an auxiliary comes before a bare verb."""
        return (
            low[k] in self.name_auxiliaries
            and toks[k][2][:1].isupper()
            and i == k + 1
            and (_verb_form(low[i]) or low[i] in self.irregular_pasts)
        )

    def _when_or_how(self, low, k: int, toks=None) -> bool:
        """Whether token k is a word of when or an adverb in -ly between a subject and its cue
        ("Ryan on Thursday declared", "has sometimes acknowledged", "is suddenly promising").
        A capitalised word in -ly is a name ("Megyn Kelly said")."""
        w = low[k]
        if w in self.time_gap:
            return True
        if toks is not None and toks[k][2][:1].isupper():
            return False
        return len(w) > 4 and w.endswith("ly") and w.isalpha() and w not in self.ly_nouns

    def _set_off_cue_ok(self, toks, low, i, j, kind) -> bool:
        """A cue set off by a comma, dash or bracket: a participle ("..., calling it a
        disgrace"), or an inverted cue before its source ("..., asked Smith"); not a belief."""
        if kind == "belief":
            return False
        nxt = low[j] if j < len(low) else ""
        if low[i].endswith("ing"):
            return True  # "..., calling it a disgrace"
        return bool(nxt) and (toks[j][2][:1].isupper() or nxt in self.pronouns or nxt in self.determiners)

    def _subject_ok(self, t, lk, k, kind) -> bool:
        """Whether token k (`t`, lowercased `lk`) right before a cue reads as its subject: a
        pronoun or relative, a source noun, a name, or a plural noun."""
        if lk in self.pronouns and lk not in self.pronouns_not_subject:
            return True
        if lk in self.relatives:
            return True
        if lk in self.subject_nouns:
            return True
        if (t[:1].isupper() and t.isalpha()) or (t[:1].isupper() and ("’" in t or "'" in t or "-" in t)):
            if k == 0 and lk in self.common_openers:
                return False
            return lk not in self.stops or lk in self.pronouns
        if (
            (lk.endswith(("’s", "'s")) is False)
            and lk.endswith("s")
            and lk.isalpha()
            and lk not in self.stops
            and len(lk) > 3
            and kind != "belief"
        ):
            return lk not in self.cue_words  # "Republicans criticized": a plural noun subject
        return False

    # --- sources and content ---------------------------------------------------------------

    def _place(self, a: Attribution, text, toks, low, i, j, before) -> None:
        """Fill the source and content of a verb cue whose tokens are i..j-1."""
        k = self._before_gap(low, i, toks)
        inverted = self._inverted(text, toks, low, i, k)
        if self._place_shared_subject(a, text, toks, low, i, j, k):
            return
        if inverted and self._place_inverted(a, text, toks, low, i, j, k):
            return
        if k >= 0 and toks[k][2] == ",":
            # "Smith, a spokesman for the firm, said" or "Smith, who ..., said": an appositive;
            # however long, when a name opens the sentence ("Sandra Inman, a supporter from
            # Jackson, Miss., attending the convention, said").
            self._np_left(a, text, toks, low, k, appositive=True)
            if a.source_start != toks[0][0]:
                subject = self._opening_subject(toks, low, k)
                if subject >= 0:
                    self._set_source(a, toks, low, 0, subject)
        elif k >= 0:
            self._np_left(a, text, toks, low, k + 1)
        self._content_after(a, text, toks, low)
        if a.content_start < 0 and a.source_start >= 0:
            # "..., a new analysis shows.": the cue ends the sentence; it reports what came before
            # the comma (or the quotation) that sets its source off. "... and others disagreed."
            # reports nothing before it.
            lo = _token_at(toks, a.source_start)
            if lo > 0 and (toks[lo - 1][2] in ",;—–" or _blank_gap(text, toks, lo - 1, lo)):
                self._content_before(a, text, toks, at=a.source_start)

    def _place_shared_subject(self, a: Attribution, text, toks, low, i, j, k) -> bool:
        """A participle after a comma or a second verb ("..., saying ...", "... did the math
        and found that ..."): the subject of the main clause speaks; an earlier cue's source,
        when the sentence has one (_share_subjects)."""
        gerund = self._gerund_after_preposition(low, i, k)
        if k < 0 or not (
            (_comma_at(toks, k) and low[i].endswith("ing"))
            or self._coordinated(text, low, i, toks[j - 1][1], " ".join(a.cue.lower().split()))
            # "He went on to say ...", "Paul declined to say whether ...": the infinitive's
            # speaker is the subject of the verb it completes.
            or (i > 0 and low[i - 1] == "to")
            or gerund
        ):
            return False
        if gerund:
            # Its own clause's subject, not an earlier cue's source (_share_subjects).
            start = self._clause_start_before(toks, low, k)
        else:
            a.shares_subject = True
            start = self._main_clause_start(toks, low, i)
        self._np_right(a, text, toks, low, start, leading=True)
        self._content_after(a, text, toks, low)
        return True

    def _place_inverted(self, a: Attribution, text, toks, low, i, j, k) -> bool:
        """Place a cue with nothing but punctuation before it: its source after it ("..., said
        Smith"), or a subject that opens the sentence. False when the source is still to find
        before the cue."""
        if k >= 0 and (toks[k][2] in ",—–" or toks[k][2] in _CLOSING_MARKS) and not _blank_gap(text, toks, k, i):
            subject = self._opening_subject(toks, low, k)
            if subject >= 0:
                # "Jeb Bush, helped by his brother, goes after Trump": a name opening the
                # sentence and set off by a comma is the subject; what follows the verb is
                # its object, whatever stands between.
                self._set_source(a, toks, low, 0, subject)
                self._content_after(a, text, toks, low)
                return True
        if j >= len(toks) or low[j - 1] in self.addressee:
            return False  # Not after "told": its object is the hearer ("..., told POLITICO").
        if (
            not self._np_right(a, text, toks, low, j)
            or self._pronoun_opens_clause(a, toks, low)
            or self._time_source(a, toks, low)
        ):
            return False
        if toks[k][2] in _CLOSING_MARKS or self._names_someone(
            toks, low, _token_at(toks, a.source_start), _token_at(toks, a.source_end - 1)
        ):
            # Right after a quotation the words after the verb are its speaker ("...,” says a
            # narrator"), whatever noun names them.
            self._content_before(a, text, toks)
            return True
        # "..., wrote a host of new songs": the words after the verb are its object.
        a.source_start = a.source_end = -1
        a.source_kind = ""
        return False

    def _gerund_after_preposition(self, low, i, k) -> bool:
        """Whether the cue at token i is a gerund after a preposition inside the sentence ("Trump
        landed in hot water by saying ...", "Cruz thanked him before adding ..."): it speaks for
        the subject of its clause."""
        return k > 0 and low[i].endswith("ing") and low[k] in self.participle_openers

    def _clause_start_before(self, toks, low, k) -> int:
        """The first token of the clause that token k stands in: after the last subordinating
        word ("as he did two years ago by announcing"), or the last comma before a subject
        ("Recognizing this, Mr. Rubio joined Democrats in writing"), else the main clause's."""
        for c in range(k - 1, 0, -1):
            if low[c] in self.subordinators:
                return c + 1
            if toks[c][2] == "," and c + 1 < k:
                nxt = toks[c + 1][2]
                if nxt[:1].isupper() or low[c + 1] in self.pronouns or low[c + 1] in self.determiners:
                    return c + 1
        return self._main_clause_start(toks, low, k)

    def _main_clause_start(self, toks, low, i) -> int:
        """The first token of the main clause before token i: past a dateline ("WASHINGTON —")
        and an opening phrase of place, time or manner set off by a comma ("Speaking at a
        town hall, Trump went after Bush, calling him ...", "This year, he ...")."""
        start = self._after_dateline(toks, i)
        # "Then he cut into Bush, calling him ...": a linking word before the subject.
        while start < i - 1 and low[start] in self.subject_openers:
            start += 1
        comma = next((c for c in range(start + 1, i) if toks[c][2] == ","), -1)
        if (
            comma > 0
            and (
                low[start] in self.intro_words
                or (low[start].endswith("ing") and not self._name_word(toks, low, start))
                # "A few days later, Trump reversed himself, telling ...": a phrase of time
                or (
                    comma - start <= _MAX_TIME_PHRASE
                    and (low[start] in self.determiners or low[start] in self.numbers or low[start][:1].isdigit())
                    and any(w in self.time_gap for w in low[start:comma])
                )
            )
        ):
            start = comma + 1
        # "Trump pivoted to trade, but Wallace brought him back, asking ...": the participle
        # hangs on the last clause joined before it.
        for c in range(i - 1, start, -1):
            if toks[c][2] == ";" or (low[c] in self.coordinators and toks[c - 1][2] == ","):
                return c + 1
        return start

    def _after_dateline(self, toks, i) -> int:
        """The first token after a dateline that opens the sentence ("WASHINGTON —", "ORLANDO,
        Fla. (Reuters) -"): a word in capitals, then a dash within a few tokens."""
        t = toks[0][2] if toks else ""
        if not (len(t) > 1 and t.isalpha() and t.isupper()):
            return 0
        # The first dash within a few tokens ends it ("ORLANDO, Fla. (Reuters) -"); with none, a
        # mark right after the word does ("WASHINGTON:").
        for c in range(1, min(i, _MAX_DATELINE)):
            if toks[c][2] in "—–-":
                return c + 1
        return 2 if len(toks) > 1 and toks[1][2] in ",:" else 0

    def _opening_subject(self, toks, low, k) -> int:
        """The last token of a name that opens the sentence and is followed by a comma before
        token k ("Erin Brockovich, the activist and lawyer, endorsed ..."); -1 for none."""
        if not toks or low[0] in self.intro_words or low[0].endswith("ly"):
            return -1  # "Yesterday, officials said": an opening of time or manner
        hi = self._np_right_end(toks, low, 0, leading=True)
        if hi < 0 or hi + 1 >= k or toks[hi + 1][2] not in ",—–":
            return -1
        if not any(self._name_word(toks, low, n) for n in range(hi + 1)):
            return -1
        return hi

    def _time_source(self, a: Attribution, toks, low) -> bool:
        """Whether the source found after an inverted cue is a time ("..., said Wednesday that"):
        it is when, and the source stands before the cue."""
        lo, hi = _token_at(toks, a.source_start), _token_at(toks, a.source_end - 1)
        if not all(low[k] in self.time_gap for k in range(lo, hi + 1)):
            return False
        a.source_start = a.source_end = -1
        a.source_kind = ""
        return True

    def _pronoun_opens_clause(self, a: Attribution, toks, low) -> bool:
        """Whether the source found after a cue is a lone subject pronoun with the words of a
        clause after it ("Jason Sorens, the founder of ..., said he would stay"): it opens the
        reported clause, and the source stands before the cue ("..., said he." is the speaker)."""
        lo, hi = _token_at(toks, a.source_start), _token_at(toks, a.source_end - 1)
        if lo != hi or low[lo] not in self.subject_pronouns or hi + 1 >= len(toks) or not toks[hi + 1][2][:1].isalnum():
            return False
        a.source_start = a.source_end = -1
        a.source_kind = ""
        return True

    def _inverted(self, text, toks, low, i, k) -> bool:
        """Whether the cue at token i comes before its source ("..., said Smith"): the token
        before it past any auxiliaries (k) is none, punctuation or a gap, and not the comma
        after a subject and its appositive."""
        # A closing mark alone as a token is a quotation's end: curly or straight, and the two
        # apostrophes some wires close a quotation with ("''... ,'' said Paul Maslin").
        inverted = k < 0 or toks[k][2] in ",;:—–(\"“”'’" or (k >= 0 and _blank_gap(text, toks, k, i))
        if inverted and k >= 0 and toks[k][2] == "," and self._appositive_before(toks, low, k):
            inverted = False  # "A spokesman for the firm, John Smith, told reporters ..."
        if inverted and any(low[g] in self.finite_after for g in range(k + 1, i)):
            # '... party's "superdelegates" have endorsed Mrs. Clinton': an inverted cue is a
            # bare verb ("..., said Smith"); after an auxiliary its subject stands before it.
            inverted = False
        return inverted

    def _names_someone(self, toks, low, lo, hi) -> bool:
        """Whether tokens lo..hi can name a source: a name, a pronoun, or a noun of people,
        sources or documents (not "a host of new songs")."""
        for k in range(lo, hi + 1):
            t, lk = toks[k][2], low[k]
            if t[:1].isupper() or lk in self.subject_nouns or lk in self.pronouns:
                return True
        return False

    def _appositive_before(self, toks, low, k) -> bool:
        """Whether the words before the comma at token k, back to the sentence start or an
        earlier comma, are all a noun phrase (a subject and its appositive), not a clause."""
        c = k - 1
        while c >= 0 and toks[c][2] != ",":
            c -= 1
        if c > 0 and low[c + 1] in self.relatives:
            # "Smith, who has long opposed the deal, said": the clause hangs on the subject that
            # opens the sentence (not on "voters like McCaughey, who lives here, says Schale").
            lo = self._np_start(toks, low, c)
            return lo < c and (lo == 0 or toks[lo - 1][2] in _SET_OFF or (lo == 1 and low[0] in self.coordinators))
        c = k - 1
        n = 0
        while c >= 0 and toks[c][2] != ",":
            t, lc = toks[c][2], low[c]
            if not (
                _nounish(t, lc, self) or lc in self.determiners or (lc in self.complement_preps or lc == "who") or t in "-&.’'"
            ):
                return False
            c -= 1
            n += 1
        return 0 < n <= _MAX_NP and (c < 0 or self._appositive_before(toks, low, c) if c >= 0 else True)

    def _np_left(self, a, text, toks, low, end, appositive=False, colon=False) -> bool:
        """The noun phrase ending just before token `end` (exclusive)."""
        k = end - 1
        if appositive:
            # Back over ", <appositive>," to the name before it.
            c = k - 1
            while c >= 0 and toks[c][2] not in ",;:—–" and end - c < _MAX_NP + 2:
                c -= 1
            if c > 0 and toks[c][2] == ",":
                lo = self._np_start(toks, low, c)
                if lo < c:
                    # "Smith, who ..., said": the relative clause is no part of the name.
                    hi = c - 1 if low[c + 1] in self.relatives else end - 1
                    return self._set_source(a, toks, low, lo, hi)
            k -= 1
        if k < 0:
            return False
        hi = k
        if toks[k][2] == ")":
            # "Sen. Rand Paul (R-Ky.) said": a bracketed party and state stand between a name
            # and its verb, and belong to the name.
            c = k - 1
            while c > 0 and toks[c][2] != "(" and k - c <= _MAX_BRACKET:
                c -= 1
            if c <= 0 or toks[c][2] != "(":
                return False
            k = c - 1
        lo = self._np_start(toks, low, k + 1)
        if lo > k:
            return False
        self._set_source(a, toks, low, lo, hi)
        a.source_kind = self._kind_of("", toks, low, toks[lo][0], lo, k)  # the name, not its bracket
        return True

    def _np_start(self, toks, low, end) -> int:
        """First token of the noun phrase that ends at token end-1, read leftwards."""
        k = end - 1
        lo = end
        while k >= 0 and end - k <= _MAX_NP:
            t, lk = toks[k][2], low[k]
            if lk in self.pronouns and lo == end:
                return k if lk not in ("that",) else end
            if lk in self.determiners:
                lo = k
                # "a spokesman for the campaign": a complement joins the noun before it.
                if k >= 2 and low[k - 1] in self.complement_preps and _nounish(toks[k - 2][2], low[k - 2], self):
                    k -= 2
                    lo = k
                    k -= 1
                    continue
                return lo
            if lk in self.complement_preps and lo < end and k >= 1 and _nounish(toks[k - 1][2], low[k - 1], self):
                k -= 1
                continue
            if t in "-&." and lo < end:
                k -= 1
                continue
            if _nounish(t, lk, self):
                lo = k
                k -= 1
                continue
            break
        return lo

    def _np_right(self, a, text, toks, low, start, leading=False) -> bool:
        """The noun phrase starting at token `start` (after "according to", or an inverted "said")."""
        hi = self._np_right_end(toks, low, start, leading)
        if hi < start:
            return False
        # A trailing lowercase determiner or "of" is no part of the name.
        while hi > start and low[hi] in self.determiners:
            hi -= 1
        return self._set_source(a, toks, low, start, hi)

    def _np_right_end(self, toks, low, start, leading) -> int:
        """The last token of the noun phrase starting at token `start`; start - 1 for none."""
        k = start
        hi = start - 1
        while k < len(toks) and k - start < _MAX_NP:
            step = self._np_step(toks, low, k, start, hi, leading)
            if step == "stop":
                break
            if step != "skip":
                hi = k
            if step == "last":
                break
            k += 1
        return hi

    def _np_joiner(self, toks, low, k) -> bool:
        """Whether token k joins the noun phrase to the words after it: a preposition of a
        complement before a noun ("director of the FBI") or a mark inside a name ("AT&T")."""
        if low[k] in self.complement_preps:
            return low[k + 1] in self.determiners or _nounish(toks[k + 1][2], low[k + 1], self)
        return toks[k][2] in "-&." and toks[k + 1][2][:1].isupper()

    def _np_step(self, toks, low, k, start, hi, leading) -> str:
        """What token k is to a noun phrase that began at `start` and whose last word so far is
        `hi`: "last" (a pronoun that is the whole phrase), "word" (part of it), "skip" (a
        preposition or mark inside a name, part of it if a word follows) or "stop"."""
        t, lk = toks[k][2], low[k]
        if lk in self.pronouns and k == start and lk not in self.pronouns_not_np_start:
            return "last"
        if lk in self.determiners or lk[:1].isdigit():
            return "word"
        if hi >= start and k + 1 < len(toks) and self._np_joiner(toks, low, k):
            return "skip"
        if hi >= start and t.islower() and t.isalpha() and self._name_word(toks, low, hi):
            if t.endswith("ed") and _verb_form(t):
                return "stop"  # "Ruiz smiled, pointing out ...": a past form after a name is its verb
            if leading and lk not in self.subject_nouns:
                return "stop"  # "Berg met the crew before adding ...": a subject's name, then its verb
        # A cue word is a noun here ("a state audit") unless it may be the verb after a subject.
        if _nounish(t, lk, self) or (
            not leading and t.isalpha() and lk in self.cue_words and lk not in self.stops and lk not in self.gap and hi >= start
        ):
            return "word"
        return "stop"

    def _set_source(self, a, toks, low, lo, hi) -> bool:
        a.source_start, a.source_end = toks[lo][0], toks[hi][1]
        a.source_kind = self._kind_of("", toks, low, toks[lo][0], lo, hi)
        return True

    def _kind_of(self, source: str, toks, low, at: int, lo: int | None = None, hi: int | None = None) -> str:
        if lo is None or hi is None:
            lo = _token_at(toks, at)
            hi = lo
            while hi + 1 < len(toks) and toks[hi + 1][1] <= at + len(source):
                hi += 1
        words = low[lo : hi + 1]
        if len(words) == 1 and (words[0] in self.pronouns or (words[0][:-2] in self.pronouns and words[0][-2:] in ("'s", "’s"))):
            return "pronoun"  # "he", and "he's" of "he's said"
        heads = [w for w in words if w.isalpha() or "-" in w]
        head = heads[-1] if heads else ""
        if head in self.documents or any(w in self.documents for w in words[-2:]):
            return "document"
        if any(self._name_word(toks, low, k) for k in range(lo, hi + 1)):
            return "named"
        if head in self.vague or (words and words[0] in self.vague and len(words) <= 2):
            return "vague"
        return "described"

    def _name_word(self, toks, low, k: int) -> bool:
        """Whether token k is part of a name: capitalised, and no source noun, pronoun or (opening
        the sentence) common opener, number or stop word."""
        w = low[k]
        if not toks[k][2][:1].isupper() or w in self.subject_nouns or w in self.pronouns:
            return False
        return not (k == 0 and (w in self.common_openers or w in self.numbers or w in self.stops))

    def _content_after(self, a, text, toks, low) -> None:
        """The reported clause: from after the cue (and a "that" or colon) to the sentence end."""
        k = _token_at(toks, a.end)
        if k > 0 and low[k - 1] in self.addressee:
            # "told The Hill that ...": the hearer is no part of what was said.
            k = max(k, self._np_right_end(toks, low, k, leading=True) + 1)
        while k < len(toks) and low[k] in ("that", ":", ",", "—", "–"):
            k += 1
        _content_to_end(a, text, toks, k)

    def _content_before(self, a, text, toks, at: int | None = None) -> None:
        """An inverted cue ("..., said Smith", "..., according to X") reports what comes before
        it; with nothing before, what comes after its source."""
        lo = len(text) - len(text.lstrip())
        hi = a.start if at is None else at
        while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:—–"):
            hi -= 1
        # "As reported by X, ...", "When asked by a host if ...": an opening word is no content.
        if hi > lo and not all(w.lower() in self.subordinators for w in text[lo:hi].split()):
            a.content_start, a.content_end = lo, hi
            return
        k = _token_at(toks, max(a.end, a.source_end))
        while k < len(toks) and toks[k][2] in ",:—–":
            k += 1
        _content_to_end(a, text, toks, k)

    # --- the older word tests, kept for the reporting verbs the rules rely on --------------

    def _subject_like(self, before: list[str], text: str, s: int) -> bool:
        if not before:
            return False
        prev = before[-1]
        low = prev.lower()
        if low in self.auxiliary_gap and len(before) > 1:
            return self._subject_like(before[:-1], text, s)
        if low in self.subject_pronouns or low in self.source_nouns or low in self.documents:
            return True  # "..., fundraising documents show."
        m = self.contracted.match(low)
        if m and m.group(1) in self.subject_pronouns:
            return True  # "they’ve suggested", "she’d said"
        # A capitalised word: a name ("Gallup shows", "Farenthold pledged"); at the opening of
        # a sentence a capital proves less, so a lone opener must not be a common word.
        if not prev[:1].isupper():
            return False
        return text[:s].strip() != prev or low not in self.common_openers

    def _after_appositive(self, toks, low, i) -> bool:
        """Whether the verb at token i follows a subject and its appositive: "Trump, a Republican
        front-runner in the race, has repeatedly promised ..."."""
        k = i - 1
        while k >= 0 and (low[k] in self.auxiliary_gap or low[k] in self.gap or low[k].endswith("ly")):
            k -= 1
        if k < 1 or toks[k][2] != ",":
            return False
        c = k - 1
        while c >= 0 and toks[c][2] != "," and k - c <= _MAX_NP + 4:
            c -= 1
        if c < 1 or toks[c][2] != ",":
            return False
        if low[c + 1] not in self.articles and not toks[c + 1][2][:1].isupper() and not self._appositive_before(toks, low, k):
            # An appositive opened by a bare noun of office ("Nigel Farage, leader of the
            # party, says") is a noun phrase all the same.
            return False
        name = toks[c - 1][2]
        return (name[:1].isupper() or low[c - 1] in self.source_nouns) and low[c - 1] not in self.common_openers

    def _clause_follows(self, text: str, s: int, e: int, before: list[str]) -> bool:
        """A verb form that is also a noun reads as a verb when a reported clause follows it
        ("estimates that", "says it raised"), after a subject or an appositive's comma."""
        if not self.clause_after.match(text, e):
            return False
        if before:
            return before[-1].lower() not in self.determiners
        return text[:s].rstrip().endswith(",")


def _nounish(t: str, lk: str, finder: AttributionFinder) -> bool:
    """A token that can be part of a source's noun phrase: a name, a number, a noun or an
    adjective (any word that is not a function word, a pronoun or a cue)."""
    if not t[:1].isalnum():
        return False
    if t[:1].isupper() and lk in finder.name_auxiliaries:
        return True  # "George Will", "Theresa May"
    if lk in finder.stops or (lk in finder.pronouns and not t[:1].isupper()):
        return False
    if t[:1].isupper() or t[:1].isdigit():
        return True
    return (lk not in finder.cue_words or lk in finder.subject_nouns) and lk not in finder.gap


def _verb_form(t: str) -> bool:
    """A lowercase word with a verb's ending: past (-ed) or present (-s)."""
    return t.isalpha() and t.islower() and len(t) > 3 and (t.endswith("ed") or (t.endswith("s") and not t.endswith("ss")))


def _comma_at(toks, k: int) -> bool:
    """Whether token k is a comma, or the closing mark of a quotation that ends in one (a
    “bad earpiece,” claiming ...): the comma that sets off what follows."""
    t = toks[k][2]
    return t == "," or (t in _CLOSING_MARKS and k > 0 and toks[k - 1][2] == ",")


def _blank_gap(text, toks, k, i) -> bool:
    """Whether a quotation (blanked) stood between tokens k and i: a wide run of spaces."""
    return "   " in text[toks[k][1] : toks[i][0]]


def _mark_repeats(atts: list[Attribution]) -> None:
    """Mark cues that overlap a better one, or start inside another attribution's source. Of
    overlapping cues the one with a source apart from its cue wins, then the shorter."""

    def rank(a):
        own = a.source_start >= 0 and not (a.source_start <= a.start and a.end <= a.source_end)
        return (0 if own else 1, a.end - a.start)

    # Of two cues on the same words (a phrase and its verb) the one found first wins.
    order = {id(a): n for n, a in enumerate(atts)}
    for a in atts:
        for b in atts:
            if b is a or b.repeat:
                continue
            if (
                b.source_start >= 0
                and (b.source_end <= b.start or b.source_start >= b.end)
                and b.source_start <= a.start < b.source_end
            ):
                a.repeat = True
                break
            if a.start < b.end and b.start < a.end and (rank(b), b.start, order[id(b)]) < (rank(a), a.start, order[id(a)]):
                a.repeat = True
                break


def _share_subjects(atts: list[Attribution], text: str) -> None:
    """A participle or second verb that shares a subject ("..., he said, adding that ...")
    takes the source of the nearest cue before it in the sentence, whose subject it is."""
    for n, a in enumerate(atts):
        if not a.shares_subject or a.repeat:
            continue
        for b in reversed(atts[:n]):
            if not b.repeat and not b.nested and b.source_start >= 0 and b.end <= a.start:
                a.source_start, a.source_end, a.source_kind = b.source_start, b.source_end, b.source_kind
                a.source = text[a.source_start : a.source_end]
                break


def _mark_nested(atts: list[Attribution], text: str, clause_break: regex.Pattern, according: frozenset[str]) -> None:
    """A cue inside the reported clause of an earlier cue is nested ("X said Y believes ...").
    A comma, a dash or a conjunction between them ends that clause first ("X criticized Y, and
    said ...", "..., who backed him, ... Mook said")."""
    for a in atts:
        if a.repeat or a.content_start < 0 or (a.content_start < a.end and a.content_end > a.start):
            continue
        for b in atts:
            if b is not a and a.content_start <= b.start and b.end <= a.content_end:
                if a.content_end <= a.start:
                    # "X said Y, according to Z": the inverted cue holds the whole. A participle
                    # does not ("..., he said, citing the polls"): it qualifies the cue before it.
                    cue = " ".join(a.cue.lower().split())
                    if cue in according or not cue.split()[0].endswith("ing"):
                        b.nested = True
                    continue
                if not clause_break.search(text[a.end : b.start]):
                    b.nested = True


# Read only while the rules are compiled (a cached run never needs them): pattern strings,
# compiled by `re` on first use.
_LIST_REF = r"\\L<(\w+)>"
_LEAD_WORD = r"(?:\\b)?([a-z]+)(?=\\s|\\b|\(\?=)"
_LEAD_GROUP = r"(?:\\b)?\(\?:((?:[a-z]+(?:s\?)?\|)*[a-z]+(?:s\?)?)\)(?=\\s|\\b)"


def _triggers(pattern: str, lexicon: Lexicon) -> frozenset[str] | None:
    """The words one of which a sentence must hold for the pattern to match: the first words of
    its first named list (\\L<name>), else its leading word or group of words; None when the
    pattern gives neither (it then runs on every sentence)."""
    m = re.search(_LIST_REF, pattern)
    if m:
        return frozenset(t[0] for t in (_tokens_lower(w) for w in lexicon.words(m.group(1))) if t)
    m = re.match(_LEAD_WORD, pattern)
    if m:
        return frozenset([m.group(1)])
    m = re.match(_LEAD_GROUP, pattern)
    if m:
        out: set[str] = set()
        for w in m.group(1).split("|"):
            out.update((w[:-2], w[:-2] + "s") if w.endswith("s?") else (w,))
        return frozenset(out)
    return None


def _title_case(toks, small: frozenset[str]) -> bool:
    """Whether a sentence is set in title case: four or more words of three letters or more,
    every one capitalised but the small function words a title may leave in lower case (a
    sentence capitalises only its names: "Only The Rachel Maddow Show hit 50%" is none)."""
    count = 0
    for _s, _e, w in toks:
        if len(w) >= 3 and w[:1].isalpha():
            if not w[:1].isupper() and w.lower() not in small:
                return False  # most sentences stop at their second or third word
            count += 1
    return count >= 4


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """The one tokeniser: (start, end, text) of each word and punctuation mark."""
    if _FAST_UNSAFE.search(text) is None:
        # Tokens cover every character but white space, so each token is the first occurrence
        # of its text after the end of the one before.
        out = []
        end = 0
        find = text.find
        for tok in _FAST_TOKEN.findall(text):
            start = find(tok, end)
            end = start + len(tok)
            out.append((start, end, tok))
        return out
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _tokens_lower(phrase: str) -> list[str]:
    return [m.group(0).lower() for m in _TOKEN.finditer(phrase)]


def _token_at(toks, offset: int) -> int:
    """Index of the first token that ends after `offset`."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid][1] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _content_to_end(a: Attribution, text: str, toks, k: int) -> None:
    """The content from token k to the sentence's end, without its closing punctuation."""
    end = len(text.rstrip())
    while end > 0 and text[end - 1] in ".!?":
        end -= 1
    if k < len(toks) and toks[k][0] < end:
        a.content_start, a.content_end = toks[k][0], end


def _inside(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _words(toks, lo: int, hi: int) -> list[str]:
    """The words of tokens lo..hi-1, a full stop joined to the word it touches ("Gov.", "U.S.")."""
    out: list[str] = []
    glued = False
    for k in range(lo, hi):
        t = toks[k][2]
        if t[0].isalnum():
            if out and k > lo and toks[k - 1][1] == toks[k][0] and toks[k - 1][2] == "." and glued:
                out[-1] += t
            else:
                out.append(t)
            glued = True
        elif t == "." and out and glued and toks[k - 1][1] == toks[k][0]:
            out[-1] += t
        else:
            glued = False
    return out


def _words_before(toks, i: int, n: int) -> list[str]:
    """Up to n words before token i, within the same clause (stops at , ; : ( ) or a dash)."""
    lo = i
    while lo > 0 and toks[lo - 1][2] not in ",;:—–()":
        lo -= 1
    return _words(toks, lo, i)[-n:]


def _words_after(toks, i: int, n: int, limit: int) -> str:
    """Up to n words from token i on, within `limit` characters: the source after a cue."""
    hi = i
    while hi < len(toks) and toks[hi][1] <= limit:
        hi += 1
    return " ".join(_words(toks, i, hi)[:n])
