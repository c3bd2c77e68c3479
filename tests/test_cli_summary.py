"""What a run says besides its findings: drafts with no body, the summary line, --quiet."""

from __future__ import annotations

import json
import re

from conftest import run_attrlint as run

BAD = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday.\n"
GOOD = "Fire sweeps market\n\nAt least 43 people were killed in the fire, police said.\n"


def test_a_one_line_draft_on_standard_input_is_named_as_having_no_body():
    proc = run("check", "-", stdin="At least 57 people were killed.\n")
    assert proc.returncode == 0
    notes = [line for line in proc.stderr.splitlines() if "no body" in line]
    assert len(notes) == 1 and "standard input" in notes[0] and "headline" in notes[0]
    assert proc.stdout == "No findings in 1 draft\n"


def test_a_headline_only_file_is_named(tmp_path):
    (tmp_path / "brief.txt").write_text("At least 57 people were killed.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = run("check", str(tmp_path))
    notes = [line for line in proc.stderr.splitlines() if "no body" in line]
    assert len(notes) == 1 and str(tmp_path / "brief.txt") in notes[0]


def test_text_runs_end_with_a_summary_counting_each_tier(tmp_path):
    for i in range(3):
        (tmp_path / f"bad{i}.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = run("check", "--select", "unattributed-number", str(tmp_path))
    assert proc.returncode == 1
    last = proc.stdout.splitlines()[-1]
    assert re.fullmatch(r"Checked 4 drafts: 3 findings \(3 warnings\) in \d+\.\d s", last), last


def test_clean_run_says_so(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = run("check", "--select", "unattributed-number", str(tmp_path / "good.txt"), str(tmp_path / "good.txt"))
    assert proc.returncode == 0 and proc.stdout == "No findings in 2 drafts\n"


def test_unreadable_drafts_are_counted_in_the_summary(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = run("check", str(tmp_path / "good.txt"), str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert proc.stdout.splitlines()[-1] == "No findings in 1 draft; 1 could not be read"


def test_quiet_drops_the_summary_and_the_note(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    proc = run("check", "--quiet", "--select", "unattributed-number", str(tmp_path / "bad.txt"))
    assert proc.returncode == 1 and "Checked" not in proc.stdout
    proc = run("check", "-q", "-", stdin="At least 57 people were killed.\n")
    assert proc.stdout == "" and proc.stderr == ""


def test_machine_formats_carry_no_summary(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    for fmt in ("json", "json-lines", "sarif", "concise", "github", "junit"):
        proc = run("check", "--format", fmt, "--select", "unattributed-number", str(tmp_path / "bad.txt"))
        assert "Checked" not in proc.stdout and "Checked" not in proc.stderr, fmt
    proc = run("check", "--format", "json", "-", stdin="At least 57 people were killed.\n")
    assert json.loads(proc.stdout) == [] and "no body" in proc.stderr  # the note is on stderr only
