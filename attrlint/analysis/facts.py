"""Facts about an article that several rules read, computed once per article on demand."""

from __future__ import annotations

import os

from attrlint.analysis.attribution import Attribution, AttributionFinder
from attrlint.analysis.figures import Figure, FigureFinder
from attrlint.model.lexicon import Lexicon
from attrlint.patterns import guard

# Sentences whose findings are remembered by their text (see Tools.by_text). Enough for the
# language server's drafts many times over; over a whole corpus a larger memo bought no time
# and cost 20 MB (63.8 MB peak at 50,000 against 43.8 MB at 10,000, one process, 1,547 files).
_MEMO_SIZE = 10_000
# The benchmark measures new copy with the memo off (ATTRLINT_NO_MEMO=1): nothing is reused.
_NO_MEMO = bool(os.environ.get("ATTRLINT_NO_MEMO"))


class Tools:
    """The lexicon's compiled finders; built once per run and shared by every article.

    Attributions and figures depend on nothing but a sentence's own words, so they are
    remembered by text: re-linting a draft after an edit (the language server) recomputes only
    the sentences that changed. The results are shared and must not be modified."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.attribution_finder = AttributionFinder(lexicon)
        self.figure_finder = FigureFinder(lexicon)
        guard(self.attribution_finder)
        guard(self.figure_finder)
        self._memo: dict[tuple[str, str], list] = {}

    def by_text(self, what: str, text: str, find) -> list:
        if _NO_MEMO:
            return find(text)
        key = (what, text)
        got = self._memo.get(key)
        if got is None:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()  # a long run over many files: start afresh, memory stays bounded
            got = self._memo[key] = find(text)
        return got

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_memo"] = {}  # not worth shipping to workers or the cache
        return state


class Facts:
    """Per-article memo of attributions and figures, keyed by sentence span."""

    def __init__(self, article, tools: Tools, references=None):
        self.article = article
        self.tools = tools
        self.references = references
        self._attributions: dict[tuple[int, int], list[Attribution]] = {}
        self._all: dict[tuple[int, int], list[Attribution]] = {}
        self._figures: dict[tuple[int, int], list[Figure]] = {}

    def attributions(self, sentence) -> list[Attribution]:
        """The sentence's attributions in the contract's sense (words or findings credited to a
        source) by the cues the rules are written against; beliefs and stances, which the
        model also finds, are left out, and so are the wider speech verbs (asked, described)."""
        key = (sentence.start, sentence.end)
        got = self._attributions.get(key)
        if got is None:
            got = self._attributions[key] = [a for a in self.all_attributions(sentence) if a.reports and a.listed]
        return got

    def all_attributions(self, sentence) -> list[Attribution]:
        """Every attribution the model finds in the sentence, beliefs and stances included; in
        the headline, a colon credit too ("Monitor: 57 dead")."""
        key = (sentence.start, sentence.end)
        found = self._all.get(key)
        if found is None:
            # Kept per article: several rules ask for one sentence's (with the memos off, each
            # call would find them anew).
            found = self.tools.by_text("a", sentence.unquoted, self.tools.attribution_finder.find)
            if sentence.paragraph == -1 and not any(a.kind == "credit" for a in found):
                found = found + self.tools.by_text("h", sentence.unquoted, self.tools.attribution_finder.headline_credit)
            self._all[key] = found
        return found

    def figures(self, sentence) -> list[Figure]:
        """Reported figures in the writer's own words (quotations are blanked first)."""
        key = (sentence.start, sentence.end)
        got = self._figures.get(key)
        if got is None:
            got = self._figures[key] = self.tools.by_text("f", sentence.unquoted, self.tools.figure_finder.find)
        return got
