"""Names a user types: bare `attrlint`, misspelt commands, rules, config keys; and their lines."""

from __future__ import annotations

import pytest

from conftest import run_attrlint as run

DRAFT = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday.\n"


def test_bare_attrlint_prints_usage_on_stderr_and_fails():
    proc = run()
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("usage: attrlint") and "attrlint check ." in proc.stderr


def test_misspelt_command_gets_a_suggestion():
    proc = run("chek", "draft.txt")
    assert proc.returncode == 2
    assert "unknown command 'chek' (did you mean 'check'?)" in proc.stderr


@pytest.mark.parametrize("option,typed,meant", [
    ("--select", "unattributed", "unattributed-number"),
    ("--select", "loaded-verbs", "loaded-verb"),
    ("--ignore", "sourcng", "sourcing"),
])
def test_misspelt_rule_or_pack_gets_a_suggestion(tmp_path, option, typed, meant):
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("check", option, typed, str(tmp_path / "d.txt"))
    assert proc.returncode == 2
    assert f"unknown rule or pack {typed!r} (did you mean {meant!r}?)" in proc.stderr


def test_explain_suggests_the_rule():
    proc = run("explain", "quote-drfit")
    assert proc.returncode == 2 and "(did you mean 'quote-drift'?)" in proc.stderr


@pytest.mark.parametrize("name,text,expected", [
    (".attrlint.yaml", "select: [figures]\nignor: [loaded-verb]\n",
     ".attrlint.yaml:2: unknown config key 'ignor' (did you mean 'ignore'?)"),
    (".attrlint.yaml", "severity:\n  loaded-verb: info\n  quote-drfit: error\n",
     ".attrlint.yaml:3: unknown rule 'quote-drfit' in config (did you mean 'quote-drift'?)"),
    (".attrlint.yaml", "options:\n  quote-unatributed: {min_words: 5}\n",
     ".attrlint.yaml:2: unknown rule 'quote-unatributed' in config (did you mean 'quote-unattributed'?)"),
    ("pyproject.toml", "[project]\nname = 'desk'\n\n[tool.attrlint]\nselect = ['figures']\nsevrity = {}\n",
     "pyproject.toml:6: unknown config key 'sevrity' (did you mean 'severity'?)"),
    ("pyproject.toml", "[tool.attrlint]\nselect = ['figures']\n\n[tool.attrlint.severity]\nloaded-verb = 'info'\n"
                       "unatributed-number = 'error'\n",
     "pyproject.toml:6: unknown rule 'unatributed-number' in config (did you mean 'unattributed-number'?)"),
    ("pyproject.toml", "[tool.attrlint]\nseverity = {loaded-verb = 'loud'}\n",
     "pyproject.toml:2: severity.loaded-verb: 'loud' must be one of error, warning, info"),
    ("pyproject.toml", "[tool.attrlint]\nselect = ['figures'\nignore = []\n",
     "pyproject.toml:3: invalid TOML"),
])
def test_config_mistakes_name_the_line_and_the_nearest_name(tmp_path, name, text, expected):
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("check", "d.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert expected in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_broken_pyproject_of_another_tool_is_not_ours(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nselect = [\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    assert run("check", "-q", "d.txt", cwd=tmp_path).returncode == 1
