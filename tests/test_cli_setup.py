"""attrlint init, attrlint config / check --show-settings, and what explain tells a rule writer."""

from __future__ import annotations

from conftest import run_attrlint as run

DRAFT = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday.\n"


def test_init_writes_a_commented_starter_that_loads_and_never_overwrites(tmp_path):
    proc = run("init", cwd=tmp_path)
    assert proc.returncode == 0 and "wrote" in proc.stdout
    text = (tmp_path / ".attrlint.yaml").read_text(encoding="utf-8")
    assert text.startswith("# attrlint configuration") and "severity:" in text and "# overrides:" in text
    (tmp_path / "fire.txt").write_text(DRAFT, encoding="utf-8")
    checked = run("check", "fire.txt", cwd=tmp_path)
    assert checked.returncode == 1 and "unattributed-number" in checked.stdout  # the starter is valid config
    (tmp_path / ".attrlint.yaml").write_text("ignore: [figures]\n", encoding="utf-8")
    again = run("init", cwd=tmp_path)
    assert again.returncode == 2 and "already exists; not overwritten" in again.stderr
    assert (tmp_path / ".attrlint.yaml").read_text(encoding="utf-8") == "ignore: [figures]\n"


def test_config_shows_each_setting_and_where_it_came_from(tmp_path):
    (tmp_path / ".attrlint.yaml").write_text(
        "ignore: [vague-source]\nseverity:\n  loaded-verb: warning\n"
        "overrides:\n  - files: ['opinion/*']\n    severity: {quote-drift: warning}\n", encoding="utf-8")
    (tmp_path / "opinion").mkdir()
    (tmp_path / "opinion" / "column.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "fire.txt").write_text(DRAFT, encoding="utf-8")
    cfg = tmp_path / ".attrlint.yaml"
    proc = run("config", "fire.txt", cwd=tmp_path)
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert f"config file: {cfg}" in lines
    assert any(l.startswith("ignore") and "[vague-source]" in l and l.endswith(f"# {cfg}:1") for l in lines)
    assert any(l.startswith("select") and l.endswith("# default") for l in lines)
    row = next(l for l in lines if l.strip().startswith("loaded-verb "))
    assert " on " in row and "warning" in row and row.endswith(f"severity from {cfg}:3")
    row = next(l for l in lines if l.strip().startswith("vague-source "))
    assert " off " in row and "sourcing.yaml:" in row
    row = next(l for l in lines if l.strip().startswith("quote-drift "))
    assert "error" in row and "quotes.yaml:" in row

    column = run("check", "--show-settings", "--select", "quotes,sourcing", "opinion/column.txt", cwd=tmp_path)
    assert column.returncode == 0
    row = next(l for l in column.stdout.splitlines() if l.strip().startswith("quote-drift "))
    assert "warning" in row and "(override)" in row
    assert any(l.startswith("select") and "[quotes, sourcing]" in l and l.endswith("# command line")
               for l in column.stdout.splitlines())
    assert "unattributed-number       off" in column.stdout


def test_config_without_a_file_says_so(tmp_path):
    proc = run("config", "--isolated", cwd=tmp_path)
    assert proc.returncode == 0 and "config file: none (--isolated)" in proc.stdout


def test_explain_gives_option_defaults_and_message_placeholders():
    proc = run("explain", "loaded-verb")
    out = proc.stdout
    assert "headline (bool, default true):" in out
    assert "clause_prepositions (words, default []):" in out and "loaded-verb sets: [to, about," in out
    assert "placeholders used: {verb}, {neutral}" in out or "placeholders used: {neutral}, {verb}" in out
    proc = run("explain", "unattributed-number")
    assert "placeholders of kind unattributed-number: {figure}" in proc.stdout
