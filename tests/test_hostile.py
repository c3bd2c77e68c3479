"""Hostile input: catastrophic patterns, pathological drafts, huge files and trees."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import run_attrlint

BAD = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday.\n"

CATASTROPHIC = textwrap.dedent("""\
    pack: hostile
    rules:
      - id: slow-rule
        kind: existence
        message: "{match}"
        description: A pattern that backtracks without end on a long run of a's.
        patterns: ['(?:a|aa)+c']
    """)


def run(*args, cwd=None, timeout=120):
    return run_attrlint(*args, cwd=cwd, timeout=timeout)


@pytest.mark.slow  # waits out the time limit
def test_a_catastrophic_pattern_times_out_and_the_run_goes_on(tmp_path):
    rules = tmp_path / "hostile.yaml"
    rules.write_text(CATASTROPHIC, encoding="utf-8")
    draft = tmp_path / "aaa.txt"
    draft.write_text("Headline\n\n" + "a" * 5000 + "\n", encoding="utf-8")
    other = tmp_path / "fire.txt"
    other.write_text(BAD, encoding="utf-8")
    proc = run("check", "--rules", str(rules), "--timeout", "0.5", "--format", "json",
               "--select", "slow-rule,unattributed-number", str(draft), str(other))
    assert proc.returncode == 2
    assert f"{draft}: a pattern of rule slow-rule ran longer than 0.5 s; the rule was skipped for this file" in proc.stderr
    rules_found = [(d["path"], d["rule"]) for d in json.loads(proc.stdout)]
    assert (str(other), "unattributed-number") in rules_found  # the other file was still checked


@pytest.mark.slow  # times a pathological draft
def test_a_pathological_draft_stays_fast(tmp_path):
    # Long runs of quote marks, dots, digits and capitals, with no paragraph breaks.
    body = ("“" * 2000 + "." * 3000 + " 1," * 2000 + "U.S. " * 2000 + "'" * 2000 + "A" * 20000)
    draft = tmp_path / "odd.txt"
    draft.write_text("Headline\n\n" + body + "\n", encoding="utf-8")
    proc = run("check", "--format", "json", str(draft), timeout=60)
    assert proc.returncode in (0, 1), proc.stderr
    json.loads(proc.stdout)


def test_a_tree_of_many_files_streams(tmp_path):
    for i in range(300):
        folder = tmp_path / f"desk{i % 10}"
        folder.mkdir(exist_ok=True)
        (folder / f"d{i}.txt").write_text(BAD, encoding="utf-8")
    proc = run("check", "--format", "json-lines", "--select", "unattributed-number", str(tmp_path))
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 300


def test_the_report_never_overwrites_a_draft(tmp_path):
    draft = tmp_path / "fire.txt"
    draft.write_text(BAD, encoding="utf-8")
    proc = run("check", "--output-file", str(draft), str(draft))
    assert proc.returncode == 2 and "refusing to overwrite it" in proc.stderr
    assert draft.read_text(encoding="utf-8") == BAD


def test_an_unwritable_report_is_a_clean_error(tmp_path):
    draft = tmp_path / "fire.txt"
    draft.write_text(BAD, encoding="utf-8")
    proc = run("check", "--output-file", str(tmp_path / "no" / "such" / "dir" / "r.json"), str(draft))
    assert proc.returncode == 2
    assert "cannot write the report" in proc.stderr and "Traceback" not in proc.stderr


def test_a_very_long_file_is_linted_in_sections_with_exact_positions(tmp_path, monkeypatch):
    from attrlint.engine import runner
    from attrlint.engine.project import Workspace

    story = "\n\n".join(f"Paragraph {i} has no figure at all." for i in range(40))
    text = "Archive of stories\n\n" + story + "\n\nAt least 43 people were killed in the fire.\n\n" + story + "\n"
    draft = tmp_path / "archive.txt"
    draft.write_text(text, encoding="utf-8")
    ws = Workspace(select=["unattributed-number"], isolated=True)
    whole = runner.lint_path(ws, str(draft))
    monkeypatch.setattr(runner, "SECTION_CHARS", 300)  # many sections
    parts = runner.lint_path(ws, str(draft))
    assert [(d.line, d.column, d.rule) for d in parts.diagnostics] == [(d.line, d.column, d.rule) for d in whole.diagnostics]
    assert [(d.line, d.column) for d in parts.diagnostics] == [(83, 10)]
    assert text[parts.diagnostics[0].start:parts.diagnostics[0].end] == "43"
