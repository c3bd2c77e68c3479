"""Project config (.attrlint.yaml, pyproject.toml) and inline suppressions."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import lint, run_attrlint

BAD = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday.\n"


run = run_attrlint


def findings(proc):
    return [(d["rule"], d["line"], d["severity"]) for d in json.loads(proc.stdout)]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "opinion").mkdir()
    (tmp_path / "news" / "fire.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "opinion" / "fire.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def write_config(root, text, name=".attrlint.yaml"):
    (root / name).write_text(textwrap.dedent(text), encoding="utf-8")


def test_config_found_above_the_file_sets_severity_and_overrides_by_path(project):
    write_config(project, """\
        select: [unattributed-number]
        severity:
          unattributed-number: error
        overrides:
          - files: ["opinion/*"]
            ignore: [unattributed-number]
        """)
    proc = run("check", "--format", "json", "news", "opinion", cwd=project)
    assert findings(proc) == [("unattributed-number", 3, "error")]
    assert json.loads(proc.stdout)[0]["path"].startswith("news")


def test_pyproject_tool_section(project):
    write_config(project, """\
        [tool.attrlint]
        select = ["unattributed-number"]
        severity = { unattributed-number = "info" }
        """, name="pyproject.toml")
    proc = run("check", "--format", "json", "news", cwd=project)
    assert findings(proc) == [("unattributed-number", 3, "info")]


def test_isolated_ignores_config_and_config_flag_picks_one(project, tmp_path_factory):
    write_config(project, "ignore: [unattributed-number]\n")
    assert run("check", "--select", "figures", "news", cwd=project).returncode == 0
    assert run("check", "--isolated", "--select", "figures", "news", cwd=project).returncode == 1
    other = tmp_path_factory.mktemp("cfg") / "strict.yaml"
    other.write_text("severity: {unattributed-number: error}\n", encoding="utf-8")
    proc = run("check", "--config", str(other), "--format", "json", "--select", "figures", "news", cwd=project)
    assert findings(proc) == [("unattributed-number", 3, "error")]


def test_command_line_select_wins_over_config(project):
    write_config(project, "select: [loaded-verb]\n")
    proc = run("check", "--format", "json", "--select", "unattributed-number", "news", cwd=project)
    assert [f[0] for f in findings(proc)] == ["unattributed-number"]


def test_config_options_and_furniture(project):
    write_config(project, """\
        select: [unattributed-number]
        furniture: ['At least \\d+ people were killed.*']
        """)
    assert run("check", "news", cwd=project).returncode == 0


@pytest.mark.parametrize("text, words", [
    ("colour: red\n", ".attrlint.yaml:1: unknown config key 'colour'"),
    ("severity:\n  unattributed-number: fatal\n", ".attrlint.yaml:2: severity.unattributed-number: 'fatal'"),
    ("severity:\n  no-such-rule: error\n", "unknown rule 'no-such-rule' in config"),
    ("options:\n  unattributed-number:\n    colour: red\n", "unknown option 'colour'"),
    ("options:\n  unattributed-number:\n    continuations: ['(oops']\n", "does not compile"),
    ("select: unattributed-number\n", ".attrlint.yaml:1: config key 'select' must be a list of strings"),
    ("overrides:\n  - ignore: [loaded-verb]\n", ".attrlint.yaml:2: an override needs `files:`"),
    ("select: [no-such-rule]\n", "unknown rule or pack 'no-such-rule'"),
])
def test_config_errors_name_the_file_and_key(project, text, words):
    write_config(project, text)
    proc = run("check", "news", cwd=project)
    assert proc.returncode == 2
    assert words in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


# --- suppressions --------------------------------------------------------------------------

def rules_found(text, path="draft.md", select=("unattributed-number", "suppressions")):
    return [(d.rule, d.line) for d in lint(text, select=list(select), path=path)]


def test_markdown_disable_and_enable():
    text = """\
        # Fire sweeps market

        <!-- attrlint-disable unattributed-number -->
        At least 43 people were killed on Saturday.
        <!-- attrlint-enable unattributed-number -->

        Another fire killed 12 people on Sunday.
        """
    assert rules_found(text) == [("unattributed-number", 7)]


def test_ignore_next_line_in_markdown_and_plain_text():
    md = "# Fire\n\n<!-- attrlint-ignore-next-line unattributed-number -->\nThe fire killed 43 people.\n"
    txt = "Fire\n\n[attrlint-ignore-next-line unattributed-number]\nThe fire killed 43 people.\n"
    assert rules_found(md) == []
    assert rules_found(txt, path="draft.txt") == []


def test_a_pack_name_or_no_name_suppresses_too():
    assert rules_found("Fire\n\n[attrlint-ignore-next-line figures]\nThe fire killed 43 people.\n", path="d.txt") == []
    assert rules_found("Fire\n\n[attrlint-disable]\nThe fire killed 43 people.\n", path="d.txt") == []


def test_the_marker_line_is_not_copy():
    # A marker holds figures-like words; it must never be read as a sentence of the body.
    assert rules_found("Fire\n\n[attrlint-ignore-next-line unattributed-number]\nThe market reopened.\n",
                       path="d.txt") == [("unused-suppression", 3)]


def test_unused_and_malformed_suppressions_are_reported():
    text = """\
        # Fire

        <!-- attrlint-ignore-next-line unattributed-number -->
        The market reopened on Monday.

        <!-- attrlint-disabel unattributed-number -->
        <!-- attrlint-disable no-such-rule -->
        The fire killed 43 people.
        """
    assert rules_found(text) == [("unused-suppression", 3), ("invalid-suppression", 6),
                                 ("invalid-suppression", 7), ("unattributed-number", 8)]


def test_suppression_audit_can_be_switched_off():
    text = "# Fire\n\n<!-- attrlint-ignore-next-line unattributed-number -->\nThe market reopened.\n"
    assert rules_found(text, select=["unattributed-number"]) == []


def test_config_acronyms_are_well_known(project):
    (project / "news" / "port.txt").write_text(
        "Port strike spreads\n\nThe TPWU said the strike would go on.\n", encoding="utf-8")
    assert run("check", "--select", "source-first-reference", "news/port.txt", cwd=project).returncode == 1
    write_config(project, "acronyms: [TPWU]\n")
    assert run("check", "--select", "source-first-reference", "news/port.txt", cwd=project).returncode == 0


@pytest.mark.parametrize("name, text, line", [
    ("pyproject.toml", '[tool.attrlint]\nseverity = {}\nselect = ["loaded-verbb"]\n', 3),
    (".attrlint.yaml", "# desk settings\nignore:\n  - vague-sorce\n", 2),
])
def test_misspelt_rule_in_config_names_file_and_line(tmp_path, name, text, line):
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "story.txt").write_text("Headline\n\nBody text here.\n", encoding="utf-8")
    proc = run("check", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"attrlint: error: {tmp_path / name}:{line}: unknown rule or pack"), err
    assert "did you mean" in err[0]


def test_broken_attrlint_header_in_pyproject_is_an_error(tmp_path):
    # A header with its bracket left off must not read as "no settings here".
    (tmp_path / "pyproject.toml").write_text('[tool.attrlint\nselect = ["loaded-verb"]\n', encoding="utf-8")
    (tmp_path / "story.txt").write_text("Headline\n\nBody text here.\n", encoding="utf-8")
    proc = run("check", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "pyproject.toml:1: invalid TOML" in proc.stderr
