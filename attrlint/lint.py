"""The one entry point every front end calls: lint(source) -> diagnostics.

`Linter` runs one set of compiled rules. `Workspace` picks the linter for each file from the
project configuration found above it, so the command line and the language server share the
same behaviour.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import attrlint.kinds  # noqa: F401  (registers the rule kinds)
from attrlint.analysis import Facts, Tools
from attrlint.article import Article, read_article
from attrlint.config import Config, find_config, load_config
from attrlint.diagnostic import Diagnostic
from attrlint.errors import AttrlintError, InputError, RuleFileError
from attrlint.patterns import time_limit
from attrlint.rules import Rule, RuleSet, builtin_pack_dir, load_rules, override_rule, pack_files, prepare
from attrlint.source import Source
from attrlint.suggest import did_you_mean
from attrlint.suppress import find_suppressions


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
    ruleset: RuleSet
    rules: list[Rule]
    references: object | None = None
    time_limit: float | None = 5.0  # seconds per pattern match
    tools: Tools = field(init=False)

    def __post_init__(self) -> None:
        self.tools = Tools(self.ruleset.lexicon)
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
            from attrlint.references import ReferenceIndex

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


@dataclass
class Workspace:
    """Linters by configuration. Command-line choices win over a config file's."""

    rules: list[str] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] | None = None
    references: list[str] = field(default_factory=list)
    config_file: str | None = None  # --config: use this one file for every draft
    isolated: bool = False  # --isolated: no config files at all
    time_limit: float | None = 5.0  # --timeout: seconds per pattern match
    use_cache: bool = True  # --no-cache: compile the rules afresh (see attrlint.cache)
    _configs: dict = field(default_factory=dict, repr=False)
    _linters: dict = field(default_factory=dict, repr=False)
    _refs: dict = field(default_factory=dict, repr=False)
    _found: dict = field(default_factory=dict, repr=False)

    def kwargs(self) -> dict:
        """What it takes to build an equal workspace in another process."""
        return {
            "rules": list(self.rules),
            "select": self.select,
            "ignore": self.ignore,
            "references": list(self.references),
            "config_file": self.config_file,
            "isolated": self.isolated,
            "time_limit": self.time_limit,
            "use_cache": self.use_cache,
        }

    def config_for(self, path: str) -> Config:
        if self.isolated:
            return Config()
        cfg_path = self.config_file or self._find_config(path if path != "-" else os.getcwd())
        if cfg_path is None:
            return Config()
        cfg = self._configs.get(cfg_path)
        if cfg is None:
            cfg = self._configs[cfg_path] = load_config(cfg_path)
        return cfg

    def _find_config(self, path: str) -> str | None:
        # Looked up once per folder: a run over a tree, or the language server re-linting on
        # every keystroke, must not re-read pyproject.toml files each time (reload() forgets).
        folder = os.path.dirname(os.path.abspath(path)) if not os.path.isdir(path) else os.path.abspath(path)
        if folder not in self._found:
            self._found[folder] = find_config(path)
        return self._found[folder]

    def linter_for(self, path: str) -> Linter:
        cfg = self.config_for(path)
        override = cfg.override_for(path) if path != "-" else None
        key = (cfg.path, repr(override))
        linter = self._linters.get(key)
        if linter is None:
            linter = self._linters[key] = self._build(cfg, override)
        return linter

    def lint(self, source: Source) -> list[Diagnostic]:
        return self.linter_for(source.path).lint(source)

    def reload(self) -> None:
        """Forget loaded configs and rules (the language server calls this when they change)."""
        self._configs.clear()
        self._linters.clear()
        self._found.clear()
        self._refs.clear()

    def _build(self, cfg: Config, override: dict | None) -> Linter:
        from attrlint import cache

        rule_files = [f for p in [str(builtin_pack_dir()), *list(cfg.rules), *list(self.rules)] for f in pack_files(p)]
        key = None
        if self.use_cache:
            key = cache.key_for(
                rule_files + ([cfg.path] if cfg.path else []),
                (self.select, self.ignore, self.time_limit, repr(override), cfg.path),
            )
        linter = cache.load(key, Linter) if key else None
        if linter is None:
            linter = self._compile(cfg, override)
            if key:
                cache.store(key, linter)
        refs = list(self.references) + list(cfg.references)
        if refs:
            linter.references = self._references(tuple(refs), linter)
        return linter

    def _compile(self, cfg: Config, override: dict | None) -> Linter:
        ruleset = load_rules(list(cfg.rules) + list(self.rules))
        where = f"{cfg.path}: " if cfg.path else ""
        extra_lexicon = {}
        if cfg.furniture:
            extra_lexicon["furniture_lines"] = cfg.furniture
        if cfg.acronyms:
            extra_lexicon["well_known_acronyms"] = cfg.acronyms
        if extra_lexicon:
            ruleset.lexicon.extend(extra_lexicon, cfg.path or "config")
        severity = dict(cfg.severity)
        options = {k: dict(v) for k, v in cfg.options.items()}
        if override:
            severity.update(override.get("severity", {}))
            for rid, opts in override.get("options", {}).items():
                options.setdefault(rid, {}).update(opts)
        by_id = ruleset.by_id()
        for rid in sorted(set(severity) | set(options)):
            if rid not in by_id:
                key = "severity" if rid in severity else "options"
                line = cfg.lines.get(f"{key}.{rid}") or cfg.lines.get(key)
                raise RuleFileError(cfg.path or "config", line, f"unknown rule {rid!r} in config{did_you_mean(rid, by_id)}")
        if severity or options or extra_lexicon:
            ruleset.rules = [
                override_rule(r, severity.get(r.id), options.get(r.id), cfg.path or "config", cfg.lines.get("options"))
                if (r.id in severity or r.id in options)
                else r
                for r in ruleset.rules
            ]
            if extra_lexicon:
                for r in ruleset.rules:
                    prepare(r)
        if cfg.path:
            # A misspelt id in the config file is reported at its line, as other config errors are.
            known = {r.id for r in ruleset.rules} | {r.pack for r in ruleset.rules} | {"ALL"}
            for key in ("select", "ignore"):
                for name in getattr(cfg, key) or []:
                    if name not in known:
                        hint = did_you_mean(name, known - {"ALL"}) or " (see `attrlint rules`)"
                        raise RuleFileError(cfg.path, cfg.lines.get(key), f"unknown rule or pack {name!r} in {key}{hint}")
        select = self.select if self.select is not None else (override or {}).get("select", cfg.select)
        ignore = list(self.ignore or []) + list(cfg.ignore) + list((override or {}).get("ignore", []))
        return Linter(ruleset, select_rules(ruleset, select, ignore, where), time_limit=self.time_limit)

    def _references(self, paths: tuple[str, ...], linter: Linter):
        got = self._refs.get(paths)
        if got is None:
            from attrlint.references import ReferenceIndex

            got = self._refs[paths] = ReferenceIndex.build(list(paths), linter)
        return got
