"""Project configuration: `.attrlint.yaml` or `[tool.attrlint]` in `pyproject.toml`.

Found by walking up from each checked file, so one run over several projects uses each
project's own settings. Every key is validated; a mistake names the file, the key and (for
YAML) the line, and ends the run with exit code 2.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attrlint.diagnostic import SEVERITIES
from attrlint.engine.suggest import did_you_mean
from attrlint.engine.yamlload import load_yaml
from attrlint.errors import RuleFileError

CONFIG_NAMES = (".attrlint.yaml", ".attrlint.yml")

# key -> (type, help)
CONFIG_KEYS: dict[str, tuple[str, str]] = {
    "select": ("words", "run only these rules or packs"),
    "ignore": ("words", "skip these rules or packs"),
    "rules": ("words", "extra rule files or folders (relative to the config file)"),
    "severity": ("mapping", "rule id -> error, warning or info"),
    "options": ("mapping", "rule id -> {option: value}, the rule kind's own options"),
    "furniture": ("words", "extra furniture line patterns"),
    "acronyms": ("words", "extra well-known acronyms that need no expansion"),
    "references": ("words", "reference copy for quote-drift (files or folders, relative to the config file)"),
    "overrides": ("list", "per-path settings: [{files: [globs], select, ignore, severity, options}]"),
}
OVERRIDE_KEYS = {"files", "select", "ignore", "severity", "options"}


@dataclass
class Config:
    """A project's settings, from its config file (or the defaults when there is none)."""

    path: str | None = None  # None: no config file (defaults)
    root: str = "."
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)
    furniture: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    overrides: list[dict] = field(default_factory=list)
    lines: dict = field(default_factory=dict, repr=False)  # key -> line, for error messages

    def override_for(self, path: str) -> dict | None:
        """The merged per-path overrides matching `path` (relative to the config's folder)."""
        if not self.overrides:
            return None
        try:
            rel = Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            rel = Path(path).as_posix()
        merged: dict = {}
        for ov in self.overrides:
            if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(os.path.basename(rel), g) for g in ov["files"]):
                for key in ("select", "ignore"):
                    if key in ov:
                        merged[key] = ov[key]
                for key in ("severity", "options"):
                    if key in ov:
                        merged.setdefault(key, {}).update(ov[key])
        return merged or None


def find_config(start: str) -> str | None:
    """The nearest `.attrlint.yaml` (or pyproject.toml with [tool.attrlint]) above `start`."""
    here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            # Anything but a folder counts: a FIFO or device by that name is reported when it
            # is loaded, instead of the defaults applying without a word.
            if candidate.exists() and not candidate.is_dir():
                return str(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.exists() and not pyproject.is_dir() and _has_tool_section(pyproject):
            return str(pyproject)
    return None


def _has_tool_section(path: Path) -> bool:
    """True when the file has [tool.attrlint], and also when it cannot be told (unreadable,
    invalid TOML, a `tool` that is not a table): loading it then reports the problem, where
    skipping it would apply the defaults silently."""
    try:
        tool = _read_toml(str(path))[0].get("tool", {})
    except RuleFileError:
        # Broken. Ours if it shows our table, another tool's if it shows only theirs
        # ([tool.ruff]); when that cannot be told, reporting it (with its line) beats applying
        # the defaults without a word.
        from attrlint.model.source import RefusedFile, read_regular_bytes

        try:
            raw = read_regular_bytes(str(path), 4 * 1024 * 1024)
        except (RefusedFile, OSError):
            return True
        if re.search(_OUR_HEADER, raw):
            return True
        return not re.search(_OTHER_TOOL_HEADER, raw)
    return not isinstance(tool, dict) or "attrlint" in tool


def _read_toml(path: str) -> tuple[dict, str]:
    """The parsed file and its text (for the line of each key), read as a regular file only."""
    from attrlint.model.source import RefusedFile, read_regular_bytes

    try:
        data = read_regular_bytes(path, 4 * 1024 * 1024)
    except RefusedFile as exc:
        raise RuleFileError(path, None, exc.reason) from None
    except OSError as exc:
        raise RuleFileError(path, None, f"cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RuleFileError(path, data.count(b"\n", 0, exc.start) + 1, "is not UTF-8") from None
    import tomllib  # only for a pyproject.toml: a plain run finds none and skips the import

    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's TOMLDecodeError has no lineno; its message ends "(at line N, column M)".
        found = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
        line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
        reason = str(exc)[: found.start()].rstrip() if found else str(exc)
        raise RuleFileError(path, line, f"invalid TOML: {reason}") from None


def load_config(path: str) -> Config:
    if path.endswith(".toml"):
        parsed, raw_text = _read_toml(path)
        tool = parsed.get("tool", {})
        if not isinstance(tool, dict):
            raise RuleFileError(path, None, "`tool` must be a table ([tool.attrlint] holds the settings)")
        data = tool.get("attrlint")
        if data is None:
            raise RuleFileError(path, None, "has no [tool.attrlint] table")
        lines = toml_key_lines(raw_text)
    else:
        data = load_yaml(path)
        if data is None:
            data = {}
        lines = dict(getattr(data, "key_lines", {}))
        for key in ("severity", "options"):
            sub = data.get(key) if isinstance(data, dict) else None
            for rid, line in getattr(sub, "key_lines", {}).items():
                lines[f"{key}.{rid}"] = line
    if not isinstance(data, dict):
        raise RuleFileError(path, getattr(data, "line", None), "a config file must be a mapping of settings")
    root = os.path.dirname(os.path.abspath(path))
    cfg = Config(path=path, root=root, lines=lines)
    for key, value in data.items():
        line = lines.get(key)
        if key not in CONFIG_KEYS:
            hint = did_you_mean(key, CONFIG_KEYS) or f" (known: {', '.join(CONFIG_KEYS)})"
            raise RuleFileError(path, line, f"unknown config key {key!r}{hint}")
        _check(path, line, key, value, CONFIG_KEYS[key][0])
        if key in ("rules", "references"):
            value = [v if os.path.isabs(v) else os.path.join(root, v) for v in value]
        if key == "severity":
            _check_severity(path, line, value, lines)
        if key == "options":
            _check_options(path, line, value, lines)
        if key == "overrides":
            value = [
                _check_override(path, getattr(value, "item_lines", [line] * len(value))[i], ov) for i, ov in enumerate(value)
            ]
        setattr(cfg, key, list(value) if isinstance(value, list) else dict(value))
    return cfg


def _check(path: str, line, key: str, value: Any, typ: str) -> None:
    ok = {
        "words": isinstance(value, list) and all(isinstance(v, str) for v in value),
        "mapping": isinstance(value, dict),
        "list": isinstance(value, list),
    }[typ]
    if not ok:
        what = {"words": "a list of strings", "mapping": "a mapping", "list": "a list"}[typ]
        raise RuleFileError(path, line, f"config key {key!r} must be {what}")


def _check_severity(path: str, line, value: dict, lines: dict | None = None) -> None:
    for rule, sev in value.items():
        if sev not in SEVERITIES:
            raise RuleFileError(
                path,
                getattr(value, "key_lines", {}).get(rule) or (lines or {}).get(f"severity.{rule}", line),
                f"severity.{rule}: {sev!r} must be one of {', '.join(SEVERITIES)}",
            )


# More values than any real set of options holds: past it a value is refused before anything
# (a cache key, a repr, a validation) walks it, since YAML aliases can make a few lines of
# text stand for billions of values.
MAX_OPTION_VALUES = 10_000


def _too_big(value: Any, budget: int) -> int:
    """`budget` less the values in `value`, counting aliases as often as they are used;
    stops (returning a negative number) as soon as the budget is spent."""
    budget -= 1
    if isinstance(value, dict):
        items = list(value.keys()) + list(value.values())
    elif isinstance(value, list):
        items = value
    else:
        return budget
    for item in items:
        if budget < 0:
            break
        budget = _too_big(item, budget)
    return budget


def _check_options(path: str, line, value: dict, lines: dict | None = None) -> None:
    for rule, opts in value.items():
        where = getattr(value, "key_lines", {}).get(rule) or (lines or {}).get(f"options.{rule}", line)
        if not isinstance(opts, dict):
            raise RuleFileError(path, where, f"options.{rule} must be a mapping of option: value")
        if _too_big(opts, MAX_OPTION_VALUES) < 0:
            raise RuleFileError(
                path, where, f"options.{rule} holds more than {MAX_OPTION_VALUES} values (YAML aliases that expand?)"
            )


def _check_override(path: str, line, ov: Any) -> dict:
    if not isinstance(ov, dict):
        raise RuleFileError(path, line, "each entry of `overrides` must be a mapping")
    for key in ov:
        if key not in OVERRIDE_KEYS:
            raise RuleFileError(
                path,
                getattr(ov, "key_lines", {}).get(key, line),
                f"unknown key {key!r} in overrides"
                f"{did_you_mean(key, OVERRIDE_KEYS) or ' (known: ' + ', '.join(sorted(OVERRIDE_KEYS)) + ')'}",
            )
    if "files" not in ov:
        raise RuleFileError(path, line, "an override needs `files:` (a list of globs)")
    for key, typ in (
        ("files", "words"),
        ("select", "words"),
        ("ignore", "words"),
        ("severity", "mapping"),
        ("options", "mapping"),
    ):
        if key in ov:
            _check(path, getattr(ov, "key_lines", {}).get(key, line), f"overrides.{key}", ov[key], typ)
    if "severity" in ov:
        _check_severity(path, line, ov["severity"])
    if "options" in ov:
        _check_options(path, line, ov["options"])
    return dict(ov)


# "[tool.attrlint" with its bracket left off is ours too: a broken header must not read as
# "no settings here". (Pattern strings, compiled by `re` on first use: most runs meet no
# pyproject.toml.)
_OUR_HEADER = rb"(?m)^\s*\[\s*tool\s*\.\s*attrlint\s*(?:[\].]|$)"
_OTHER_TOOL_HEADER = rb"(?m)^\s*\[\s*tool\s*\.\s*[\w-]+"
_TABLE = r"^\s*\[\s*tool\s*\.\s*attrlint\s*(?:\.\s*([\w-]+|\"[^\"]*\")\s*)?\]\s*(?:#.*)?$"
_KEY = r"^\s*([\w-]+|\"[^\"]*\")\s*="
_INLINE_KEY = r"[{,]\s*([\w-]+|\"[^\"]*\")\s*="


def toml_key_lines(text: str) -> dict:
    """Line of each key of [tool.attrlint] ('severity') and of its tables ('severity.rule-id').

    tomllib gives values, not positions; errors in a pyproject.toml should still name the line,
    so the lines are found by reading the table headers and keys again. Inline tables
    (`severity = {loaded-verb = "info"}`) are covered; multi-line arrays need no more than the
    line of their key."""
    lines: dict = {}
    section = None  # None: outside [tool.attrlint]; "": the table itself; else the sub-table's key
    for n, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("["):
            m = re.match(_TABLE, line)
            section = None if m is None else (m.group(1) or "").strip('"')
            if section:
                lines.setdefault(section, n)
            continue
        if section is None:
            continue
        m = re.match(_KEY, line)
        if not m:
            continue
        key = m.group(1).strip('"')
        if section:
            lines.setdefault(f"{section}.{key}", n)
            continue
        lines.setdefault(key, n)
        for inner in re.compile(_INLINE_KEY).finditer(line, m.end()):
            lines.setdefault(f"{key}.{inner.group(1).strip(chr(34))}", n)
    return lines
