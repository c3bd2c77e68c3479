"""The `attrlint` command: paths, formats, selection, exit codes, errors."""

from __future__ import annotations

import json

import pytest

from conftest import run_attrlint

BAD = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday.\n"
GOOD = "Fire sweeps market\n\nAt least 43 people were killed in the fire, police said.\n"


run = run_attrlint


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    sub = tmp_path / "desk"
    sub.mkdir()
    (sub / "story.md").write_text("# Fire sweeps market\n\nThe fire killed 43 people.\n", encoding="utf-8")
    return tmp_path


def test_text_format_and_exit_1_on_findings(drafts):
    proc = run("check", "--select", "unattributed-number", str(drafts / "bad.txt"))
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"{drafts / 'bad.txt'}:3:10: warning unattributed-number '43' is a reported figure")


def test_exit_0_when_clean(drafts):
    proc = run("check", "--select", "unattributed-number", str(drafts / "good.txt"))
    assert proc.returncode == 0 and proc.stdout == "No findings in 1 draft\n"


def test_json_format(drafts):
    proc = run("check", "--format", "json", "--select", "unattributed-number", str(drafts / "bad.txt"))
    out = json.loads(proc.stdout)
    assert out == [{
        "path": str(drafts / "bad.txt"), "line": 3, "column": 10, "end_line": 3, "end_column": 12,
        "rule": "unattributed-number", "severity": "warning", "message": out[0]["message"]}]


def test_empty_json_is_an_empty_array(drafts):
    proc = run("check", "--format", "json", "--select", "unattributed-number", str(drafts / "good.txt"))
    assert json.loads(proc.stdout) == [] and proc.returncode == 0


def test_folders_are_walked_for_drafts_only(drafts):
    proc = run("check", "--format", "json", "--select", "unattributed-number", str(drafts))
    paths = sorted({d["path"] for d in json.loads(proc.stdout)})
    assert paths == [str(drafts / "bad.txt"), str(drafts / "desk" / "story.md")]


def test_standard_input(drafts):
    proc = run("check", "--select", "unattributed-number", "--stdin-filename", "wire.txt", "-", stdin=BAD)
    assert proc.returncode == 1 and proc.stdout.startswith("wire.txt:3:10:")


def test_ignore_by_rule_and_by_pack(drafts):
    assert run("check", "--ignore", "unattributed-number", "--select", "figures", str(drafts / "bad.txt")).returncode == 0
    assert run("check", "--ignore", "figures", "--select", "unattributed-number", str(drafts / "bad.txt")).returncode == 0


def test_unknown_rule_in_select_is_an_error(drafts):
    proc = run("check", "--select", "no-such-rule", str(drafts / "bad.txt"))
    assert proc.returncode == 2 and "unknown rule or pack 'no-such-rule'" in proc.stderr


def test_unreadable_files_are_named_and_the_run_goes_on(drafts):
    (drafts / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (drafts / "latin.txt").write_bytes("Caf\xe9 headline\n\nThe caf\xe9 \u201cfire\u201d killed 43 people.\n".encode("cp1252"))
    proc = run("check", "--select", "unattributed-number", str(drafts / "binary.txt"), str(drafts / "missing.txt"),
               str(drafts / "latin.txt"), str(drafts / "bad.txt"))
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 3
    assert "binary.txt: looks like a binary file" in errors[0]
    assert "missing.txt: no such file" in errors[1]
    # A Windows-1252 draft is read, with a note saying how.
    assert errors[2].endswith("latin.txt: not UTF-8 (byte 3); read as Windows-1252") and "note" in errors[2]
    assert "bad.txt:3:10:" in proc.stdout  # the readable drafts were still checked
    assert "latin.txt:3:24: warning unattributed-number '43'" in proc.stdout  # columns count characters


def test_checking_never_changes_the_files(drafts):
    before = {p: p.read_bytes() for p in drafts.rglob("*") if p.is_file()}
    run("check", "--format", "json", str(drafts))
    assert {p: p.read_bytes() for p in drafts.rglob("*") if p.is_file()} == before


def test_no_paths_checks_the_current_folder(drafts):
    proc = run("check", "--select", "unattributed-number", cwd=drafts)
    assert proc.returncode == 1
    assert proc.stdout.startswith("bad.txt:3:10:") and "desk/story.md:3:" in proc.stdout
    assert proc.stdout.splitlines()[-1].startswith("Checked 3 drafts: 2 findings")


def test_rules_lists_every_rule():
    proc = run("rules")
    assert proc.returncode == 0
    assert "unattributed-number" in proc.stdout and " figures " in proc.stdout


def test_explain_prints_what_why_and_an_example():
    proc = run("explain", "unattributed-number")
    assert proc.returncode == 0
    assert "Why it matters:" in proc.stdout and "flagged:" in proc.stdout and "fixed:" in proc.stdout
    assert "continuations (patterns, default []):" in proc.stdout  # the kind's options, with their meaning and default


def test_explain_unknown_rule():
    proc = run("explain", "nope")
    assert proc.returncode == 2 and "unknown rule 'nope'" in proc.stderr


def test_jobs_give_the_same_findings_in_the_same_order(tmp_path):
    for i in range(60):
        body = BAD if i % 3 == 0 else GOOD
        (tmp_path / f"draft{i:02}.txt").write_text(body, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x00binary")
    one = run("check", "--format", "json", "--jobs", "1", str(tmp_path))
    two = run("check", "--format", "json", "--jobs", "2", str(tmp_path))
    assert one.returncode == two.returncode == 2
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert len(json.loads(one.stdout)) >= 20
    assert "broken.txt: looks like a binary file" in two.stderr
