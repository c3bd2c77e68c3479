"""Kind `quote-unbalanced`: quotation marks that pair with nothing in their paragraph.

The pairing itself is the article model's (attrlint/model/quotes.py): apostrophes are told apart
from single quotes, nesting and straight-with-curly pairs are allowed, and a paragraph left
open before a paragraph that reopens with a mark is the continuing-quote convention. What is
left over is reported here, one finding per stray mark.
"""

from __future__ import annotations

from typing import ClassVar

from attrlint.engine.rules import Option, Rule, register


@register
class QuoteUnbalanced(Rule):
    kind = "quote-unbalanced"
    placeholders = frozenset({"mark", "which", "partner"})
    options: ClassVar[dict[str, Option]] = {
        "wrong_way_message": Option(
            "str",
            "This {which} quotation mark faces the wrong way ({mark}): write {right}",
            "the message for a curly mark facing the wrong way; placeholders: which, mark, right",
        ),
    }

    def check(self, article, facts):
        wrong = {m.offset: m for m in article.wrong_way_marks}
        for mark in sorted(
            [*article.wrong_way_marks, *(m for m in article.unmatched_marks if m.offset not in wrong)], key=lambda m: m.offset
        ):
            what = "opening" if mark.opening else "closing"
            if mark.wrong_way:
                # Reported once, at the mark, naming the right one; its pairing already took
                # the side it stands on, so the quotation itself is whole.
                right = "“" if mark.opening else "”"
                yield self._wrong_way(article, mark, what, right)
                continue
            partner = "closing" if mark.opening else "opening"
            yield self.diagnostic(article, mark.offset, mark.offset + mark.length, mark=mark.char, which=what, partner=partner)

    def _wrong_way(self, article, mark, which: str, right: str):
        d = self.diagnostic(article, mark.offset, mark.offset + mark.length, mark=mark.char, which=which, partner="")
        d.message = self.opts["wrong_way_message"].format(which=which, mark=mark.char, right=right)
        return d
