"""Kind `quote-unbalanced`: quotation marks that pair with nothing in their paragraph.

The pairing itself is the article model's (attrlint/quotes.py): apostrophes are told apart
from single quotes, nesting and straight-with-curly pairs are allowed, and a paragraph left
open before a paragraph that reopens with a mark is the continuing-quote convention. What is
left over is reported here, one finding per stray mark.
"""

from __future__ import annotations

from attrlint.rules import Rule, register


@register
class QuoteUnbalanced(Rule):
    kind = "quote-unbalanced"
    placeholders = frozenset({"mark", "which", "partner"})
    options = {}

    def check(self, article, facts):
        for mark in article.unmatched_marks:
            what = "opening" if mark.opening else "closing"
            partner = "closing" if mark.opening else "opening"
            yield self.diagnostic(article, mark.offset, mark.offset + mark.length, mark=mark.char, which=what,
                                  partner=partner)
