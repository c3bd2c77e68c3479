"""`attrlint init`: a commented starter `.attrlint.yaml`."""

from __future__ import annotations

import os

from attrlint.errors import AttrlintError

STARTER = """\
# attrlint configuration: read for every draft in this folder and the folders below it.
# Every key is optional; delete what you do not need. `attrlint rules` lists the rules,
# `attrlint explain RULE` says what one flags and which options it takes, and
# `attrlint config DRAFT` shows the settings a draft gets and where each comes from.

# Run only these rules or packs (figures, headline, quotes, sourcing, suppressions);
# leave it out to run every rule.
# select: [figures, quotes, headline, sourcing]

# Skip these rules or packs.
ignore: []

# How serious a rule's findings are here: error (must fix before publication), warning
# (query it) or info (advice).
severity: {}
#   e.g. severity: {loaded-verb: warning, unattributed-number: error}

# A rule kind's own options, per rule (`attrlint explain RULE` lists them).
options: {}
#   e.g. options: {quote-unattributed: {min_words: 5}}

# Your desk's own rules, in rule files or folders of them (paths relative to this file).
rules: []

# Acronyms your readers know that need no spelling out.
acronyms: []

# More page-chrome lines to skip (regular expressions matched against whole lines).
furniture: []

# Trusted copy (wire stories, transcripts) that quote-drift checks quotations against.
references: []

# Settings for some drafts only (globs relative to this file).
# overrides:
#   - files: ["opinion/*"]
#     ignore: [headline-hedge-mismatch]
"""


def write_starter(folder: str = ".") -> str:
    """Write the starter file into `folder`; refuses to overwrite. Returns its path."""
    path = os.path.join(folder, ".attrlint.yaml")
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as f:
            f.write(STARTER)
    except FileExistsError:
        raise AttrlintError(f"{path}: already exists; not overwritten") from None
    except OSError as exc:
        raise AttrlintError(f"{path}: cannot be written ({exc.strerror})") from None
    return path


def _value(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return "(all enabled rules)" if value is None else str(value)


def effective_settings(workspace, path: str) -> str:
    """The settings `path` is checked with, and where each comes from, as `attrlint config` prints them."""
    from attrlint.engine.config import CONFIG_KEYS

    cfg = workspace.config_for(path)
    override = (cfg.override_for(path) if path != "-" else None) or {}
    linter = workspace.linter_for(path)

    def where(key: str) -> str:
        # Only asked when there is a config file: the defaults have no place to name.
        return f"{cfg.path}:{cfg.lines[key]}" if key in cfg.lines else str(cfg.path)

    out = [
        f"draft: {path}",
        f"config file: {cfg.path or 'none (' + ('--isolated' if workspace.isolated else 'none found above the draft') + ')'}",
        "",
    ]
    for key in CONFIG_KEYS:
        if key == "overrides":
            continue
        value = getattr(cfg, key)
        if key in ("select", "ignore") and getattr(workspace, key):
            value, source = getattr(workspace, key), "command line"
        elif key in override:
            merged = {**value, **override[key]} if isinstance(value, dict) else override[key]
            value, source = merged, f"{where('overrides')} (an override matching this draft)"
        elif cfg.path and key in cfg.lines:
            source = where(key)
        else:
            source = "default"
        if key == "rules" and workspace.rules:
            value, source = list(value) + list(workspace.rules), f"{source} + command line"
        out.append(f"{key:11} {_value(value):40}  # {source}")
    out += ["", "rules:"]
    active = {r.id for r in linter.rules}
    width = max(len(r.id) for r in linter.ruleset.rules)
    sev_override = override.get("severity", {})
    for r in linter.ruleset.rules:
        if r.id in sev_override:
            source = f"{where('overrides')} (override)"
        elif r.id in cfg.severity:
            source = where(f"severity.{r.id}") if f"severity.{r.id}" in cfg.lines else where("severity")
        else:
            source = f"{r.path}:{r.line}" if r.line else str(r.path)
        state = "on " if r.id in active else "off"
        out.append(f"  {r.id:{width}}  {state}  {r.severity:7}  # severity from {source}")
    return "\n".join(out)
