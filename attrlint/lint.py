"""The one entry point every front end calls: lint(source) -> diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field

import attrlint.kinds  # noqa: F401  (registers the rule kinds)
from attrlint.analysis import Facts, Tools
from attrlint.article import Article, read_article
from attrlint.diagnostic import Diagnostic
from attrlint.errors import AttrlintError
from attrlint.rules import Rule, RuleSet, load_rules
from attrlint.source import Source


def select_rules(ruleset: RuleSet, select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Rules to run: enabled ones, or exactly those selected (by id or pack), minus ignored."""
    known = {r.id for r in ruleset.rules} | {r.pack for r in ruleset.rules} | {"ALL"}
    for name in (select or []) + (ignore or []):
        if name not in known:
            raise AttrlintError(f"unknown rule or pack {name!r} (see `attrlint rules`)")
    if select:
        chosen = [r for r in ruleset.rules if "ALL" in select or r.id in select or r.pack in select]
    else:
        chosen = [r for r in ruleset.rules if r.enabled]
    if ignore:
        chosen = [r for r in chosen if r.id not in ignore and r.pack not in ignore]
    return chosen


@dataclass
class Linter:
    ruleset: RuleSet
    rules: list[Rule]
    references: object | None = None
    tools: Tools = field(init=False)

    def __post_init__(self) -> None:
        self.tools = Tools(self.ruleset.lexicon)

    @classmethod
    def create(cls, extra_rules=(), select=None, ignore=None, references=None) -> "Linter":
        ruleset = load_rules(extra_rules)
        return cls(ruleset, select_rules(ruleset, select, ignore), references)

    def article(self, source: Source) -> Article:
        return read_article(source, self.ruleset.lexicon)

    def lint(self, source: Source) -> list[Diagnostic]:
        article = self.article(source)
        facts = Facts(article, self.tools, self.references)
        out: list[Diagnostic] = []
        for rule in self.rules:
            out.extend(rule.check(article, facts))
        for d in out:
            d.line, d.column = source.position(d.start)
            d.end_line, d.end_column = source.position(max(d.start, d.end))
            if d.fix:
                d.fix.line, d.fix.column = source.position(d.fix.start)
                d.fix.end_line, d.fix.end_column = source.position(d.fix.end)
        out.sort(key=Diagnostic.sort_key)
        return out
