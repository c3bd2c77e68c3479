"""The library API (attrlint.api, re-exported by attrlint): what the README promises."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import attrlint
from attrlint.engine.lint import Linter as EngineLinter
from attrlint.model.source import from_string

ROOT = Path(__file__).resolve().parent.parent

DRAFT = """Council to close three libraries

The council will close three libraries, saving $1.2m a year.

Officials claimed the savings were needed, a spokesman said.
"""

WIRE = """Minister confirms closures

The minister said: “We cannot keep buildings open for a handful of readers.”
"""

QUOTING = """Libraries to close

The minister said: “We cannot keep buildings open for a few readers.”
"""


@pytest.fixture(scope="module")
def linter():
    return attrlint.Linter()


def test_lint_text_gives_the_command_lines_findings(tmp_path):
    result = attrlint.lint_text(DRAFT, path="libraries.txt")
    assert isinstance(result, attrlint.Result)
    assert [(d.path, d.line, d.column, d.rule) for d in result.diagnostics] == [
        ("libraries.txt", 3, 48, "unattributed-number"), ("libraries.txt", 5, 11, "loaded-verb")]
    draft = tmp_path / "libraries.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "attrlint", "check", "--isolated", "--format", "concise", "libraries.txt"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert cli.stdout.splitlines() == [f"{d.path}:{d.line}:{d.column}: {d.rule} {d.message}" for d in result.diagnostics]
    assert result.timeouts == [] and result.error == "" and not result.ok


def test_attributions_are_records_with_cue_and_source_spans(linter):
    result = linter.lint_text(DRAFT)
    assert result.path == "<text>"
    # As `attrlint sources` lists them: "Officials claimed" is inside what the spokesman said.
    assert [(a.line, a.cue.text, a.cue.kind, a.source.text, a.source.kind) for a in result.attributions] == [
        (5, "said", "speech", "a spokesman", "described")]
    a = result.attributions[0]
    for span in (a.cue, a.source, a.content):
        assert DRAFT[span.start:span.end] == span.text
    assert a.content.text == "Officials claimed the savings were needed" and not a.content.quoted
    assert (a.line, a.column) == (5, a.cue.start - DRAFT.rindex("\n", 0, a.cue.start))


def test_attributions_match_attrlint_sources(tmp_path, linter):
    text = "Police say 57 died in fighting\n\n“We are leaving,” she said. The army was reportedly retreating.\n"
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "attrlint", "sources", "--format", "json-lines", "d.txt"],
                         cwd=tmp_path, capture_output=True, text=True, check=True)
    expected = [json.loads(line) for line in cli.stdout.splitlines()]
    got = [{"path": "d.txt", "line": a.line, "column": a.column,
            "cue": {"text": a.cue.text, "start": a.cue.start, "end": a.cue.end, "kind": a.cue.kind},
            "source": None if a.source is None else
            {"text": a.source.text, "start": a.source.start, "end": a.source.end, "kind": a.source.kind},
            "content": None if a.content is None else
            {"start": a.content.start, "end": a.content.end, "quoted": a.content.quoted}}
           for a in linter.lint_text(text, path="d.txt").attributions]
    assert got == expected and len(got) >= 2


def test_attribution_after_its_cue_and_in_the_headline(linter):
    text = "Police say 57 died in fighting\n\nAt least 57 people died, according to the Eastford Monitor.\n"
    result = linter.lint_text(text)
    assert [(a.line, a.cue.text, a.source.text) for a in result.attributions] == [
        (1, "say", "Police"), (3, "according to", "the Eastford Monitor")]


def test_format_comes_from_the_path_or_the_argument(linter):
    md = "---\ntitle: Mayor took bribes from developer\n---\n\nThe mayor took bribes for years, prosecutors alleged.\n"
    by_suffix = linter.lint_text(md, path="story.md")
    by_argument = linter.lint_text(md, format="markdown")
    assert [d.rule for d in by_suffix.diagnostics] == ["headline-hedge-mismatch"]
    assert [(d.line, d.rule) for d in by_argument.diagnostics] == [(d.line, d.rule) for d in by_suffix.diagnostics]
    # Read as plain text, the front matter's first line is the headline: a different reading.
    assert [(d.line, d.rule) for d in linter.lint_text(md).diagnostics] != [(2, "headline-hedge-mismatch")]
    html = "<article><h1>Floods</h1><p>At least 43 people were killed.</p></article>"
    assert [d.rule for d in linter.lint_text(html, format="html").diagnostics] == ["unattributed-number"]
    with pytest.raises(ValueError, match="format must be one of"):
        linter.lint_text(md, format="docx")


def test_select_ignore_and_extra_rules(tmp_path):
    rules = tmp_path / "desk.yaml"
    rules.write_text("pack: desk\nrules:\n  - id: no-slain\n    kind: existence\n    severity: info\n"
                     "    message: \"prefer 'killed' to '{match}'\"\n    description: The desk prefers killed.\n"
                     "    tokens: [slain]\n", encoding="utf-8")
    linter = attrlint.Linter(rules=[rules], select=["desk", "sourcing"], ignore=["loaded-verb"])
    got = linter.lint_text(DRAFT + "\nTwo guards were slain, police said.\n")
    assert [d.rule for d in got.diagnostics] == ["no-slain"]


def test_config_file_applies(tmp_path):
    cfg = tmp_path / ".attrlint.yaml"
    cfg.write_text("ignore: [unattributed-number]\nseverity:\n  loaded-verb: error\n", encoding="utf-8")
    result = attrlint.lint_text(DRAFT, config=cfg)
    assert [(d.rule, d.severity) for d in result.diagnostics] == [("loaded-verb", "error")]


def test_bad_rule_or_config_raises_attrlint_error_naming_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("pack: x\nrules:\n  - id: y\n    kind: no-such-kind\n", encoding="utf-8")
    with pytest.raises(attrlint.AttrlintError, match=r"bad\.yaml"):
        attrlint.Linter(rules=[bad])
    with pytest.raises(attrlint.AttrlintError, match=r"nope\.yaml"):
        attrlint.lint_text(DRAFT, config=tmp_path / "nope.yaml")
    with pytest.raises(attrlint.AttrlintError, match="no-such-rule"):
        attrlint.Linter(select=["no-such-rule"])


def test_references_feed_quote_drift(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    result = attrlint.lint_text(QUOTING, references=[tmp_path / "wire.txt"])
    assert [d.rule for d in result.diagnostics] == ["quote-drift"]
    assert "wire.txt:3" in result.diagnostics[0].message
    assert attrlint.lint_text(QUOTING).diagnostics == []


def test_engine_linter_create_with_reference_paths(tmp_path):
    """Linter.create(references=[...]) used to keep the list and crash in quote-drift."""
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    engine = EngineLinter.create(select=["quote-drift"], references=[str(tmp_path)])
    found = engine.lint(from_string(QUOTING, path="q.txt"))
    assert [d.rule for d in found] == ["quote-drift"]
    assert EngineLinter.create(select=["quote-drift"], references=[]).lint(from_string(QUOTING)) == []


def test_lint_paths_walks_folders_and_reports_unreadable_files(tmp_path):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Quiet day\n\nNothing happened, the council said.\n", encoding="utf-8")
    (tmp_path / "sub" / "c.txt").write_bytes(b"\x00\x01binary")
    results = attrlint.lint_paths([tmp_path])
    assert [Path(r.path).name for r in results] == ["a.txt", "b.md", "c.txt"]
    assert [d.rule for d in results[0].diagnostics] == ["unattributed-number", "loaded-verb"]
    assert results[1].ok and results[1].attributions
    assert "binary" in results[2].error and results[2].diagnostics == []


def test_lint_paths_finds_each_files_config(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / ".attrlint.yaml").write_text("ignore: [figures]\n", encoding="utf-8")
    for folder in (tmp_path, tmp_path / "desk"):
        (folder / "story.txt").write_text(DRAFT, encoding="utf-8")
    top, desk = attrlint.lint_paths([tmp_path / "story.txt", tmp_path / "desk" / "story.txt"])
    assert [d.rule for d in top.diagnostics] == ["unattributed-number", "loaded-verb"]
    assert [d.rule for d in desk.diagnostics] == ["loaded-verb"]
    isolated = attrlint.lint_paths([tmp_path / "desk" / "story.txt"], discover_config=False)
    assert [d.rule for d in isolated[0].diagnostics] == ["unattributed-number", "loaded-verb"]


def test_timeouts_are_returned_not_printed(tmp_path, capsys):
    rules = tmp_path / "slow.yaml"
    rules.write_text("pack: slow\nrules:\n  - id: slow-pattern\n    kind: existence\n    severity: info\n"
                     "    message: slow\n    description: A pattern that backtracks for ever.\n"
                     "    patterns: ['(a|aa)+$']\n", encoding="utf-8")
    linter = attrlint.Linter(rules=[rules], select=["slow-pattern", "loaded-verb"], timeout=0.2)
    result = linter.lint_text("Head\n\nThe mayor claimed " + "a" * 60 + "b.\n")
    assert result.timeouts == ["slow-pattern"]
    assert [d.rule for d in result.diagnostics] == ["loaded-verb"]
    assert not result.ok
    # The next text starts with a clean slate.
    assert linter.lint_text("Head\n\nThe mayor said so.\n").timeouts == []
    assert capsys.readouterr().err == ""


def test_import_is_lazy():
    code = ("import sys, attrlint; assert 'attrlint.api' not in sys.modules and 'attrlint.engine.lint' not in sys.modules; "
            "attrlint.lint_text; assert 'attrlint.api' in sys.modules; print(sorted(attrlint.__all__))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "lint_text" in out and "Linter" in out
    with pytest.raises(AttributeError):
        attrlint.no_such_name  # noqa: B018


def test_readme_library_snippet_runs_as_written(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## As a library"):]
    snippet = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    run = subprocess.run([sys.executable, "-c", snippet], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "libraries.txt:3:48: unattributed-number" in run.stdout
