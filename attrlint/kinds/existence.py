"""Kind `existence`: flag words or patterns, for rules a newsroom writes without Python.

Like Vale's existence check: a list of `tokens` (literal words and phrases) and/or `patterns`
(regular expressions), searched in the body, the headline or both, outside quotations unless
told otherwise. `unless` patterns exempt a whole sentence; `fix` offers a replacement.
"""

from __future__ import annotations

from typing import ClassVar

import regex

from attrlint.diagnostic import Fix
from attrlint.engine.rules import Option, Rule, register
from attrlint.model.lexicon import pattern_alternation, word_alternation


@register
class Existence(Rule):
    kind = "existence"
    placeholders = frozenset({"match"})
    options: ClassVar[dict[str, Option]] = {
        "tokens": Option("words", [], "literal words or phrases to flag (matched on word boundaries)"),
        "patterns": Option("patterns", [], "regular expressions to flag"),
        "ignore_case": Option("bool", True, "match regardless of case"),
        "scope": Option("str", "body", "where to look: body, headline or all"),
        "skip_quotations": Option("bool", True, "leave the words inside quotation marks alone"),
        "unless": Option("patterns", [], "a sentence matching any of these is not flagged"),
        "fix": Option("str", "", "replacement to offer for the matched text (applied only by `attrlint check --fix`)"),
    }

    def prepare(self) -> None:
        if self.opts["scope"] not in ("body", "headline", "all"):
            from attrlint.errors import RuleFileError

            raise RuleFileError(self.path, self.line, f"rule {self.id}: scope must be body, headline or all")
        if not self.opts["tokens"] and not self.opts["patterns"]:
            from attrlint.errors import RuleFileError

            raise RuleFileError(self.path, self.line, f"rule {self.id}: an existence rule needs tokens or patterns")
        flags = regex.V0 | (regex.IGNORECASE if self.opts["ignore_case"] else 0)
        parts = (
            [rf"(?<![\p{{L}}\p{{N}}])(?:{word_alternation(self.opts['tokens'])})(?![\p{{L}}\p{{N}}])"]
            if self.opts["tokens"]
            else []
        )
        parts += [f"(?:{p})" for p in self.opts["patterns"]]
        self._pattern = regex.compile("|".join(parts), flags)
        self._unless = regex.compile(pattern_alternation(self.opts["unless"]), flags) if self.opts["unless"] else None

    def check(self, article, facts):
        scope = self.opts["scope"]
        sentences = []
        if scope in ("headline", "all") and article.headline is not None:
            sentences.append(article.headline)
        if scope in ("body", "all"):
            sentences.extend(article.sentences)
        for sent in sentences:
            text = sent.unquoted if self.opts["skip_quotations"] else sent.text
            if self._unless is not None and self._unless.search(text):
                continue
            for m in self._pattern.finditer(text):
                if m.end() == m.start():
                    continue
                s, e = sent.start + m.start(), sent.start + m.end()
                fix = Fix(s, e, self.opts["fix"], f"Replace with '{self.opts['fix']}'") if self.opts["fix"] else None
                yield self.diagnostic(article, s, e, fix=fix, match=m.group(0))
