"""Who said each quotation: the speaker slot of `attrlint.model.quotes.Quotation`.

A quotation's speaker is looked for where news copy puts it, in this order:
1. its own sentence(s), in the writer's words around the quote ("..., Scrocca said",
   "said X, who ...", "He added: ..."): an attribution, or a speech cue such as "asked";
2. the sentence right after it ("“...” That was how the colonel put it. He said so twice.");
3. the sentence right before it when that sentence introduces it (ends in a colon, or is an
   attributed sentence of the same paragraph: the same speaker going on);
4. for a quotation that carries on from the previous paragraph (the continuing-quote
   convention) or that opens a paragraph right after a paragraph ending in an attributed
   quotation: the speaker of that earlier quotation.
A pronoun ("he said") names the last named speaker before it, when there is one.

Speakers are found once per article and memoised in `article.cache`; the quote rules share them.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from attrlint import memo
from attrlint.memo import Memo
from attrlint.model.quotes import is_embed
from attrlint.patterns import compiled

if TYPE_CHECKING:
    from attrlint.patterns import AnyOf


_NAME = compiled(r"(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]+")


@dataclass
class Speaker:
    """Who said a quotation, and the words of the copy that say so."""

    name: str  # the words naming the speaker, as the copy gives them ("Colonel Joe Scrocca", "he")
    cue: str  # the reporting verb or phrase ("said", "according to")
    start: int  # absolute offsets of the cue
    end: int
    how: str  # sentence, after, before, carried
    resolved: str = ""  # for a pronoun, the last named speaker before it


class SpeakerFinder:
    """Finds who said each quotation of an article, with its own speech cues. Two rules with
    different cues get their own answers: the result is kept per article under `key` (the
    cues), never written into the shared quotations, so no rule's options change another's
    findings, whichever runs first."""

    def __init__(self, speech_cues: regex.Pattern | AnyOf, key: object = None):
        self.speech_cues = speech_cues
        self.key = key if key is not None else id(self)
        # A sentence's first speech cue depends on its words alone: remembered by them, so the
        # language server's re-lint after an edit searches only the sentences that changed.
        self._cues = Memo(memo.SENTENCES)

    def assign(self, article, facts) -> dict[int, Speaker | None]:
        """The speaker of every top-level quotation, by the offset of its opening mark."""
        memo = article.cache.setdefault("speakers", {})
        found = memo.get(self.key)
        if found is None:
            found = memo[self.key] = self._assign(article, facts)
        return found

    def _assign(self, article, facts) -> dict[int, Speaker | None]:
        found: dict[int, Speaker | None] = {}
        position = {(s.start, s.end): k for k, s in enumerate(article.sentences)}
        last_named = ""
        previous = None  # the last top-level quotation seen
        spans: dict = {}  # paragraph -> its sentences' starts and ends, for bisection
        for q in article.quotations:
            if q.depth:
                continue
            own = _overlapping(article, q, spans)
            speaker = self._framing(article, facts, q, own, position, found) if own else None
            if speaker is None and previous is not None:
                speaker = _carried(article, q, previous, found)
            if speaker is not None:
                last_named = _resolve_pronoun(speaker, article.lexicon, last_named)
            found[q.open] = speaker
            previous = q
        return found

    def _framing(self, article, facts, q, own: list, position: dict, found: dict) -> Speaker | None:
        """The speaker the writer's words give: in the quotation's own sentences, the sentence
        after, the sentence before, or a credit line or paragraph set off from the quote."""
        for s in own:
            speaker = self._in_sentence(s, facts, "sentence")
            if speaker:
                return speaker
        sentences = article.sentences
        first = position[(own[0].start, own[0].end)]
        last = position[(own[-1].start, own[-1].end)]
        speaker = None
        if last + 1 < len(sentences):
            speaker = self._after(article, facts, q, own[0], sentences[last + 1])
        if speaker is None and first > 0:
            speaker = self._before(article, facts, q, own, sentences[first - 1], found)
        if speaker is None:
            speaker = (
                _credit_line(article.text, q)
                or _credit_paragraph(article, q)
                or _bracket_credit(article, q)
                or _block_intro(self, article, facts, q)
            )
        return speaker

    def _after(self, article, facts, q, opening, nxt) -> Speaker | None:
        """The speaker named by the sentence after the quotation (`opening` is the first
        sentence the quotation overlaps)."""
        speaker = None
        # The writer's words right after name the speaker. A sentence that opens with a
        # quotation of its own names that quotation's speaker, which is this one's too when
        # this is a fragment worked into the writer's sentence ("... endorsing candidates
        # “who embody our revolution.” “No president can do it alone,” Sanders wrote."): the
        # reader takes them as one voice.
        if not (nxt.quotations and nxt.quotations[0].start <= nxt.start + 1) or not _opens_sentence(opening, q):
            speaker = self._in_sentence(nxt, facts, "after")
        if speaker is None and nxt.start >= (q.close or q.end):
            # “We're still talking about him?” Mr. Burton fumed, using ...: the quotation's
            # question mark ended the sentence before its frame.
            speaker = _leading_frame(article.text, q, nxt)
        return speaker

    def _before(self, article, facts, q, own: list, prev, found: dict) -> Speaker | None:
        """The speaker named by the sentence before the quotation, when that sentence
        introduces it: it ends in a colon, it reports someone speaking right before a paragraph
        of quotation, or it is the same speaker going on in the same paragraph."""
        if prev.text.rstrip().endswith(":"):
            return self._in_sentence(prev, facts, "before") or _introducer(prev)
        if prev.paragraph == own[0].paragraph:
            return self._going_on(prev, facts, found)
        if not _opens_paragraph(article, q):
            return None
        # A paragraph of quotation right after a sentence that reports what someone said
        # ("Jasica told the Daily Mail about the experience.", "Khoza himself said it all
        # happened fast"): that speaker goes on.
        speaker = self._speech_before(prev, facts, bare_cue_needs_no_quotes=True)
        if speaker is None and len(own) > 1:
            speaker = _credited_block(article, facts, prev, q)
        return speaker

    def _going_on(self, prev, facts, found: dict) -> Speaker | None:
        """The same speaker going on: the sentence before, in the same paragraph, quotes
        someone, or reports what a speaker said ("..., he said. ... “the truth is ...”"). A
        study that "found" something is no speaker going on."""
        said = [p for p in prev.quotations if p.depth == 0 and found.get(p.open) is not None]
        if said:
            return dataclasses.replace(found[said[-1].open], how="before")
        # "Tom Nides thanked Clinton for the visit. “Well, Madam Secretary, ...”": a speech
        # verb introduces what follows.
        return self._speech_before(prev, facts, bare_cue_needs_no_quotes=False)

    def _speech_before(self, prev, facts, bare_cue_needs_no_quotes: bool):
        """The speaker a sentence reports as speaking (an attribution with a speech cue), else a
        bare speech cue in it; None when it reports no one speaking."""
        for a in facts.attributions(prev):
            if self.speech_cues.fullmatch(a.cue) or _said(prev.article.lexicon).fullmatch(a.cue):
                return Speaker(a.source, a.cue, prev.start + a.start, prev.start + a.end, "before")
        m = self._cue(prev)
        if m and not (bare_cue_needs_no_quotes and prev.quotations):
            return Speaker("", m.group(0).strip(), prev.start + m.start(), prev.start + m.end(), "before")
        return None

    def _cue(self, sent):
        """The first speech cue of the sentence's own words, looked for once per sentence."""
        memo = sent.article.cache.setdefault(("speech_cue", self.key), {})
        key = (sent.start, sent.end)
        if key not in memo:
            text = sent.unquoted
            memo[key] = self._cues.get(text, lambda: self.speech_cues.search(text))
        return memo[key]

    def _in_sentence(self, sent, facts, how: str) -> Speaker | None:
        atts = [a for a in facts.attributions(sent) if not _noun_use(sent.unquoted, a, sent.article.lexicon)]
        if atts:
            a = atts[0]
            return Speaker(a.source, a.cue, sent.start + a.start, sent.start + a.end, how)
        m = self._cue(sent)
        if m:
            name = m.group("who") if "who" in m.groupdict() and m.group("who") else ""
            return Speaker(name, m.group(0).strip(), sent.start + m.start(), sent.start + m.end(), how)
        # The frame depends on the sentence alone, and every quotation in it asks again: looked
        # for once per sentence (a copy each time, as callers fill in `resolved`).
        memo = sent.article.cache.setdefault("frame", {})
        key = (sent.start, sent.end, how)
        if key not in memo:
            memo[key] = _frame(sent, how)
        found = memo[key]
        return dataclasses.replace(found) if found is not None else None


def _carried(article, q, previous, found: dict) -> Speaker | None:
    """The speaker of the previous quotation, for a quotation that carries on from the
    previous paragraph (the continuing-quote convention) or opens a paragraph right after a
    paragraph ending in that attributed quotation."""
    p = found.get(previous.open)
    if p is None:
        return None
    if q.continued or (
        q.paragraph == previous.paragraph + 1 and _opens_paragraph(article, q) and _ends_paragraph(article, previous)
    ):
        return dataclasses.replace(p, how="carried")
    return None


def _resolve_pronoun(speaker: Speaker, lexicon, last_named: str) -> str:
    """A pronoun speaker ("he said") names the last named speaker before it; a named speaker
    becomes the last named. Returns the last named speaker after this one."""
    low = speaker.name.lower()
    pronouns = lexicon.word_class("personal_pronouns")
    if low in pronouns or (low.split()[:1] and low.split()[0] in pronouns):
        speaker.resolved = speaker.resolved or last_named
    elif speaker.name and (named := _NAME.search(speaker.name)):
        last_named = named.group(0)
    return last_named


def _said(lexicon) -> regex.Pattern:
    return lexicon.word_pattern("frame_speech_verbs", "(?:{})", regex.I)


def _participle(lexicon) -> regex.Pattern:
    return lexicon.word_pattern("before_participle", r"(?:^|[,;:—–(]|\b(?:{}))\s*$", regex.I)


def _according(lexicon) -> regex.Pattern:
    return lexicon.word_pattern("according_cue", "(?:{})", regex.I)


def compile_patterns(lexicon) -> None:
    """Compile the lexicon's patterns the speaker search reads, while the rules are built: the
    rule cache then keeps them with the lexicon, and a run from the cache compiles nothing."""
    _said(lexicon)
    _participle(lexicon)
    _according(lexicon)


_CREDIT = compiled(r"\n[ \t]*(?:[—–-]+\s*)?(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}),[^\n]{0,80}$")


def _noun_use(text: str, a, lexicon) -> bool:
    """A cue in -ing used as a noun ("one common saying"), not a participle ("..., saying")."""
    if not a.cue.lower().endswith("ing"):
        return False
    participle = _participle(lexicon)
    return not participle.search(text[: a.start])


def _credit_line(text: str, q) -> Speaker | None:
    """A block quotation whose last line credits its speaker: "...\nDean Baker, CEPR." """
    m = _CREDIT.search(text, q.start, q.end)
    if m:
        return Speaker(m.group(1), "", q.start + 0 + m.start(1) - q.start, m.end(1), "credit")
    return None


_FRAME_WORD = compiled(r"[\p{L}][\p{L}.’'-]*")


def _frame(sent, how: str) -> Speaker | None:
    """The speaker of a quotation framed by a short clause of its own: "“...,” Oliver barked.",
    "“...,” he continued, “...", "Silverman interjected, “...". The quotation's comma (or
    question or exclamation mark) against a clause of a few words is the attribution frame,
    whatever the verb."""
    text = sent.article.text
    bounds = _Bounds(sent)
    for q in sent.quotations:
        if q.depth or q.close is None:
            continue
        inner = text[q.start : q.end].rstrip(" ’'\"”")  # "Don't say, 'Merry Christmas!' " the man raged
        if inner.endswith((",", "?", "!", "—", "-")) or text[q.close + 1 : q.close + 2] == ",":
            lo = q.close + 1
            hi = bounds.next_open_or_end(lo)
            clause = text[lo:hi]
            if (clause.strip() and clause.strip()[-1:] in ".,;!?") or hi < sent.end:
                # "“...,” Trump assured Jones, after Jones ...": the frame ends at its comma.
                who = _speaker_words(clause.strip(" ,.;!?").split(",")[0], sent.article.lexicon)
                if who:
                    return Speaker(who, "", lo, hi, how)
        lo = bounds.previous_close_or_start(q.open)
        clause = text[lo : q.open].rstrip()
        if clause.endswith(":") and len(_FRAME_WORD.findall(clause)) >= 2:
            # "Republican pollster Daron Shaw: “...”", "Trump swiped at Ryan in a tweet: “...”":
            # a colon before a quotation introduces its speaker.
            return Speaker(clause.strip(" :"), ":", lo, q.open, how)
        if clause.endswith((",", ":")) and (lo == sent.start or text[lo - 1] in "”\"'"):
            who = _speaker_words(clause.strip(" ,:"), sent.article.lexicon)
            if who:
                return Speaker(who, "", lo, q.open, how)
    return None


def _speaker_words(clause: str, lexicon) -> str:
    """The clause if it reads as "subject + verb" of a few words: "an angry Hollande retaliated"."""
    words = _FRAME_WORD.findall(clause)
    if not 1 <= len(words) <= 7 or len(clause) > 80:
        return ""
    first = words[0]
    if first.lower() in lexicon.word_class("personal_pronouns") and len(words) >= 2:
        return clause
    if any(w[0].isupper() for w in words) and (len(words) >= 2 or words[0][0].isupper()):
        if words[0].lower() not in lexicon.word_class("not_frame_openers"):
            return clause
    if (
        first.lower() in lexicon.word_class("determiners")
        and len(words) >= 3
        and (words[-1].endswith("ed") or words[-1].endswith("s"))
    ):
        return clause
    return ""


def _next_quote_or_end(sent, lo: int) -> int:
    for q in sent.quotations:
        if q.open >= lo:
            return q.open
    return sent.end


def _overlapping(article, q, spans: dict) -> list:
    """The sentences of the quotation's paragraph that overlap it. Sentences are in text order
    and do not overlap, so their starts and ends both rise: the run is found by bisection."""
    if q.paragraph < 0:
        return []
    sents = article.paragraphs[q.paragraph].sentences
    if q.paragraph not in spans:
        starts, ends = [s.start for s in sents], [s.end for s in sents]
        in_order = all(a <= b for a, b in itertools.pairwise(starts)) and all(a <= b for a, b in itertools.pairwise(ends))
        spans[q.paragraph] = (starts, ends) if in_order else None
    if spans[q.paragraph] is None:  # not in order after all: look at them all
        return [s for s in sents if s.start < q.end and s.end > q.start]
    starts, ends = spans[q.paragraph]
    lo, hi = bisect.bisect_right(ends, q.start), bisect.bisect_left(starts, q.end)
    return [s for s in sents[lo:hi] if s.start < q.end and s.end > q.start]


class _Bounds:
    """Where the writer's words around a quotation stop: the nearest quotation mark on either
    side, found by bisection so that a paragraph of thousands of marks stays near-linear."""

    def __init__(self, sent):
        self.sent = sent
        self.closes = sorted(q.close for q in sent.quotations if q.close is not None)
        opens = [q.open for q in sent.quotations]
        # The first quotation (in the list's order) opening at or after a point; with the list
        # in text order, as the reader builds it, that is the nearest one.
        self.opens = opens if all(a <= b for a, b in itertools.pairwise(opens)) else None

    def previous_close_or_start(self, hi: int) -> int:
        k = bisect.bisect_left(self.closes, hi)
        return max(self.sent.start, self.closes[k - 1] + 1) if k else self.sent.start

    def next_open_or_end(self, lo: int) -> int:
        if self.opens is None:
            return _next_quote_or_end(self.sent, lo)
        k = bisect.bisect_left(self.opens, lo)
        return self.opens[k] if k < len(self.opens) else self.sent.end


def _opens_sentence(sent, q) -> bool:
    """Whether the quotation opens its sentence (not a fragment in the writer's words)."""
    return sent.article.text[sent.start : q.open].strip(" \t\n—–-([") == ""


def _introducer(sent) -> Speaker | None:
    """A sentence ending in a colon that names someone introduces the quotation after it:
    "Then-Senator Obama used much the same language against McCain:". One that names no one
    ("Read the latest updates below:") gives no speaker."""
    words = _FRAME_WORD.findall(sent.unquoted)
    named = [w for w in words[1:] if w[0].isupper() and w.lower() not in sent.article.lexicon.word_class("personal_pronouns")]
    if not named:
        return None
    return Speaker(" ".join(named[:3]), ":", sent.start, sent.end, "before")


_QUESTION_LEAD = compiled(r"[^!?“”\"\n]{1,60}\?\s*$")  # "Retired Lt. Gen. Ann Ward?"


def _opens_paragraph(article, q) -> bool:
    """Whether the quotation opens its paragraph, or answers the writer's short question that
    does ("Governor Pence? “Solid as a rock.”" in a run of such answers)."""
    para = article.paragraphs[q.paragraph]
    lead = article.text[para.start : q.open].strip()
    return lead == "" or bool(_QUESTION_LEAD.fullmatch(lead))


_LEADING_FRAME = compiled(r"[^,.;:!?“”\"]{1,60}")


def _leading_frame(text: str, q, nxt) -> Speaker | None:
    """The speaker of "“...?” Mr. Burton fumed, using ...": a quotation ending in a question or
    exclamation mark (or a comma) whose frame opens the next sentence."""
    inner = text[q.start : q.end].rstrip(" ’'\"”")
    if not inner.endswith(("?", "!", ",")):
        return None
    m = _LEADING_FRAME.match(text, nxt.start, nxt.end)
    if m is None or (m.end() < nxt.end and text[m.end()] not in ",.;"):
        return None
    who = _speaker_words(m.group(0).strip(), nxt.article.lexicon)
    if who and who.split()[-1][0].islower():
        return Speaker(who, "", nxt.start, m.end(), "after")
    return None


_CREDIT_PARAGRAPH = compiled(r"[—–-]+\s*(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})[^\n]{0,60}")


def _credit_paragraph(article, q) -> Speaker | None:
    """A quotation set as a paragraph of its own and credited in the next: "“...”\n\n- Bernie
    Sanders." (fact-check and quote-of-the-day copy)."""
    if q.paragraph < 0 or q.paragraph + 1 >= len(article.paragraphs):
        return None
    para = article.paragraphs[q.paragraph]
    if article.text[q.close + 1 if q.close is not None else q.end : para.end].strip(" .,") != "":
        return None
    nxt = article.paragraphs[q.paragraph + 1]
    m = _CREDIT_PARAGRAPH.fullmatch(article.text, nxt.start, nxt.end)
    if m:
        return Speaker(m.group(1), "", nxt.start, nxt.end, "credit")
    return None


_BRACKET_CREDIT = compiled(r"[\[(]\s*(\p{Lu}[^\[\]()\n]{0,60}?)\.?\s*[\])]\s*\.?\s*$")
_CREDIT_FILLER = compiled(r"(?:[\s,;.—–-]|\(\d{4}\)|[“”\"‘’'])*")


def _bracket_credit(article, q) -> Speaker | None:
    """A paragraph of quotations that ends in a credit in brackets: excerpts in a newsletter
    ("HEADLINE “...” [WaPo.]"), campaign posters ("“...” (2005) — “...” (2009). (SVP.)").
    Between the quotation and the credit there is nothing of the writer's but other such
    quotations, years and punctuation."""
    if q.paragraph < 0:
        return None
    para = article.paragraphs[q.paragraph]
    m = _BRACKET_CREDIT.search(article.text, q.end, para.end)
    if not m:
        return None
    pos = q.close + 1 if q.close is not None else q.end
    for other in article.quotations_by_paragraph.get(q.paragraph, ()):
        if other.depth or other.open < pos or other.open >= m.start():
            continue
        if not _CREDIT_FILLER.fullmatch(article.text, pos, other.open):
            return None
        pos = (other.close + 1) if other.close is not None else other.end
    if not _CREDIT_FILLER.fullmatch(article.text, pos, m.start()):
        return None
    return Speaker(m.group(1), "", para.start + (m.start(1) - para.start), m.end(1), "credit")


def _block_intro(finder, article, facts, q) -> Speaker | None:
    """A paragraph set off by the paragraph before ending in a colon ("In the text with the
    video, Wallnau wrote:") is that speaker's block: quotations inside it are theirs."""
    k = q.paragraph - 1
    while k >= 0 and is_embed(article.text, article.paragraphs[k].start, article.paragraphs[k].end) and k > q.paragraph - 3:
        k -= 1  # a salutation ("Dear Mr R") or caption between
    if k < 0 or not article.paragraphs[k].sentences:
        return None
    intro = article.paragraphs[k].sentences[-1]
    if not intro.text.rstrip().endswith(":"):
        return None
    return finder._in_sentence(intro, facts, "before") or _introducer(intro)


def _credited_block(article, facts, prev, q) -> Speaker | None:
    """A block quotation (a paragraph of several sentences, all quoted) right after a sentence
    crediting a named source without a speech verb: "According to Peter Keating at Vanity
    Fair, $1.1 million is the cost." then the quoted paragraph is Keating's text. A one-line
    quote after "According to Officer Bell, ..." may be anyone's (a witness), so it is not
    covered; nor is an unnamed source ("according to police")."""
    para = article.paragraphs[q.paragraph]
    close = q.close + 1 if q.close is not None else q.end
    if article.text[close : para.end].strip(" .,") != "":
        return None
    according = _according(article.lexicon)
    for a in facts.attributions(prev):
        if according.fullmatch(a.cue.strip()) and _NAME.search(a.source):
            return Speaker(a.source, a.cue, prev.start + a.start, prev.start + a.end, "before")
    return None


def _ends_paragraph(article, q) -> bool:
    """Whether the quotation is in the last sentence of its paragraph: "“...,” she said."."""
    if q.close is None:
        return True
    para = article.paragraphs[q.paragraph]
    return bool(para.sentences) and q.end > para.sentences[-1].start
