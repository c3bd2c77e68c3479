"""The project: which linter each file gets, from the configuration found above it.

`Workspace` reads config files (`.attrlint.yaml`, `pyproject.toml`), applies command-line
choices over them, compiles (or loads from the cache) one `Linter` per configuration, and
indexes reference copy for quote-drift. The command line, the language server, the library
API and the worker pools all lint through it, so they behave the same.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from attrlint.diagnostic import Diagnostic
from attrlint.engine.config import Config, find_config, load_config
from attrlint.engine.lint import Linter, select_rules
from attrlint.engine.rules import builtin_pack_dir, load_rules, override_rule, pack_files, prepare
from attrlint.engine.suggest import did_you_mean
from attrlint.errors import RuleFileError
from attrlint.model.source import Source


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
    use_cache: bool = True  # --no-cache: compile the rules afresh (see attrlint.engine.cache)
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
        from attrlint.engine import cache

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
        extra_lexicon = _extra_lexicon(cfg)
        if extra_lexicon:
            ruleset.lexicon.extend(extra_lexicon, cfg.path or "config")
        severity, options = _rule_settings(cfg, override)
        _check_rule_ids(cfg, ruleset.by_id(), severity, options)
        if severity or options or extra_lexicon:
            _apply_settings(ruleset, cfg, severity, options, prepare_all=bool(extra_lexicon))
        if cfg.path:
            _check_selection(cfg, ruleset)
        select = self.select if self.select is not None else (override or {}).get("select", cfg.select)
        ignore = list(self.ignore or []) + list(cfg.ignore) + list((override or {}).get("ignore", []))
        return Linter(ruleset, select_rules(ruleset, select, ignore, where), time_limit=self.time_limit)

    def _references(self, paths: tuple[str, ...], linter: Linter):
        got = self._refs.get(paths)
        if got is None:
            from attrlint.analysis.references import ReferenceIndex

            got = self._refs[paths] = ReferenceIndex.build(list(paths), linter)
        return got


def _extra_lexicon(cfg: Config) -> dict:
    """The word classes a config file adds to the shared lexicon."""
    extra = {}
    if cfg.furniture:
        extra["furniture_lines"] = cfg.furniture
    if cfg.acronyms:
        extra["well_known_acronyms"] = cfg.acronyms
    return extra


def _rule_settings(cfg: Config, override: dict | None) -> tuple[dict, dict]:
    """Severities and options by rule id: the config file's, with a matching override's over them."""
    severity = dict(cfg.severity)
    options = {k: dict(v) for k, v in cfg.options.items()}
    if override:
        severity.update(override.get("severity", {}))
        for rid, opts in override.get("options", {}).items():
            options.setdefault(rid, {}).update(opts)
    return severity, options


def _apply_settings(ruleset, cfg: Config, severity: dict, options: dict, prepare_all: bool) -> None:
    """Give the rules their configured severities and options. After the config extended the
    lexicon every rule is prepared again, since its patterns are built from the lexicon."""
    ruleset.rules = [
        override_rule(r, severity.get(r.id), options.get(r.id), cfg.path or "config", cfg.lines.get("options"))
        if (r.id in severity or r.id in options)
        else r
        for r in ruleset.rules
    ]
    if prepare_all:
        for r in ruleset.rules:
            prepare(r)


def _check_rule_ids(cfg: Config, by_id: dict, severity: dict, options: dict) -> None:
    """A severity or options for a rule that does not exist is an error at its line."""
    for rid in sorted(set(severity) | set(options)):
        if rid not in by_id:
            key = "severity" if rid in severity else "options"
            line = cfg.lines.get(f"{key}.{rid}") or cfg.lines.get(key)
            raise RuleFileError(cfg.path or "config", line, f"unknown rule {rid!r} in config{did_you_mean(rid, by_id)}")


def _check_selection(cfg: Config, ruleset) -> None:
    """A misspelt id in the config file is reported at its line, as other config errors are."""
    known = {r.id for r in ruleset.rules} | {r.pack for r in ruleset.rules} | {"ALL"}
    for key in ("select", "ignore"):
        for name in getattr(cfg, key) or []:
            if name not in known:
                hint = did_you_mean(name, known - {"ALL"}) or " (see `attrlint rules`)"
                raise RuleFileError(cfg.path or "config", cfg.lines.get(key), f"unknown rule or pack {name!r} in {key}{hint}")
