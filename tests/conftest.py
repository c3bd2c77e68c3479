"""Shared helpers: lint an article written in the test, get its findings."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from attrlint.engine.lint import Linter
from attrlint.model.source import from_string

_LINTERS: dict = {}


def linter_for(select=None, rules=()) -> Linter:
    key = (tuple(select or ()), tuple(rules))
    if key not in _LINTERS:
        _LINTERS[key] = Linter.create(list(rules), list(select) if select else None)
    return _LINTERS[key]


def lint(text: str, select=None, path: str = "draft.txt", rules=(), dedent: bool = True, references=None):
    """Findings for an article given as a string (dedented), as Diagnostic objects."""
    if dedent:
        text = textwrap.dedent(text).lstrip("\n")
    linter = linter_for(select, rules)
    linter.references = references
    try:
        return linter.lint(from_string(text, path=path))
    finally:
        linter.references = None


def found(text: str, rule: str, **kw) -> list[tuple[int, str]]:
    """(line, flagged text) for each finding of one rule."""
    kw.setdefault("select", [rule])
    out = []
    for d in lint(text, **kw):
        if d.rule == rule:
            src = textwrap.dedent(text).lstrip("\n") if kw.get("dedent", True) else text
            out.append((d.line, src.replace("\r\n", "\n")[d.start:d.end]))
    return out


def run_attrlint(*args, cwd=None, stdin: str | None = None, env: dict | None = None, timeout: float = 300):
    """Run the `attrlint` command as a user would, in a child process."""
    return subprocess.run([sys.executable, "-m", "attrlint", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=timeout)


@pytest.fixture
def lint_text():
    return lint
