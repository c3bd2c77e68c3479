"""Kind `headline-hedge-mismatch`: the headline and the body disagree on how sure the claim is.

The headline is read for its stance: plain (the paper's own voice), hedged (a hedge word,
claim quotes), attributed (a source before a colon or after a dash, "X says"), or reported
speech ("Aide calls visit 'destructive'"), which states a speech event and is neither. The
body's first mention of the claim (attrlint.analysis.claims) is read the same way: hedged,
attributed, plain, or sourced to an authoritative release ("data showed", "confirmed",
"was declared the winner"), which headlines conventionally state as fact.

(a) a plain headline over a hedged or attributed first mention is a finding; (b) a hedged
or attributed headline over a plain first mention is one too, unless the body sentence
names the headline's own speaker (then it reports that speaker's stance: "Clinton: I
support statehood" over "Clinton wants to see D.C. become a state").

Precision rules learnt on real copy: a lexical hedge counts only where it governs a headline
word the sentence has not already stated ("charged with battery for allegedly shoving a
reporter" hedges the charge, not the headline); a modal or attribution that concedes before a
"but" gives way to the clause after it; participles ("..., claiming that"), reporting verbs
used as adjectives, passives without an agent and cues that name no source (legend,
reflexives, relative clauses) do not distance the claim; an actor's own release or an
official body's word on its own action is stated as fact by convention; and (b) needs a
sentence with no cue, condition or forecast in any clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import ClassVar

import regex

from attrlint import memo
from attrlint.analysis.claims import (
    HEADLINE_QUOTE,
    RangeReader,
    content_stems,
    lede_sentences,
    name_stems,
    overlaps,
    shared,
    stems_match,
)
from attrlint.engine.rules import Option, Rule, register
from attrlint.memo import Memo
from attrlint.model.lexicon import pattern_alternation, word_alternation
from attrlint.patterns import compiled

_FLAGS = regex.V1 | regex.IGNORECASE
# Patterns of the checks below, compiled once (and kept in the rule cache, see attrlint.patterns).
_SECOND_CLAUSE = compiled(r"\s+[–—-]\s+")  # a second clause after a dash
_BEFORE_COLON = compiled(r"^\s*([^:]{1,60}?)\s*:\s+(.+)$")  # a label or source before a colon
_SOURCE_AFTER = compiled(
    r"(?:\s*:\s+|\s+(?:--|[-–—])\s*|\s*[-–—]\s*(?=\p{Lu}{2,}\s*$))([^:–—-]{1,40})$"
)  # a source after a final colon or dash
_CAPITALS = compiled(r"\p{Lu}{2,}")  # an acronym
_TO = compiled(r"\s+to\s")  # "urged to"
_BY = compiled(r"\s+by\b")  # "blasted by"
_NEXT_WORD = compiled(r"\s+([\p{L}][\p{L}'’-]*)")  # the word after a quotation
_CLAUSE_MARK = compiled(r"[,;:—–]")  # punctuation that ends a clause
_WORD_RE = compiled(r"\p{L}+")
_PARENTHESIS = compiled(r"\([^()]*\)")
_CLAUSE_END = compiled(r"[:;]|\s[—–-]{1,2}\s")
# The last word before an offset, within its clause.
_PREV_WORD = compiled(r"(\p{L}+)[^\p{L},;:()—–]*$")

# How the message says a headline holds its claim.
_VERB_OF_WAY = {"hedged": "hedges", "attributed": "attributes"}


@dataclass
class Stance:
    """How a headline holds its claim: plainly, hedged, attributed or as speech."""

    way: str  # plain, hedged, attributed, speech, skip
    cue: str = ""
    speaker: str = ""  # the headline's source, when it names one
    claim: str = ""  # the headline's claim, without its source, label or second clause
    quoted: str = ""  # the words of claim quotes, when they are the headline's only hedge
    actor: str = ""  # who a speech headline says spoke ("Al-Sisi proposes: ...")


@dataclass
class _Framing:
    """A headline's claim once its furniture is read (a label, kicker, source or second clause
    taken off), and the source that furniture names."""

    claim: str
    speaker: str = ""  # the source's words
    attributed_by: str = ""  # the source as the headline sets it ("Police:", "CNN")


@register
class HeadlineHedge(Rule):
    kind = "headline-hedge-mismatch"
    aliases = ("headline-hedge",)  # the kind's name before it took its rule's
    placeholders = frozenset({"direction", "headline_way", "body_way", "line"})
    options: ClassVar[dict[str, Option]] = {
        "hedges": Option(
            "patterns", [], "hedge cues, in headline or body, that distance a claim wherever they stand (allegedly, so-called)"
        ),
        "modal_hedges": Option(
            "patterns",
            [],
            "hedges that qualify only their own clause (may, could, appears to): in the body they count in the main clause",
        ),
        "headline_hedges": Option("patterns", [], "further hedge cues that count only in a headline (claims, reports)"),
        "belief_cues": Option(
            "patterns",
            [],
            "cues that credit a claim to someone's belief or account (he believes), besides the lexicon's reporting verbs",
        ),
        "authoritative": Option(
            "patterns",
            [],
            "a body sentence matching one of these sources an authoritative release or result: not a distancing attribution",
        ),
        "speech_verbs": Option(
            "words",
            [],
            "headline verbs that report what someone said (calls, urges, accuses): the headline states a speech event",
        ),
        "source_words": Option(
            "words", [], "words that make a colon or dash phrase in a headline a source (monitor, police, report)"
        ),
        "not_claims": Option(
            "patterns", [], "headlines matching one of these make no claim of their own (When ..., How to ..., Watch ...)"
        ),
        "source_subjects": Option(
            "patterns",
            [],
            "a headline claim opening with one of these names its source as its subject (New poll gives ..., Study finds ...)",
        ),
        "releases": Option(
            "patterns",
            [],
            "a body sentence matching one of these names a release (said in a statement): when its source is the headline's own actor, the claim is that actor's announced decision",
        ),
        "concessions": Option(
            "patterns",
            [],
            "a turn after a modal hedge that makes its clause a concession (X may be Y, but ...): the claim is the part after the turn",
        ),
        "not_sources": Option("patterns", [], "attribution cues that name no source (according to legend, found himself)"),
        "participle_cues": Option(
            "patterns",
            [],
            "participial reporting cues (saying that, warning that): they keep a body sentence from being plain fact (b)",
        ),
        "source_leads": Option(
            "words", [], "first words of a cue that leads to its source (according, citing, per): always an attribution"
        ),
        "headline_cues": Option(
            "patterns", [], "attribution cues of a headline's main clause that attribute it (says, told, claims)"
        ),
        "document_verbs": Option(
            "patterns", [], "headline speech verbs that a document does as well as a speaker (shows, finds): no actor speaks"
        ),
        "report_cues": Option(
            "patterns",
            [],
            "cues that credit a report (according to, reports): a report by someone other than the headline's speaker",
        ),
        "plain_blockers": Option(
            "patterns",
            [],
            "words that keep a body sentence from being plain fact (b) though they attribute nothing (if, predictions)",
        ),
        "official_bodies": Option(
            "words", [], "official bodies whose own statement of their own action is a release (council, committee, department)"
        ),
        "max_headline_words": Option(
            "int", 30, "a first line longer than this is body copy, not a headline (the article has none)"
        ),
        "labels": Option("words", [], "headline labels before a colon that are not sources (BREAKING, WATCH)"),
        "first_person": Option("words", [], "words that make a headline's claim the speaker's own words (I, we, my)"),
        "clause_hedges": Option(
            "patterns",
            [],
            "cues that doubt what they report (claims, alleges): in a headline's subordinate clause they keep the body's hedge",
        ),
        "relatives": Option(
            "words", [], "relative pronouns: a cue set off by commas inside a relative clause qualifies that clause only"
        ),
        "subordinators": Option(
            "words", [], "words that open a subordinate clause: a cue after one does not qualify the main claim"
        ),
        "stopwords": Option("words", [], "words that are not key content words"),
        "standfirst_markers": Option(
            "patterns", [], "page-header furniture (reading time, date) below which a leading paragraph is a standfirst"
        ),
        "word_forms": Option("mapping", {}, "irregular word forms and their base form, so that 'stung' matches 'stings'"),
        "subject_words": Option(
            "int", 2, "a body sentence must share one of the headline claim's first this many key words (its subject)"
        ),
        "claim_cues": Option(
            "words",
            [],
            "cues (their first word) that put a body claim at a distance for (a): say, according, reported; other reporting verbs (joked, repeated, showed) report an event the headline may state",
        ),
        "own_plan": Option(
            "patterns", [], "what follows a subject's own speech cue when it announces its next step (he will, they plan to)"
        ),
        "actor_words": Option(
            "int", 2, "a body source sharing one of the headline claim's first this many key words is the headline's own actor"
        ),
        "first_paragraphs": Option("int", 4, "how many body paragraphs are searched for the headline's claim"),
        "min_headline_words": Option("int", 3, "headlines with fewer key content words make no checkable claim"),
        "min_shared": Option("int", 2, "key content words a body sentence must share with the headline"),
        "min_shared_plain": Option(
            "int",
            3,
            "key content words a plain body sentence must share with a hedged headline before it is called the same claim stated as fact (b)",
        ),
        "min_fraction": Option("float", 0.34, "share of the headline's key content words a body sentence must carry"),
        "vague_ranges": Option("mapping", {}, "vague quantities and the counts they allow, [low, high]"),
        "approximators": Option("mapping", {}, "approximators and the factors of the stated figure they allow, [low, high]"),
        "tolerance": Option("float", 0.1, "how far a headline figure may be rounded, as a share of it"),
    }

    def prepare(self) -> None:
        o = self.opts
        self._hedge = regex.compile(pattern_alternation(o["hedges"]), _FLAGS)
        self._modal = regex.compile(pattern_alternation(o["modal_hedges"]), _FLAGS)
        self._headline_hedge = regex.compile(pattern_alternation(o["hedges"] + o["modal_hedges"] + o["headline_hedges"]), _FLAGS)
        self._belief = regex.compile(pattern_alternation(o["belief_cues"]), _FLAGS)
        self._authoritative = regex.compile(pattern_alternation(o["authoritative"]), _FLAGS)
        self._speech = regex.compile(rf"(?<![\p{{L}}'’-])(?:{word_alternation(o['speech_verbs'])})(?![\p{{L}}'’-])", _FLAGS)
        # The shared lexicon's described sources count too ("- union", "Police: ..."), but
        # not its pronouns, which never stand alone as a headline's source.
        lex = self.lexicon
        self._pronouns = lex.word_class("subject_pronouns") if lex else frozenset()
        self._be = lex.word_class("be_forms") if lex else frozenset()
        self._negations = lex.word_class("negations") if lex else frozenset()
        self._negation_endings = tuple(lex.words("negation_endings")) if lex else ()
        self._prepositions = lex.word_class("prepositions") if lex else frozenset()
        self._articles = lex.word_class("articles") if lex else frozenset()
        self._cue_leads = regex.compile(lex.alternation("quoted_cue_leads") if lex else r"(?!x)x", regex.I)
        self._leads = frozenset(w.lower() for w in o["source_leads"])
        lexicon_sources = lex.word_set("source_nouns") if lex else frozenset()
        self._source_words = frozenset(w.lower() for w in o["source_words"]) | frozenset(
            w for w in lexicon_sources if w not in self._pronouns
        )
        self._labels = frozenset(w.lower() for w in o["labels"])
        self._not_claims = regex.compile(pattern_alternation(o["not_claims"]), _FLAGS)
        self._source_subjects = regex.compile(pattern_alternation(o["source_subjects"]), _FLAGS)
        self._subjects = Memo(memo.SENTENCES)
        self._releases = regex.compile(pattern_alternation(o["releases"]), _FLAGS)
        self._concessions = regex.compile(pattern_alternation(o["concessions"]), _FLAGS)
        self._not_sources = regex.compile(pattern_alternation(o["not_sources"]), _FLAGS)
        self._participles = regex.compile(pattern_alternation(o["participle_cues"]), _FLAGS)
        self._plain_blockers = regex.compile(pattern_alternation(o["plain_blockers"]), _FLAGS)
        self._official = frozenset(w.lower() for w in o["official_bodies"])
        self._report_cue = regex.compile(pattern_alternation(o["report_cues"]), _FLAGS)
        self._says = regex.compile(pattern_alternation(o["headline_cues"]), regex.IGNORECASE)
        self._document_verb = regex.compile(pattern_alternation(o["document_verbs"]), regex.IGNORECASE)
        self._first_person = frozenset(w.lower() for w in o["first_person"])
        self._clause_hedges = regex.compile(pattern_alternation(o["clause_hedges"]), _FLAGS)
        self._relatives = regex.compile(rf"(?<![\p{{L}}])(?:{word_alternation(o['relatives'])})(?![\p{{L}}])", _FLAGS)
        self._subordinators = regex.compile(rf"(?<![\p{{L}}])(?:{word_alternation(o['subordinators'])})(?![\p{{L}}])", _FLAGS)
        self._stop = frozenset(w.lower() for w in o["stopwords"])
        self._forms = {str(k).lower(): str(v).lower() for k, v in o["word_forms"].items()}
        self._markers = regex.compile(pattern_alternation(o["standfirst_markers"]), _FLAGS)
        self._own_plan = regex.compile(rf"\s+(?:that\s+)?(?:{pattern_alternation(o['own_plan'])})", _FLAGS)
        self._claim_cues = frozenset(w.lower() for w in o["claim_cues"])
        self._ranges = RangeReader(o["vague_ranges"], o["approximators"], o["tolerance"], 1.5)

    # --- the rule ----------------------------------------------------------------------

    def check(self, article, facts):
        head = article.headline
        if head is None or not article.paragraphs:
            return
        stance = self.read_headline(article, facts, head)
        if stance.way == "skip":
            return
        words = content_stems(stance.claim, self._stop, self._forms)
        if len(words) < self.opts["min_headline_words"]:
            return
        sent, overlap = self.claim_sentence(article, facts, head, words)
        if sent is None:
            return
        body_way, body_cue, body_source, body_main = self.read_body(sent, facts, words)
        if body_way in ("hedged", "attributed") and self._deck_distances(article, facts, words):
            # The deck belongs with the headline: "Bleak outlook for Bloomberg run" over "Chances
            # ... are small, according to poll" already gives the story its source.
            return
        line = article.position(sent.start)[0]

        def mismatch(direction: str, headline_way: str, body_says: str):
            return self.diagnostic(
                article,
                head.start,
                head.end,
                see=(sent.start, "the body's first mention of the claim"),
                direction=direction,
                headline_way=headline_way,
                body_way=body_says,
                line=line,
            )

        if (
            stance.way == "speech"
            and body_way == "hedged"
            and body_main
            and not stance.speaker
            and not self._attributes_in_clause(head.text)
        ):
            # A headline that reports what someone said still drops a hedge the body keeps:
            # "ambassador reveals ISIS organ trade" over "ISIS might be harvesting organs".
            yield mismatch("a", "states the claim without the body's hedge", f"hedges it ('{body_cue}')")
        elif (
            stance.way == "speech"
            and body_way == "attributed"
            and self._third_party(stance.actor, body_cue, body_source, sent.unquoted)
        ):
            # The body credits the speech itself to someone else ("Al-Sisi proposes: ..." over
            # "al-Sisi has offered ..., according to local Israeli media"): it is a report of a
            # report, and the headline states it as fact.
            yield mismatch("a", "states what was said as fact", f"attributes it ('{body_cue}')")
        elif stance.way == "plain" and body_way == "attributed" and self._actor_speaks(sent, body_cue, body_source, words):
            # The body's source is the headline's own subject ("Trump tweet includes ..." over
            # "Trump tweeted ...", "Republicans pile on ..." over "Republicans lashed out"):
            # the headline reports that actor's act, it does not state their claim as fact.
            return
        elif stance.way == "plain" and body_way in ("hedged", "attributed"):
            yield mismatch(
                "a",
                "states the claim in the paper's own voice",
                f"{'hedges' if body_way == 'hedged' else 'attributes'} it ('{body_cue}')",
            )
        elif (
            stance.way in ("hedged", "attributed") and body_way == "plain" and self._states_as_fact(stance, sent, facts, overlap)
        ):
            yield mismatch(
                "b",
                f"{_VERB_OF_WAY[stance.way]} the claim ('{stance.cue.strip()}')",
                "states it as plain fact with no source",
            )

    def _deck_distances(self, article, facts, words: list[str]) -> bool:
        """Whether a deck line names the story's source in its main clause ("..., according to
        poll", "One organizer says ..."). A hedge there qualifies only the deck's own claim
        ("Candidate is expected to need ...")."""
        for line in article.deck:
            way, _, _, main = self.read_body(line, facts, words)
            if way == "attributed" and main:
                return True
        return False

    def _states_as_fact(self, stance: Stance, sent, facts, overlap: int) -> bool:
        """Whether a plain body sentence states the hedged or attributed headline's claim as
        fact with no source (b)."""
        # Saying the headline overstated its doubt needs a closer match than (a) does.
        if overlap < self.opts["min_shared_plain"]:
            return False
        # "Plain fact with no source" must hold for the whole sentence: a source or hedge
        # in any clause ("after the ambassador said", "a video which they claim shows")
        # still keeps the claim at a distance.
        if self.any_cue(sent, facts):
            return False
        if stance.speaker and self._names(sent.unquoted, stance.speaker):
            return False
        if stance.way == "attributed" and stance.cue and self._same_act(stance.cue, sent.unquoted):
            return False
        return not (stance.quoted and not self._states_quoted(sent, stance.quoted))

    def _same_act(self, cue: str, body: str) -> bool:
        """Whether the body names the headline's act of saying itself ("Chief Praises Donor's
        Campaign" over "Murphy praised the efforts", "governor endorses Cruz" over "received
        the endorsement of"): then the act is the news, which the body states as the fact it
        is, and no claim lost its source."""
        cue_stems = set(content_stems(cue, self._stop, self._forms))
        if not cue_stems:
            return False
        body_stems = content_stems(body, self._stop, self._forms)
        return any(b.startswith(c) for b in body_stems for c in cue_stems if len(c) >= 4)

    # --- the headline ------------------------------------------------------------------

    def read_headline(self, article, facts, head) -> Stance:
        text = head.text.strip()
        if text.rstrip(" .\"'”’").endswith("?") or self._not_claims.match(text):
            return Stance("skip")
        if len(text.split()) > self.opts["max_headline_words"]:
            return Stance("skip")  # a lede paragraph taken for a headline: the article has none
        framing = self._frame(article, facts, text)
        if framing is None:
            return Stance("skip")  # the words before the colon are the byline
        return self._stance(facts, head, text, framing)

    def _frame(self, article, facts, text: str) -> _Framing | None:
        """The headline's claim and the source it names, its furniture taken off; None when it
        opens with the byline."""
        framing = self._before_colon(article, facts, text)
        if framing is None:
            return None
        if not framing.attributed_by:
            self._source_after(article, facts, framing)
        if not framing.attributed_by:
            # By the claim's words alone: the language server reads the same headline again
            # after every edit in the body, and the subjects are many patterns.
            subject = self._subjects.get(framing.claim, partial(self._source_subjects.match, framing.claim))
            if subject:
                # "New poll gives Clinton a lead", "Study finds ...": the source is the subject.
                framing.speaker = framing.attributed_by = " ".join(subject.group(0).split())
        if not framing.attributed_by:
            # A second clause after a dash is another claim; the first is the headline's.
            parts = _SECOND_CLAUSE.split(framing.claim, maxsplit=1)
            if len(parts) == 2 and len(parts[0].split()) >= 3:
                framing.claim = parts[0]
        return framing

    def _before_colon(self, article, facts, text: str) -> _Framing | None:
        """A label or a source before a colon; a kicker before a colon is dropped. None when
        what stands before the colon is the byline."""
        m = _BEFORE_COLON.match(text)
        if not m:
            return _Framing(text)
        pre, post = m.group(1), m.group(2)
        pre_words = pre.split()
        if pre.lower().strip() in self._labels:
            return _Framing(post)
        if self._is_byline(article, pre):
            return None
        if len(pre_words) <= 6 and self._is_source(article, facts, pre):
            return _Framing(post, pre, f"{pre}:")
        if post.lstrip()[:1] in "'‘\"“" and self._is_source(article, facts, " ".join(pre_words[:3])):
            # "Gillibrand on Hillary releasing her transcripts: 'I think she will'": a long
            # label, but a source's name opens it and her words follow.
            return _Framing(post, pre_words[0], f"{pre}:")
        if len(pre_words) <= 4 and not self._speech.search(pre):
            return _Framing(post)  # a kicker: "Tail of survival: ..."
        return _Framing(text)

    def _source_after(self, article, facts, framing: _Framing) -> None:
        """A source after a final colon or dash: "...: Report", "... - officials", "...-CNN"."""
        m = _SOURCE_AFTER.search(framing.claim)
        if not m:
            return
        tail = m.group(1).strip(" .")
        # An acronym standing last is an agency or outlet ("...: SITE", "...-CNN").
        acronym = _CAPITALS.fullmatch(tail) and tail.lower() not in self._labels
        if len(tail.split()) <= 4 and (acronym or self._is_source(article, facts, tail)):
            framing.speaker, framing.attributed_by, framing.claim = tail, tail, framing.claim[: m.start()]

    def _stance(self, facts, head, text: str, framing: _Framing) -> Stance:
        """How the headline holds its claim, once its furniture is read."""
        claim, speaker = framing.claim, framing.speaker
        # A quoted name set before its noun ("'religious freedom' law") labels a thing; it
        # does not hold the claim at a distance.
        quotes = [q for q in HEADLINE_QUOTE.finditer(claim) if not self._label_quote(claim, q)]
        # Only cues of the main clause attribute the claim: "... after ambassador reveals" does not.
        speech = next((m for m in self._speech.finditer(claim) if self._main_clause(claim, m.start())), None)
        says = self._headline_says(facts, head, text, claim)
        first_person = any(w.lower().strip(".,!'’\"“”‘") in self._first_person for w in claim.split())
        hedge = self._headline_hedge.search(HEADLINE_QUOTE.sub(lambda q: " " * len(q.group(0)), claim))
        if hedge:
            return Stance("hedged", hedge.group(0), speaker, claim)
        if quotes and not (speaker or speech or says or first_person):
            return Stance("hedged", quotes[0].group(0), speaker, claim, quotes[0].group("words"))
        if framing.attributed_by:
            if first_person or (quotes and claim.lstrip()[:1] in "'‘\"“"):
                return Stance("speech", framing.attributed_by, speaker, claim)
            return Stance("attributed", framing.attributed_by, speaker, claim)
        if says:
            a = says[0]
            return Stance("attributed", head.unquoted[a.start : a.end], a.source, claim)
        if speech:
            return self._speech_stance(claim, speech)
        return Stance("plain", "", "", claim)

    def _headline_says(self, facts, head, text: str, claim: str) -> list:
        """The attributions of the headline's main clause whose cue attributes it (says, told)."""
        offset = text.find(claim)
        return [
            a
            for a in facts.attributions(head)
            if (offset < 0 or self._main_clause(claim, a.start - offset)) and self._says.fullmatch(a.cue.strip())
        ]

    def _speech_stance(self, claim: str, speech) -> Stance:
        """A headline whose main verb reports what someone said (calls, urges, accuses)."""
        # "Source suggests ...", "officials warn ...": a described source, so attributed.
        before = claim[: speech.start()].split()
        passive = _TO.match(claim[speech.end() :]) and speech.group(0).lower().endswith("ed")
        if before and not passive and before[-1].lower().strip(",") in self._source_words:
            return Stance("attributed", f"{before[-1]} {speech.group(0)}", before[-1], claim)
        # Who spoke, when the verb is active: "UN urged to ...", "X blasted by Y" say neither.
        # A document that "shows" or "finds" is quoted by the body in other words ("according
        # to excerpts"), so only a speaker counts.
        active = not passive and not _BY.match(claim[speech.end() :]) and not self._document_verb.fullmatch(speech.group(0))
        return Stance("speech", speech.group(0), "", claim, actor=" ".join(before) if active else "")

    def _label_quote(self, claim: str, q) -> bool:
        words = q.group("words").split()
        if len(words) > 1 and words[0].lower() in self._articles:
            return True  # "Post Assembles 'A Sizable Army' Of Reporters": a quoted noun phrase names a thing
        nxt = _NEXT_WORD.match(claim[q.end() :])
        return nxt is not None and nxt.group(1).lower() not in self._stop and not self._speech.fullmatch(nxt.group(1))

    def _is_source(self, article, facts, phrase: str) -> bool:
        """Whether a colon or dash phrase names a source: a source word, or a name the body
        quotes as a source ("Clinton:" over "Clinton wrote")."""
        words = [w.strip(".,'’\"") for w in phrase.split()]
        # A label beside a source still names it ("WSJ editorial:"); a label alone does not.
        words = [w for w in words if w.lower() not in self._labels]
        if not words:
            return False
        if any(w.lower() in self._source_words for w in words):
            return True
        names = [w for w in words if w[:1].isupper() and w.lower() not in self._stop]
        if not names or len(names) < len(words) - 1:
            return False
        # Any of the names: "Clinton to Planned Parenthood:" is Clinton speaking to someone.
        named = regex.compile(rf"(?<!\p{{L}})(?:{'|'.join(regex.escape(n) for n in names)})(?!\p{{L}})")
        for sent in article.sentences[:60]:
            for a in facts.attributions(sent):
                if named.search(a.source):
                    return True
        return False

    def _states_quoted(self, sent, quoted: str) -> bool:
        """Whether the body sentence says the headline's quoted words in its own voice: scare
        quotes around someone's word ("'Pervert' Weiner") are that person's, and only a body
        that asserts the same words unquoted drops the headline's distance."""
        words = content_stems(quoted, self._stop, self._forms)
        body = content_stems(sent.unquoted, self._stop, self._forms)
        return bool(words) and len(shared(words, body)) == len(words)

    def _is_byline(self, article, phrase: str) -> bool:
        low = phrase.lower().strip()
        for s, e in article.furniture:
            line = article.text[s:e].strip().lower()
            if line.startswith("by ") and low in line:
                return True
        return False

    def _names(self, text: str, speaker: str) -> bool:
        names = [w.strip(".,'’\"") for w in speaker.split()]
        names = [w for w in names if len(w) > 2 and w.lower() not in self._stop]
        return any(regex.search(rf"(?<!\p{{L}}){regex.escape(n)}(?!\p{{L}})", text, regex.I) for n in names)

    # --- the body's first mention ------------------------------------------------------

    def claim_sentence(self, article, facts, head, words: list[str]):
        """The body's first mention of the headline's claim, and how many key words it shares
        (all of them when it shares the headline's figure)."""
        head_ranges = [r for r in (self._ranges.range(f, stated=True) for f in facts.figures(head)) if r]
        need = max(self.opts["min_shared"], self.opts["min_fraction"] * len(words))
        subject = words[: self.opts["subject_words"]]
        lede = list(lede_sentences(article, self.opts["first_paragraphs"], self._markers))
        names = None
        for sent in lede:
            if head_ranges:
                body_ranges = [r for r in (self._ranges.range(f) for f in facts.figures(sent)) if r]
                if any(overlaps(h, b) for h in head_ranges for b in body_ranges):
                    return sent, len(words)
            common = shared(words, content_stems(self._claim_text(sent, facts), self._stop, self._forms))
            if len(common) >= need and (not subject or any(w in common for w in subject)):
                if sent.text.rstrip().endswith("?"):
                    # The body raises the claim as a question ("Could the act be coming
                    # back?"): it neither hedges nor states it, and what follows answers it.
                    return None, 0
                # Sharing no more than the minimum, and only names, says who the sentence is
                # about, not that it makes the headline's claim (its event, a verb or a
                # common noun, is missing). Later sentences are not searched then: the
                # body's first mention of those names is where its claim about them stands,
                # in words the stems may not match ("backs" over "endorse").
                if len(common) <= self.opts["min_shared"]:
                    if names is None:
                        names = name_stems((s.unquoted for s in lede), self._forms)
                    if all(any(stems_match(w, n) for n in names) for w in common):
                        return None, 0
                return sent, len(common)
        return None, 0

    @staticmethod
    def _claim_text(sent, facts) -> str:
        """The sentence's words without the appositive of a closing credit: in "..., says Steve
        Schale, President Obama's 2008 Florida campaign director." the words after the name
        describe the source and share words with a headline by chance, not by making its claim."""
        text = sent.unquoted
        for a in facts.attributions(sent):
            if (
                a.kind == "speech"
                and a.start < a.source_start
                and a.content_end <= a.start
                and text.startswith(",", a.source_end)
            ):
                return text[: a.source_end]
        return text

    def read_body(self, sent, facts, words: list[str]) -> tuple[str, str, str, bool]:
        """How the body sentence holds the headline's claim (whose key words are `words`):
        the way, the cue as the message quotes it, the attribution's source, and whether the
        cue stands in the main clause."""
        text = sent.unquoted
        attributions = self.attributions(sent, facts)
        if self._authoritative.search(text) or self._own_release(text, attributions, words):
            return "authoritative", "", "", True
        for m in self._hedge.finditer(text):
            if self._hedges_claim(text, m, words):
                return "hedged", m.group(0).strip(), "", self._main_clause(text, m.start())
        for m in self._modal.finditer(text):
            if m.group(0)[:1].isupper() and text[: m.start()].strip():
                continue  # capitalised mid-sentence it is a name or a month ("the May 3 primary")
            if self._main_clause(text, m.start()) and not self._conceded(text, m.end(), words):
                return "hedged", m.group(0).strip(), "", True
        for a in attributions:
            if self.opts["claim_cues"] and a.cue.split()[0].lower() not in self._claim_cues:
                continue  # "Trump joked", "emails showed", "Sanders repeated": the event itself, not a claim put at a distance
            if self._negated(text, a.start):
                continue  # "Sanders hasn't said whether ...": nothing is attributed
            if self._main_clause(text, a.start) and not self._conceded(text, a.end, words):
                # The model's whole noun phrase where it found one ("Sen. Bernie Sanders (I-Vt.)").
                source = text[a.source_start : a.source_end] if a.source_start >= 0 else a.source
                return "attributed", _cue_text(text, a.start, a.end, self._cue_leads), source, True
        for m in self._belief.finditer(text):
            if self._main_clause(text, m.start()):
                return "attributed", m.group(0).strip(), "", True
        return "plain", "", "", True

    def _negated(self, text: str, at: int) -> bool:
        """Whether a negation stands among the two words before the cue at `at`."""
        return any(w.lower() in self._negations or w.lower().endswith(self._negation_endings) for w in text[:at].split()[-2:])

    def any_cue(self, sent, facts) -> bool:
        """Whether any clause of the sentence hedges or attributes anything."""
        text = sent.unquoted
        return bool(
            self._hedge.search(text)
            or self._modal.search(text)
            or self._belief.search(text)
            or self._participles.search(text)
            or self._plain_blockers.search(text)
            or self._authoritative.search(text)
            or facts.attributions(sent)
        )

    def attributions(self, sent, facts) -> list:
        """The sentence's attributions that can distance its main claim. Left out: a participle
        after the main clause ("filed suit on Thursday, claiming that ...", "with several
        saying ..."), which adds what was said to a claim the writer states, and a reporting
        verb after a preposition, which is an adjective ("failure to act on documented
        warnings")."""
        text = sent.unquoted
        out = []
        for a in facts.attributions(sent):
            first = a.cue.split()[0].lower() if a.cue.split() else ""
            if self._not_sources.match(text, a.start):
                continue
            if first in self._leads:
                out.append(a)
                continue
            before = _PREV_WORD.search(text[max(0, a.start - 40) : a.start])
            prev = before.group(1).lower() if before else ""
            if first.endswith("ing") and prev not in self._be:
                continue
            if prev in self._prepositions:
                continue
            if prev in self._be and not first.endswith("ing"):
                continue  # a passive with no agent: "has been dubbed a 'zombie cat'"
            out.append(a)
        return out

    def _actor_speaks(self, sent, cue: str, source: str, words: list[str]) -> bool:
        """Whether the body's attribution is the headline's own event: its source is the
        headline claim's subject and its cue is the act the headline reports ("Trump tweet
        includes ..." over "Trump tweeted ..."), or an outburst ("Republicans pile on ..." over
        "Republicans lashed out"). A plain "X says they are unwilling" still attributes the
        claim, even to the headline's own subject."""
        subject = words[: self.opts["actor_words"]]
        cue_words = content_stems(cue, self._stop, self._forms)
        src = content_stems(source, self._stop, self._forms)
        if not src:
            first = cue.split()[0] if cue.split() else ""
            if first.lower() in self._pronouns or first[:1].isupper():
                return False  # "he believes": a belief of someone the sentence names
            # An outburst cue names no source: its subject is what stands before it.
            at = sent.unquoted.find(cue)
            src = content_stems(sent.unquoted[: max(at, 0)], self._stop, self._forms)[-8:]
            return bool(src and shared(subject, src))
        at = sent.unquoted.find(cue)
        if not shared(subject, src) and at > 0 and sent.unquoted.find(source, at) > at:
            # The words taken for the source follow the cue ("..., said she will release"): the
            # subject stands before it, past an aside in brackets ("Mayor Dana Ortiz (D) said").
            before = _PARENTHESIS.sub(" ", sent.unquoted[:at])
            src = content_stems(_CLAUSE_MARK.split(before)[-1], self._stop, self._forms)[-8:]
        if not shared(subject, src):
            return False
        # The act is the cue's own verb, not the source it names ("Sen. Bernie Sanders says").
        act = [w for w in cue_words if w not in src]
        if shared(words, act[-1:]):
            return True
        # The subject announcing its own next step ("Sanders said he will release his records"
        # under "Sanders to release medical records"): an announcement headlines state as fact.
        return at >= 0 and self._own_plan.match(sent.unquoted, at + len(cue)) is not None

    def _third_party(self, actor: str, cue: str, source: str, body: str = "") -> bool:
        """Whether the body credits the speech to a report by someone other than the headline's
        speaker ("according to local Israeli media", "The Daily Mail reports"). Other cues
        ("X said") mostly name the speaker in words the headline does not use, unless the
        speaker stands in the sentence as well: "Netanyahu will meet with Trump ..., Israeli
        officials said" credits what Netanyahu will do to others."""
        words = content_stems(source, self._stop, self._forms)
        if not actor or not words:
            return False
        acting = content_stems(actor, self._stop, self._forms)
        if shared(acting, words):
            return False
        if self._report_cue.search(cue):
            return True
        # Only a credit that closes the sentence frames all of it: "..., officials said Wednesday."
        at = body.rfind(cue) if cue else -1
        if at < 0 or len(body[at + len(cue) :].split()) > 4:
            return False
        before = body[: body.rfind(source, 0, at + 1)] if source and source in body[: at + 1] else body[:at]
        return bool(acting) and bool(shared(acting, content_stems(before, self._stop, self._forms)))

    def _own_release(self, text: str, attributions, words: list[str]) -> bool:
        """An actor's own release of its own decision ("The council approved the barrier, the
        council said in a statement" under "Council approves barrier"), or an official body's
        word on its own action ("the Senate intelligence committee said they had subpoenaed"
        under "Senate intel panel subpoenas ..."): stated as fact by convention. A release by
        anyone else (a monitor's statement) still distances."""
        release = bool(self._releases.search(text))
        for a in attributions:
            source = content_stems(a.source, self._stop, self._forms)
            official = any(w.lower().strip(".,") in self._official for w in a.source.split())
            if (release or official) and shared(source, words):
                return True
        return False

    def _conceded(self, text: str, end: int, words: list[str]) -> bool:
        """Whether a hedged or attributed clause only concedes a point before the claim: "He
        may have a fondness for her, but McCain suggested ...", "Netanyahu has said he'll
        steer clear of the election, but he stars in a new ad" make their claim after the
        turn. It still hedges when it holds the claim itself ("There may be no love lost
        between Trump and the tech world, but he is likely to need ...")."""
        turn = self._concessions.search(text, end)
        if not turn:
            return False
        governed = content_stems(text[end : turn.start()], self._stop, self._forms)
        after = content_stems(text[turn.end() :], self._stop, self._forms)
        return len(shared(words, after)) > len(shared(words, governed))

    def _hedges_claim(self, text: str, m, words: list[str]) -> bool:
        """Whether a lexical hedge bears on the headline's claim: the words it governs (what
        follows it, to the end of its clause) carry one of the headline's key words. "Indicted for
        allegedly hacking emails" does not hedge "Democrats urge Trump to cancel summit"."""
        after = text[m.end() :]
        stop = _CLAUSE_END.search(after)
        if stop:
            after = after[: stop.start()]
        if len(_WORD_RE.findall(after)) < 2:
            return True  # a hedge standing last ("..., reportedly.") governs the whole clause
        # What it governs must add a headline word the sentence has not already stated: in
        # "Trump defended his manager, charged with battery for allegedly grabbing a reporter
        # and yanking her away from Trump", the hedge holds only the charge.
        before = content_stems(text[: m.start()], self._stop, self._forms)
        governed = shared(words, content_stems(after, self._stop, self._forms))
        return any(w not in shared(governed, before) for w in governed)

    def _attributes_in_clause(self, headline: str) -> bool:
        """Whether a subordinate clause of the headline credits its own claim: "Republicans blast
        Obama after North Korea claims nuclear test" keeps the body's doubt in "claims"."""
        return any(self._subordinators.search(headline, 0, m.start()) for m in self._clause_hedges.finditer(headline))

    def _main_clause(self, text: str, pos: int) -> bool:
        """Whether a cue at `pos` qualifies the sentence's main claim: not inside a clause
        opened by a subordinator or relative pronoun ("even though X have said")."""
        # A parenthesis closed before the cue is an aside: "Sen. Bernie Sanders (I-Vt.) might".
        before = _PARENTHESIS.sub(lambda p: " " * len(p.group(0)), text[:pos])
        lo = max(before.rfind(c) for c in ",;:—–(")
        clause = before[lo + 1 :]
        if not clause.strip() and lo > 0 and before[lo] == ",":
            # A cue set off by commas that interrupts a relative clause right after its opening
            # ("a man whose book, according to its summary, draws ...") qualifies that clause;
            # after a whole relative clause ("employees who walked off the job in April,
            # according to the Labor Department, ...") it goes with the main claim.
            start = max(before.rfind(c, 0, lo) for c in ",;:—–(")
            opening = " ".join(before[start + 1 : lo].split()[-3:])
            return not self._relatives.search(opening)
        return not self._subordinators.search(clause)


def _cue_text(text: str, start: int, end: int, leads: regex.Pattern) -> str:
    """The attribution as the message quotes it: the cue with its source, a few words each way
    within the clause ("a monitor said", "according to U.S. authorities")."""
    cue = text[start:end].strip()
    lead = leads.match(cue)
    if lead:
        words = []
        for w in text[start + lead.end() :].split()[:4]:
            words.append(w.rstrip(",;:"))
            if w[-1] in ",;:" or (w.endswith(".") and w.count(".") == 1):
                break
        return " ".join([lead.group(0), *words]).rstrip(".")
    lo = max(text.rfind(c, 0, start) for c in ",;:—–()") + 1
    before = text[lo:start].split()[-3:]
    return " ".join([*before, cue]).strip()
