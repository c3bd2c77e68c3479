"""Severity tiers an editor can act on, and --min-severity."""

from __future__ import annotations

import json

import pytest

from conftest import run_attrlint as run

# One finding of each tier: an unbalanced quote (error), a figure with no source (warning)
# and a loaded verb (info).
DRAFT = ("Fire sweeps market\n\n"
         "The mayor said the market was \"a death trap.\n\n"
         "At least 43 people were killed in the fire.\n\n"
         "The fire chief claimed the exits were locked.\n")

TIERS = {
    "error": {"quote-unbalanced", "quote-drift", "headline-number-mismatch", "invalid-suppression"},
    "warning": {"unattributed-number", "headline-hedge-mismatch", "quote-unattributed", "vague-source"},
    "info": {"loaded-verb", "source-first-reference", "unused-suppression"},
}


def test_shipped_rules_have_their_tiers():
    proc = run("rules", "--isolated")
    got = {}
    for line in proc.stdout.splitlines():
        rule, _pack, severity = line.split()[:3]
        got[rule] = severity
    assert {tier: {r for r, s in got.items() if s == tier} for tier in TIERS} == TIERS


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "fire.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_summary_counts_each_tier(draft):
    proc = run("check", "--isolated", str(draft))
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[-1].startswith("Checked 1 draft: 3 findings (1 error, 1 warning, 1 info) in ")


@pytest.mark.parametrize("floor,rules", [
    ("info", ["quote-unbalanced", "unattributed-number", "loaded-verb"]),
    ("warning", ["quote-unbalanced", "unattributed-number"]),
    ("error", ["quote-unbalanced"]),
])
def test_min_severity_filters_what_is_shown(draft, floor, rules):
    proc = run("check", "--isolated", "--format", "json", "--min-severity", floor, str(draft))
    assert [d["rule"] for d in json.loads(proc.stdout)] == rules


def test_hidden_findings_are_counted_and_do_not_fail_the_run(tmp_path):
    path = tmp_path / "verb.txt"
    path.write_text("Fire sweeps market\n\nThe fire chief claimed the exits were locked.\n", encoding="utf-8")
    proc = run("check", "--isolated", "--min-severity", "warning", str(path))
    assert proc.returncode == 0
    assert proc.stdout == "No findings in 1 draft; 1 finding below --min-severity not shown\n"
