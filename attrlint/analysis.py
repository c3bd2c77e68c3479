"""Facts about an article that several rules read, computed once per article on demand."""

from __future__ import annotations

from attrlint.attribution import Attribution, AttributionFinder
from attrlint.figures import Figure, FigureFinder
from attrlint.lexicon import Lexicon
from attrlint.patterns import guard


class Tools:
    """The lexicon's compiled finders; built once per run and shared by every article."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.attribution_finder = AttributionFinder(lexicon)
        self.figure_finder = FigureFinder(lexicon)
        guard(self.attribution_finder)
        guard(self.figure_finder)


class Facts:
    """Per-article memo of attributions and figures, keyed by sentence span."""

    def __init__(self, article, tools: Tools, references=None):
        self.article = article
        self.tools = tools
        self.references = references
        self._attributions: dict[tuple[int, int], list[Attribution]] = {}
        self._figures: dict[tuple[int, int], list[Figure]] = {}

    def attributions(self, sentence) -> list[Attribution]:
        key = (sentence.start, sentence.end)
        got = self._attributions.get(key)
        if got is None:
            got = self._attributions[key] = self.tools.attribution_finder.find(sentence.unquoted)
        return got

    def figures(self, sentence) -> list[Figure]:
        """Reported figures in the writer's own words (quotations are blanked first)."""
        key = (sentence.start, sentence.end)
        got = self._figures.get(key)
        if got is None:
            got = self._figures[key] = self.tools.figure_finder.find(sentence.unquoted)
        return got
