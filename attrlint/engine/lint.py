"""The engine: `Linter` runs one set of compiled rules over a source -> diagnostics.

It reads the source into the article model, computes the shared analyses once (`Facts`),
runs the check rules and then the audit rules, and places every diagnostic at its
line:column. Which rules, with which options, is the project's business
(attrlint.engine.project).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import attrlint.kinds  # noqa: F401  (registers the rule kinds)
from attrlint.analysis.facts import Facts, Tools
from attrlint.diagnostic import Diagnostic
from attrlint.engine.rules import Rule, RuleSet, load_rules
from attrlint.engine.suggest import did_you_mean
from attrlint.engine.suppress import find_suppressions
from attrlint.errors import AttrlintError, InputError
from attrlint.model.article import Article
from attrlint.model.segment import read_article
from attrlint.model.source import Source
from attrlint.patterns import time_limit


def select_rules(ruleset: RuleSet, select: list[str] | None, ignore: list[str] | None, where: str = "") -> list[Rule]:
    """Rules to run: enabled ones, or exactly those selected (by id or pack), minus ignored."""
    known = {r.id for r in ruleset.rules} | {r.pack for r in ruleset.rules} | {"ALL"}
    for name in (select or []) + (ignore or []):
        if name not in known:
            hint = did_you_mean(name, known - {"ALL"}) or " (see `attrlint rules`)"
            raise AttrlintError(f"{where}unknown rule or pack {name!r}{hint}")
    if select:
        chosen = [r for r in ruleset.rules if "ALL" in select or r.id in select or r.pack in select]
    else:
        chosen = [r for r in ruleset.rules if r.enabled]
    if ignore:
        chosen = [r for r in chosen if r.id not in ignore and r.pack not in ignore]
    return chosen


@dataclass
class Linter:
    """Compiled rules with the tools they share, ready to lint sources."""

    ruleset: RuleSet
    rules: list[Rule]
    references: object | None = None
    time_limit: float | None = 5.0  # seconds per pattern match
    tools: Tools = field(init=False)

    def __post_init__(self) -> None:
        self.tools = Tools(self.ruleset.lexicon)
        # Compiled now, so that the rule cache keeps it: compiling the furniture patterns took
        # a tenth of a one-article run's time.
        self.ruleset.lexicon.furniture_line  # noqa: B018
        self.timeouts: list[tuple[str, str]] = []
        self.known = {r.id for r in self.ruleset.rules} | {r.pack for r in self.ruleset.rules}
        self.audits = [r for r in self.rules if r.phase == "audit"]
        self.checks = [r for r in self.rules if r.phase != "audit"]
        self.packs = {r.id: r.pack for r in self.ruleset.rules}

    @classmethod
    def create(cls, extra_rules=(), select=None, ignore=None, references=None) -> Linter:
        """A linter of the shipped packs plus `extra_rules`; `references` are paths of reference
        copy (files or folders) for quote-drift, or an already built ReferenceIndex."""
        ruleset = load_rules(extra_rules)
        linter = cls(ruleset, select_rules(ruleset, select, ignore))
        if isinstance(references, (str, os.PathLike)):
            references = [references]
        if isinstance(references, (list, tuple)):
            # Reference copy is read with this linter's own reader and lexicon.
            from attrlint.analysis.references import ReferenceIndex

            references = ReferenceIndex.build([os.fspath(p) for p in references], linter) if references else None
        linter.references = references
        return linter

    def article(self, source: Source) -> Article:
        return read_article(source, self.ruleset.lexicon)

    def lint(self, source: Source) -> list[Diagnostic]:
        return self.lint_article(source)[0]

    def lint_article(self, source: Source) -> tuple[list[Diagnostic], Article, Facts]:
        """Findings, plus the article and facts they were found in (for reports that show copy).

        Each rule runs under its own time limit; a rule that runs out is named in
        `self.timeouts` (path, rule id) and the others go on."""
        try:
            with time_limit(self.time_limit):
                article = self.article(source)
        except TimeoutError:
            # Reading runs patterns too (furniture lines, a user's included): without an
            # article no rule can run, so the file is skipped and named, not the run lost.
            raise InputError(
                source.path,
                f"a pattern run while reading the draft (furniture lines, quotations) "
                f"ran longer than {self.time_limit or 0:g} s; the file was not checked",
            ) from None
        facts = Facts(article, self.tools, self.references)
        found: list[Diagnostic] = []
        for rule in self.checks:
            try:
                with time_limit(self.time_limit):
                    found.extend(rule.check(article, facts))
            except TimeoutError:
                self.timeouts.append((source.path, rule.id))
        for d in found:
            _place(d, source)
        suppressions = find_suppressions(source, self.known)
        if suppressions.directives:
            found = [d for d in found if not suppressions.suppresses(d.rule, self.packs.get(d.rule, ""), d.line)]
        for rule in self.audits:
            for d in rule.audit(article, suppressions):
                _place(d, source)
                found.append(d)
        found.sort(key=Diagnostic.sort_key)
        return found, article, facts


def _place(d: Diagnostic, source: Source) -> None:
    d.line, d.column = source.position(d.start)
    d.end_line, d.end_column = source.position(max(d.start, d.end))
    if d.fix:
        d.fix.line, d.fix.column = source.position(d.fix.start)
        d.fix.end_line, d.fix.end_column = source.position(d.fix.end)
