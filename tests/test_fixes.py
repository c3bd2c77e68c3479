"""--diff shows the safe fixes and changes nothing; --fix applies them, and only to unchanged files."""

from __future__ import annotations

import os

import pytest

from conftest import run_attrlint as run

DRAFT = ("Mayor defends market safety\n\n"
         "The mayor claimed the market was safe, the council said.\n\n"
         "The chief boasted about how fast crews arrived.\n")
FIXED = ("Mayor defends market safety\n\n"
         "The mayor said the market was safe, the council said.\n\n"
         "The chief boasted about how fast crews arrived.\n")


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "mayor.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_json_marks_which_fixes_are_safe(draft):
    import json
    proc = run("check", "--isolated", "--format", "json", "--select", "loaded-verb", str(draft))
    fixes = [(d["fix"]["replacement"], d["fix"]["safe"]) for d in json.loads(proc.stdout)]
    # "boasted about how" -> "said about how" would not read: offered, not applied.
    assert fixes == [("said", True), ("said", False)]


def test_diff_shows_the_safe_fixes_and_changes_nothing(draft):
    proc = run("check", "--isolated", "--diff", str(draft))
    assert proc.returncode == 1
    assert f"--- a/{draft}\n+++ b/{draft}\n" in proc.stdout
    assert "-The mayor claimed the market was safe, the council said.\n" in proc.stdout
    assert "+The mayor said the market was safe, the council said.\n" in proc.stdout
    assert "-The chief boasted" not in proc.stdout and "+The chief" not in proc.stdout  # the unsafe fix is not in it
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert "1 fix would be applied" in proc.stderr


def test_diff_exits_0_when_there_is_nothing_to_fix(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("Fire sweeps market\n\nAt least 43 people were killed, police said.\n", encoding="utf-8")
    proc = run("check", "--isolated", "--diff", str(path))
    assert proc.returncode == 0 and proc.stdout == ""


def test_fix_applies_the_safe_fixes_and_reports_them(draft):
    proc = run("check", "--isolated", "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == FIXED
    assert f"{draft}:3:11: fixed loaded-verb: 'claimed' -> 'said'" in proc.stderr
    # What is left is reported as usual, and fails the run.
    assert proc.returncode == 1 and "boasted" in proc.stdout and "claimed" not in proc.stdout
    assert "Fixed 1 finding in 1 draft" in proc.stderr
    again = run("check", "--isolated", "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == FIXED and "Fixed" not in again.stderr


def test_fix_keeps_line_ends_byte_order_mark_and_encoding(tmp_path):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbf" + DRAFT.replace("\n", "\r\n").encode("utf-8"))
    utf16 = tmp_path / "wide.txt"
    utf16.write_bytes(b"\xff\xfe" + DRAFT.replace("\n", "\r").encode("utf-16-le"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes(DRAFT.replace("mayor", "maire\xe9").encode("cp1252"))
    run("check", "--isolated", "--fix", str(crlf), str(utf16), str(latin))
    assert crlf.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")
    assert utf16.read_bytes() == b"\xff\xfe" + FIXED.replace("\n", "\r").encode("utf-16-le")
    assert latin.read_bytes() == FIXED.replace("mayor", "maire\xe9").encode("cp1252")


def test_fix_keeps_the_file_mode(draft):
    os.chmod(draft, 0o640)
    run("check", "--isolated", "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == FIXED and (os.stat(draft).st_mode & 0o777) == 0o640


def test_fix_never_writes_a_file_changed_since_it_was_read(tmp_path):
    from attrlint.engine import fixes
    from attrlint.engine.lint import Linter
    from attrlint.model.source import read_source

    path = tmp_path / "mayor.txt"
    path.write_text(DRAFT, encoding="utf-8")
    source = read_source(str(path))
    found = Linter.create(select=["loaded-verb"]).lint(source)
    planned = fixes.plan(str(path), source.text, found)
    assert planned.changed
    edited = DRAFT.replace("safe", "sound")
    path.write_text(edited, encoding="utf-8")  # the editor saved while attrlint was checking
    assert fixes.write(planned) == "changed since it was checked; not fixed"
    assert path.read_text(encoding="utf-8") == edited
    assert [p.name for p in tmp_path.iterdir()] == ["mayor.txt"]  # no temporary file left


def test_fix_and_diff_leave_standard_input_alone():
    proc = run("check", "--isolated", "--fix", "-", stdin=DRAFT)
    assert "standard input cannot be fixed in place" in proc.stderr and proc.returncode == 1


def test_fix_and_diff_are_exclusive(draft):
    proc = run("check", "--fix", "--diff", str(draft))
    assert proc.returncode == 2 and "not allowed with" in proc.stderr
