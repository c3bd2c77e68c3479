"""Reported figures: the quantities a reader must take on trust.

A number (in digits, in words, or vague: "dozens", "a third of") is a reported figure when
it is money, a percentage, a vote tally, or a count of people or of the statistics the
lexicon names; it is not when it is a date, a time, an age, a duration, a distance, a label,
a count of places or documents, part of a hyphenated compound, or a small count that
identifies people ("his two sons"). All the words that decide this are in the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from attrlint.model.lexicon import Lexicon
from attrlint.patterns import AnyOf, TimedPattern, compiled, gate_text, literal_gate, passes

# What stands for the candidate figure in the not-a-figure contexts (lexicon not_figure_contexts).
_FIGURE_MARK = "<FIG>"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_HAS_DIGIT = re.compile(r"\d")
# Patterns of the checks below, compiled once (and kept in the rule cache, see attrlint.patterns).
_WORD_BREAK = compiled(r"[\s-]+")  # spaces and hyphens between the words of a number
_NAME_COMMA = compiled(r"\p{Lu}[\p{L}.’'-]*,\s*$")
_NAME_PAREN = compiled(r"\p{Lu}[\p{L}.’'-]*\s*\($")
_OF = compiled(r"\s+of\s+")
_WORD_AT = compiled(r"[\p{L}][\p{L}’'.-]*|[$£€%°]")


@dataclass
class Figure:
    """A reported figure in a sentence, with what kind of figure it is."""

    start: int  # offsets relative to the sentence text
    end: int
    text: str
    kind: str  # money, percent, count, vote, vague, share
    value: float | None
    noun: str  # the thing counted, where one is named ("civilians", "percent", "dollars")
    approx: str  # the approximator before it ("at least", "nearly"), lower case, or ""


class PeopleNouns:
    """The counted nouns that make a count of people: the lexicon's list, and plural nouns
    with a people ending ("fighters", "politicians", "activists") that are not exceptions
    or units. Used with `in`, like the word set it extends."""

    def __init__(self, words: frozenset[str], suffixes: frozenset[str], not_people: frozenset[str]):
        self.words = words
        self.not_people = not_people
        self.suffixes = tuple(sorted(suffixes, key=len, reverse=True))

    def __contains__(self, word: str) -> bool:
        if word in self.words:
            return True
        if len(word) < 6 or not word.endswith(self.suffixes) or word in self.not_people:
            return False
        # "first-graders", "convention-goers": the last part decides.
        return word.rsplit("-", 1)[-1].isalpha() and word.islower()


def people_nouns(lexicon: Lexicon) -> PeopleNouns:
    """The lexicon's nouns of people, with the plural endings that make one ("activists")."""
    return PeopleNouns(
        lexicon.word_set("people_nouns"),
        lexicon.word_set("people_suffixes"),
        lexicon.word_set("not_people") | lexicon.word_set("not_figure_units"),
    )


class FigureFinder:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        flags = regex.V0 | regex.IGNORECASE
        currency = lexicon.alternation("currency_symbols")
        scale = lexicon.alternation("scale_words")
        self.number = regex.compile(
            rf"(?:(?<![\p{{L}}\p{{N}}])(?P<cur>(?:{currency})\s?)|(?<![\p{{L}}\p{{N}}.,/$£€¥-]|\d[.,]))(?P<num>{_DIGITS}|(?<![\p{{L}}-])(?:{lexicon.alternation('number_word_patterns')})(?![\p{{L}}]))"
            rf"(?P<scale>\s?(?:{scale})(?![\p{{L}}\p{{N}}]))?"
            rf"(?P<money>\s+(?-i:{lexicon.alternation('money_words')})(?![\p{{L}}]|['’]\p{{L}}))?"
            rf"(?P<pct>\s?(?:{lexicon.alternation('percent_words')})(?![\p{{L}}]))?",
            flags,
        )
        self.vague = regex.compile(rf"(?<![\p{{L}}-])(?:{lexicon.alternation('vague_quantities')})(?![\p{{L}}-])", flags)
        self.vague_words = literal_gate(self.vague)  # most sentences hold none
        self.fraction = regex.compile(rf"(?<![\p{{L}}-])(?:{lexicon.alternation('fractions')})(?![\p{{L}}-])", flags)
        self.fraction_words = literal_gate(self.fraction)
        self.ratio = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}.,-])(?:{lexicon.alternation('ratio_shares')})(?![\p{{L}}\p{{N}}-])", flags
        )
        approximators = lexicon.alternation("approximators")
        self.approx = regex.compile(rf"(?:^|\s)({approximators})\s+$", flags)
        # Each context on its own, run only on a window that holds one of its required words:
        # most figures run none of them (as one alternation, a search per figure cost a tenth
        # of a run).
        self.contexts = AnyOf(
            [TimedPattern(regex.compile(p, flags)) for p in lexicon.words("not_figure_contexts")], ignore=_FIGURE_MARK
        )
        self.count_modifiers = lexicon.word_set("count_modifiers")
        self.people = people_nouns(lexicon)
        # "the toll rose to 57", "a crowd of 20,000": the counted thing comes before the figure.
        self.total_before = regex.compile(
            rf"(?<![\p{{L}}])(?P<total>{lexicon.alternation('total_nouns')})(?![\p{{L}}])[^.;]{{0,60}}\b(?:{lexicon.alternation('total_links')})\s+(?:(?:{lexicon.alternation('approximators')})\s+)?$",
            flags,
        )
        self.casualty = regex.compile(rf"(?<![\p{{L}}])(?:{lexicon.alternation('casualty_words')})(?![\p{{L}}])", flags)
        self.in_group = regex.compile(rf"\s+(?:{lexicon.alternation('group_prepositions')})\s+(?:the\s+)?(\p{{L}}+)", flags)
        self.total_words = lexicon.word_set("total_nouns")
        self.casualty_before = regex.compile(rf"(?:{self.casualty.pattern})\s+(?:(?:{approximators})\s+)?$", flags)
        self.harm_before = regex.compile(rf"\b(?:{lexicon.alternation('harm_verbs')})\s+(?:(?:{approximators})\s+)?$", flags)
        self.change = lexicon.word_pattern("multiplying_verbs", "(?:{})")
        self.change_not_before = lexicon.word_set("multiplying_not_before")
        self.stop = lexicon.word_class("function_words")
        self.votes = regex.compile(rf"(?<![\p{{L}}])(?:{lexicon.alternation('vote_words')})(?![\p{{L}}])", flags)
        self.units = lexicon.word_set("not_figure_units")
        self.share_verbs = lexicon.word_set("share_count_verbs")
        self.before_labels = lexicon.word_set("not_figure_before")
        self.months = lexicon.word_set("months")
        # The sources themselves, their cue right after them or past an auxiliary ("two officials
        # said", "more than 10 women have accused him"). Used with match(text, pos), which anchors
        # at pos (a "^" would not match there). Not past a form of "be": "2,200 Syrians have been
        # admitted" is a passive. After a participle of charging ("140 members blasting the
        # raids") the figure stays: a count of those who joined in, as a letter's signatures are.
        self.reporting = regex.compile(
            rf"\s*(?:(?!(?:{lexicon.alternation('be_forms')})\s)(?:{lexicon.alternation('subject_verb_gap')})\s+){{0,2}}"
            rf"(?:{lexicon.alternation('reporting_verbs')}|(?:{lexicon.alternation('charge_verbs')})(?<!ing)|{lexicon.alternation('source_after_noun')})\b",
            flags,
        )
        self.number_values = lexicon.numbers("number_values")
        self.scale_values = lexicon.numbers("scale_values")
        self.has_number_word = lexicon.word_pattern("number_word_cues", r"\b(?:{})\b", regex.I)
        self.number_words = literal_gate(self.has_number_word)
        self.ordinal = lexicon.word_pattern("ordinal_suffixes", r"(?:{})\b", regex.I)
        self.clock = lexicon.word_pattern("time_zones", r"\s?(?:[ap]\.?m\.?|{})\b", regex.I)
        self.before_casualty = regex.compile(
            rf"^\s*(?:{lexicon.alternation('casualty_subject_nouns')})?\s*(?:who\s+)?(?:{lexicon.alternation('casualty_auxiliaries')})?\s*"
        )
        self.age_words = lexicon.word_class("age_words")
        self.not_vague_before = lexicon.word_class("not_vague_before")
        self.people_relatives = lexicon.word_class("people_relatives")
        self.counted_pronouns = lexicon.word_class("counted_pronouns")
        self.vague_counted = lexicon.word_class("vague_counted_nouns")
        self.share_counted = lexicon.word_class("share_counted_words")
        self.bare_vague = lexicon.word_set("bare_vague_quantities")
        self.subject_verbs = lexicon.word_set("subject_past_verbs")
        self.clause_start = regex.compile(rf"(?:^|[,;:—–(]|\b(?:{approximators}))\s*$", flags)
        self.tally = regex.compile(r"(?<![\d.,-])(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})(?![\d-])")

    def _is_label(self, word: str) -> bool:
        """Whether a (lower-cased) word labels the number after it ("No. 15", "Article 5")."""
        return word in self.before_labels or word.rstrip(".") + "." in self.before_labels

    def _labelled(self, text: str, s: int) -> bool:
        """Whether the number at s follows a label: "No. 15-674" is a docket, not a tally."""
        words = _words_before(text, s, 1)
        return bool(words) and self._is_label(words[0].lower())

    def find(self, text: str) -> list[Figure]:
        """Reported figures in `text` (a sentence with quotations blanked), in order."""
        out: list[Figure] = []
        taken: list[tuple[int, int]] = []
        has_digit = _HAS_DIGIT.search(text) is not None
        tallies = list(self.tally.finditer(text)) if has_digit else []
        if tallies and self.votes.search(text):
            for m in tallies:
                if (
                    int(m.group(1)) < 1000
                    and not self._labelled(text, m.start())
                    and not self._date_like(text, m.start(), m.end())
                    and not self._age_range(text, m.start())
                ):
                    out.append(self._make(text, m.start(), m.end(), "vote", None, "votes"))
                    taken.append((m.start(), m.end()))
        # Most sentences hold no number at all: a cheap test spares them the full pattern. The
        # number words' search (a case-blind alternation) runs only where one of them stands
        # in the lower-cased text (four sentences in five hold none).
        low = gate_text(text)
        numbers = (
            self.number.finditer(text)
            if has_digit or (passes(self.number_words, low) and self.has_number_word.search(text))
            else ()
        )
        # Ratios first (their numbers are no counts of their own), then numbers, vague quantities
        # and shares: a span one of them took is not read again.
        ratios = self.ratio.finditer(text) if has_digit or numbers else ()
        vague = self.vague.finditer(text) if passes(self.vague_words, low) else ()
        shares = self.fraction.finditer(text) if passes(self.fraction_words, low) else ()
        for matches, classify in (
            (ratios, lambda m: self._classify_ratio(text, m.start(), m.end())),
            (numbers, lambda m: self._classify_number(text, m)),
            (vague, lambda m: self._classify_vague(text, m.start(), m.end())),
            (shares, lambda m: self._classify_share(text, m.start(), m.end())),
        ):
            for m in matches:
                if any(a <= m.start() < b for a, b in taken):
                    continue
                fig = classify(m)
                if fig:
                    out.append(fig)
                    taken.append((fig.start, fig.end))
        out.sort(key=lambda f: f.start)
        return out

    # --- numbers ---------------------------------------------------------------------------

    def _classify_number(self, text: str, m: regex.Match) -> Figure | None:
        s, e = m.span()
        raw = m.group("num")
        value = parse_number(raw, self.number_values)
        if m.group("scale") and value is not None:
            value *= self.scale_values.get(m.group("scale").strip().lower(), 1)
        if self._shares_counted(text, s, e) and value is not None:
            return self._make(text, s, e, "count", value, "shares")
        if self._excluded_context(text, s, e):
            return None
        if m.group("scale") and not m.group("cur") and text[e : e + 1] in "-‑" and text[e + 1 : e + 2].isalpha():
            return None  # "a million-dollar house", "the billion-dollar question": a compound
        if m.group("scale") and len(m.group("scale").strip()) == 1 and text[e : e + 1] in "-‑":
            return None  # "90,000 K-1 visas": a label, not thousands
        if m.group("cur") or m.group("money"):
            if m.group("cur") and m.group("cur").strip() not in ("$", "£", "€", "¥", "₹", "₽", "₩") and not raw[0].isdigit():
                return None  # "EUR one" is not how copy writes money
            return self._make(text, s, e, "money", value, "dollars")
        if m.group("pct"):
            return self._make(text, s, e, "percent", value, "percent")
        if self._not_a_figure(text, m):
            return None
        return self._count(text, m, value)

    def _shares_counted(self, text: str, s: int, e: int) -> bool:
        """Whether the number counts views or shares: "retweeted over 30,000 times"."""
        if not _TIMES_AFTER.match(text, e):
            return False
        head = text[:s]
        approx = self.approx.search(head)  # "over", "more than", "nearly"
        if approx:
            head = head[: approx.start()]
        before = _words_before(head, len(head), 1)
        return bool(before) and before[-1].lower() in self.share_verbs

    def _not_a_figure(self, text: str, m: regex.Match) -> bool:
        """Numbers that are no figure, whatever follows them: compounds, labels, ordinals,
        dates, times, ages."""
        s, e = m.span()
        num_s, num_e = m.span("num")
        raw = m.group("num")
        after = text[e : e + 1]
        if after in "-‑" and text[e + 1 : e + 2].isalpha() and not m.group("scale"):
            return True  # a 30-day toll, a 4,000-person agency
        if self.ordinal.match(text[num_e : num_e + 3]):
            return True
        if _alone_on_its_line(text, s, e):
            return True  # a list item's number ("13" above the item's title)
        if after == ":" or self.clock.match(text[e : e + 6]):
            return True
        before_words = _words_before(text, num_s, 2)
        prev = before_words[-1].lower() if before_words else ""
        if self._is_label(prev):
            return True
        if raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100 and not m.group("scale"):
            return True  # a year
        if self._date_like(text, num_s, num_e):
            return True
        if raw.isdigit() and _inside_a_name(text, num_s, e):
            return True  # "the phone at Under 70 Auto Sales", "a Boeing 737 Max": part of a name
        return prev in self.age_words or self._age_apposition(text, num_s, e)

    def _count(self, text: str, m: regex.Match, value: float | None) -> Figure | None:
        """A count the reader takes on trust: of people or the lexicon's statistics, of
        casualties, of things after a scale word, or a toll; not a unit, an age or a small
        count that identifies people."""
        s, e = m.span()
        noun, noun_end, nxt = self._head_noun(text, e)
        if nxt in self.units or (nxt.endswith("-old")):
            return None
        if value is None:
            return None
        casualty = self._casualty_near(text, s, e, noun_end)
        if noun and self.reporting.match(text, noun_end):
            return None  # the sources themselves: "two officials said", "three people familiar"
        if value < 10 and not casualty:
            return None  # "his two sons", "two SEC commissioners"
        if noun:
            return self._make(text, s, e, "count", value, noun)
        if casualty:
            return self._make(text, s, e, "count", value, casualty)
        if m.group("scale") and nxt and nxt not in self.units and nxt not in self.stop:
            return self._make(text, s, e, "count", value, nxt)
        total = self.total_before.search(text[max(0, s - 90) : s])
        if total:
            # What the total counts is named by it: "the toll rose to 57" (deaths), "the total
            # to nearly 1,000" (anything).
            return self._make(text, s, e, "count", value, total.group("total").lower())
        return None

    def _head_noun(self, text: str, e: int) -> tuple[str, int, str]:
        """The counted noun after a number: (noun if it is a people noun, its end, first word)."""
        words = [(w.group(0), w.end()) for w in _WORD_AT.finditer(text, e, min(len(text), e + 60))]
        first = words[0][0].lower().rstrip(".,") if words else ""
        # The words must follow the number directly, with only spaces between.
        pos = e
        for idx, (word, end) in enumerate(words[:4]):
            gap = text[pos : end - len(word)]
            if gap.strip() not in ("",):
                break
            low = word.lower().rstrip(".,")
            two = f"{low} {words[idx + 1][0].lower()}" if idx + 1 < len(words) else ""
            if two in self.people:
                return two, words[idx + 1][1], first
            if low in self.people:
                return low, end, first
            if low in self.count_modifiers:
                pos = end  # "two dozen other candidates", "100 more troops"
                continue
            if low in self.units and idx + 1 < len(words) and words[idx + 1][0].lower().rstrip(".,") in self.people:
                pos = end  # "840,000 fellow Hillsborough County voters": a place names the people
                continue
            if low in self.units or low in self.stop:
                if low == "of" and idx == 0:
                    # "42 of the prisoners", "57 of them"
                    rest = text[end : end + 40].lower().split()
                    if rest and rest[0] in self.counted_pronouns:
                        return "them", end + len(rest[0]) + 1, first
                    for r in rest[:3]:
                        if r.strip(".,") in self.people:
                            return r.strip(".,"), end, first
                break
            pos = end
        return "", e, first

    def _casualty_near(self, text: str, s: int, e: int, noun_end: int) -> str:
        """A casualty word governing the number: "57 were killed", "killing 12", "57 dead"."""
        after = text[max(e, noun_end) : max(e, noun_end) + 45]
        m = self.casualty.match(after.lstrip()) or self.casualty.search(self.before_casualty.sub("", after))
        if m and m.start() == 0:
            return m.group(0).lower()
        before = text[max(0, s - 45) : s]
        b = self.casualty_before.search(before) or self.harm_before.search(before)
        if b:
            return b.group(0).split()[0].lower()
        return ""

    def _excluded_context(self, text: str, s: int, e: int) -> bool:
        window = text[max(0, s - 60) : s] + _FIGURE_MARK + text[e : e + 60]
        return self.contexts.search(window) is not None

    def _date_like(self, text: str, s: int, e: int) -> bool:
        before = _words_before(text, s, 1)
        after = _WORD_AT.match(text, e + 1) if text[e : e + 1] == " " else None
        words = [before[-1] if before else "", after.group(0) if after else ""]
        return any(w[:1].isupper() and w.lower() in self.months for w in words)

    def _age_range(self, text: str, s: int) -> bool:
        # "voters ages 18-29": an age band, not a tally
        before = _words_before(text, s, 1)
        return bool(before) and before[-1].lower() in self.age_words

    def _age_apposition(self, text: str, s: int, e: int) -> bool:
        # "Scott Slinker, 55, said" or "Slinker (55)"
        return bool(_NAME_COMMA.search(text[max(0, s - 40) : s]) and text[e : e + 1] == ",") or bool(
            _NAME_PAREN.search(text[max(0, s - 40) : s]) and text[e : e + 1] == ")"
        )

    # --- vague quantities and shares ----------------------------------------------------

    def _classify_vague(self, text: str, s: int, e: int) -> Figure | None:
        if (s > 0 and text[s - 1] == "-") or text[e : e + 1] == "-":
            return None
        prev = _words_before(text, s, 1)
        if prev and prev[-1].lower() in self.not_vague_before:
            return None  # "test scores", "the hundreds"
        rest = text[e : e + 80]
        if self._excluded_context(text, s, e):
            return None
        if text[s:e].lower().startswith("record"):
            return self._make(text, s, e, "vague", None, "record")  # "in record numbers": a statistic by itself
        of = _OF.match(rest)
        if of:
            # "hundreds of millions of impoverished peasants": the counted noun is among the next words.
            for w in list(_WORD_AT.finditer(text, e + of.end(), min(len(text), e + of.end() + 60)))[:4]:
                noun = w.group(0).lower().rstrip(".,")
                if noun in self.people or noun in self.vague_counted:
                    return self._make(text, s, e, "vague", None, noun)
                if w.group(0)[:1].isupper() and noun.endswith("s") and noun not in self.units and noun not in self.stop:
                    return self._make(text, s, e, "vague", None, noun)  # "thousands of Oromos", "of Democrats"
                if noun in self.units or noun in self.stop:
                    break
            return None
        noun = self._head_noun(text, e)[0]
        if noun:
            return self._make(text, s, e, "vague", None, noun)  # "several hundred rebel fighters"
        group = self.in_group.match(rest)
        if group and (group.group(1).lower() in self.people or group.group(1).lower() in self.total_words):
            return self._make(text, s, e, "vague", None, group.group(1).lower())  # "Dozens in the crowd"
        casualty = self._casualty_near(text, s, e, e)
        if casualty:
            return self._make(text, s, e, "vague", None, casualty)
        return self._bare_vague(text, s, e)

    def _bare_vague(self, text: str, s: int, e: int) -> Figure | None:
        """A vague quantity with no counted noun that is still a figure: a scale plural
        ("lost billions"), the subject of its clause ("Hundreds streamed down the avenue"),
        or a total's value ("the crowd grew to several thousand")."""
        word = text[s:e].lower()
        if word in self.bare_vague:
            return self._make(text, s, e, "vague", None, word)
        total = self.total_before.search(text[max(0, s - 90) : s])
        if total:
            return self._make(text, s, e, "vague", None, total.group("total").lower())
        nxt = [w.group(0).lower() for w in _WORD_AT.finditer(text, e, min(len(text), e + 40))][:2]
        if nxt and nxt[0] in self.count_modifiers:
            nxt = nxt[1:]  # "Hundreds more gathered"
        if nxt and nxt[0].endswith("ly") and len(nxt) > 1:
            nxt = nxt[1:]  # "hundreds peacefully streamed"
        verb = nxt[0] if nxt else ""
        if verb in self.people_relatives:
            return self._make(text, s, e, "vague", None, "people")  # "hundreds who crowded into the hall"
        if (verb in self.subject_verbs or (verb.endswith("ed") and len(verb) > 4)) and self.clause_start.search(
            text[max(0, s - 40) : s]
        ):
            return self._make(text, s, e, "vague", None, "people")
        return None

    def _classify_share(self, text: str, s: int, e: int) -> Figure | None:
        if self._excluded_context(text, s, e):
            return None
        word = text[s:e].lower()
        if self.change.match(word):
            nxt = _WORD_AT.search(text, e, min(len(text), e + 20))
            if nxt is not None and nxt.group(0).lower() in self.change_not_before:
                return None  # "a critique that doubled as a reminder": it served as one
            return self._make(text, s, e, "share", None, word)
        # "a quarter of Kazakhstan's citizens": a people noun among the next few words.
        for w in _WORD_AT.finditer(text, e, min(len(text), e + 50)):
            low = w.group(0).lower().rstrip(".,")
            if low in self.people or low in self.share_counted:
                return self._make(text, s, e, "share", None, low)
            if low in self.units or low in (",", ";"):
                return None
        if self.approx.search(text, max(0, s - 30), s):
            return self._make(text, s, e, "share", None, word)  # "more than one-third of the growth": a measured share
        return None

    def _classify_ratio(self, text: str, s: int, e: int) -> Figure | None:
        """A ratio ("Four in 10 have ...", "one in five voters") is a share of the people polled
        or named, unless a unit or a place is what is counted ("two out of three states")."""
        if self._excluded_context(text, s, e):
            return None
        for w in _WORD_AT.finditer(text, e, min(len(text), e + 50)):
            low = w.group(0).lower().rstrip(".,")
            if low in self.people or low in self.share_counted:
                return self._make(text, s, e, "share", None, low)
            if low in self.units:
                return None
            if low not in self.stop:
                break
        return self._make(text, s, e, "share", None, " ".join(text[s:e].lower().split()))

    def _make(self, text: str, s: int, e: int, kind: str, value: float | None, noun: str) -> Figure:
        am = self.approx.search(text, max(0, s - 30), s)
        return Figure(s, e, text[s:e], kind, value, noun, " ".join(am.group(1).lower().split()) if am else "")


def _alone_on_its_line(text: str, s: int, e: int) -> bool:
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    return not text[line_start:s].strip() and not text[e : len(text) if line_end < 0 else line_end].strip(" .)")


def _inside_a_name(text: str, s: int, e: int) -> bool:
    """Whether the number at `s`..`e` stands between two capitalised words, the first not
    opening the sentence: a name's part, as in "Under 70 Auto Sales", "Route 66 Diner"."""
    before = text[max(0, s - 40) : s]
    prev = _WORD_AT.findall(before)
    if not prev or not before.endswith(" ") or before.rstrip().endswith((",", ";", ":")):
        return False
    word = prev[-1]
    if not word[:1].isupper() or not text[:s].rstrip()[: -len(word)].strip():
        return False  # lower case, or the sentence's first word ("Under 70 people came")
    after = text[e : e + 40]
    return after[:1] == " " and after[1:2].isupper() and after[1:].split(" ", 1)[0].isalpha()


_TIMES_AFTER = compiled(r"\s+times\b")


def _words_before(text: str, s: int, n: int) -> list[str]:
    return [w.group(0) for w in _WORD_AT.finditer(text, max(0, s - 40), s)][-n:]


def parse_number(raw: str, values: dict[str, int | float]) -> float | None:
    """The value of a number in digits or in words ("1,953", "4.5", "Fifty-seven", "a dozen"), the
    words valued by `values` (the lexicon's number_values)."""
    raw = raw.strip().lower()
    if raw[:1].isdigit():
        try:
            return float(raw.replace(",", ""))
        except ValueError:
            return None
    total = 0.0
    current = 0.0
    for part in _WORD_BREAK.split(raw):
        if part in ("a", "and"):
            current = current or 1
            continue
        v = values.get(part)
        if v is None:
            return None
        if v == 100:
            current = (current or 1) * 100
        elif v == 1000:
            total += (current or 1) * 1000
            current = 0
        elif v == 12 and part == "dozen":
            current = (current or 1) * 12
        else:
            current += v
    return total + current
