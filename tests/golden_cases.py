"""Golden end-to-end cases: drafts in tests/golden/<rule>/ with their expected output beside them.

A case is a draft (`.txt`, `.md`, `.html`) directly inside a rule's folder. Beside it:

- `<draft>.expected`: what `attrlint check --format concise --isolated` prints for it, run from
  the rule's folder so that paths are relative and stable;
- `<draft>.args` (optional): more command-line arguments, one line, split like a shell would
  (for instance `--reference ref/wire.txt`; paths are relative to the rule's folder);
- `<draft>.xfail` (optional): why attrlint does not yet print what the contract says it
  should. The `.expected` file then holds the contract's answer, not attrlint's, and the
  update command leaves it alone.

A folder-wide `args` file applies to every case in the folder. Unless the arguments select
rules, a case runs with every other shipped rule ignored (`--ignore`), so it shows one rule's
findings, and a rule switched off in its pack (`enabled: false`) shows none and fails its
cases. Sub-folders (reference copy, for instance) are not cases.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
from dataclasses import dataclass
from pathlib import Path

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
DRAFT_SUFFIXES = (".txt", ".md", ".html")
# The rules a folder's cases show, where that is not just the rule the folder is named after:
# the audit reports on suppressions of another rule, which must run for them to be used.
SHOWN = {"suppression-audit": ("unused-suppression", "invalid-suppression", "loaded-verb")}
_SHIPPED: list[str] = []


def shipped_rules() -> list[str]:
    if not _SHIPPED:
        from attrlint.engine.rules import load_rules

        _SHIPPED.extend(r.id for r in load_rules([]).rules)
    return _SHIPPED


@dataclass(frozen=True)
class Case:
    path: Path  # the draft

    @property
    def rule(self) -> str:
        return self.path.parent.name

    @property
    def id(self) -> str:
        return f"{self.rule}/{self.path.name}"

    @property
    def expected_path(self) -> Path:
        return self.path.with_name(self.path.name + ".expected")

    @property
    def xfail_reason(self) -> str | None:
        p = self.path.with_name(self.path.name + ".xfail")
        return p.read_text(encoding="utf-8").strip() if p.exists() else None

    def args(self) -> list[str]:
        out: list[str] = []
        for p in (self.path.parent / "args", self.path.with_name(self.path.name + ".args")):
            if p.exists():
                out += shlex.split(p.read_text(encoding="utf-8"))
        if not any(a == "--select" or a.startswith("--select=") for a in out):
            shown = SHOWN.get(self.rule, (self.rule,))
            out = ["--ignore", ",".join(r for r in shipped_rules() if r not in shown), *out]
        return out


def cases(rules: list[str] | None = None) -> list[Case]:
    found = []
    for folder in sorted(p for p in GOLDEN_DIR.iterdir() if p.is_dir()):
        if rules and folder.name not in rules:
            continue
        for draft in sorted(folder.iterdir()):
            if draft.is_file() and draft.suffix in DRAFT_SUFFIXES:
                found.append(Case(draft))
    return found


def run(case: Case) -> str:
    """The concise output attrlint gives for the case today, run in this process."""
    from attrlint.cli import main

    argv = ["check", "--format", "concise", "--isolated", "--color", "never", *case.args(), case.path.name]
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(case.path.parent)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        os.chdir(here)
    if code not in (0, 1):
        raise RuntimeError(f"{case.id}: attrlint exited {code}: {err.getvalue().strip()}")
    return out.getvalue()
