"""Output formats: every one reads the same findings; SARIF validates against the 2.1.0 schema."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import run_attrlint

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BAD = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday.\n"


run = run_attrlint


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text(BAD, encoding="utf-8")
    return p


def test_text_shows_the_line_and_a_caret(draft):
    proc = run("check", "--select", "unattributed-number", "--color", "never", str(draft))
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"{draft}:3:10: warning unattributed-number ")
    assert lines[1] == "  | At least 43 people were killed in the fire on Saturday."
    assert lines[2] == "  |          ^^"


def test_text_colour_only_when_asked_or_on_a_terminal(draft):
    assert "\033[" not in run("check", str(draft)).stdout
    assert "\033[" in run("check", "--color", "always", str(draft)).stdout


def test_concise(draft):
    proc = run("check", "--format", "concise", "--select", "unattributed-number", str(draft))
    assert proc.stdout.splitlines() == [f"{draft}:3:10: unattributed-number " + proc.stdout.split("unattributed-number ", 1)[1].strip()]


def test_json_lines(draft):
    proc = run("check", "--format", "json-lines", "--select", "unattributed-number", str(draft))
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["line"], r["column"], r["rule"]) for r in rows] == [(3, 10, "unattributed-number")]


def test_github_annotations(draft):
    proc = run("check", "--format", "github", "--select", "unattributed-number", str(draft))
    line = proc.stdout.strip()
    assert line.startswith(f"::warning file={draft},line=3,col=10,endLine=3,endColumn=12,title=attrlint unattributed-number::")


def test_junit(draft, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Fire sweeps market\n\nThe market reopened on Monday.\n", encoding="utf-8")
    proc = run("check", "--format", "junit", "--select", "unattributed-number", str(draft), str(good))
    root = ET.fromstring(proc.stdout)
    suite = root.find("testsuite")
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert cases[str(draft)].find("failure").get("type") == "unattributed-number"
    assert cases[str(good)].find("failure") is None


def test_statistics_counts_per_rule(draft):
    proc = run("check", "--statistics", "--select", "unattributed-number", str(draft))
    assert proc.stdout.splitlines() == ["    1  unattributed-number          warning", "    1  findings"]
    assert proc.returncode == 1


def test_exit_zero_and_fail_level(draft):
    assert run("check", "--exit-zero", str(draft)).returncode == 0
    # The finding is a warning: below --fail-level error it is shown but the run passes.
    proc = run("check", "--select", "unattributed-number", "--fail-level", "error", str(draft))
    assert proc.returncode == 0 and "unattributed-number" in proc.stdout
    assert run("check", "--select", "unattributed-number", "--fail-level", "warning", str(draft)).returncode == 1


def test_output_file(draft, tmp_path):
    out = tmp_path / "report.json"
    proc = run("check", "--format", "json", "--output-file", str(out), str(draft))
    assert proc.stdout == ""
    assert any(d["rule"] == "unattributed-number" for d in json.loads(out.read_text(encoding="utf-8")))


# --- SARIF -------------------------------------------------------------------------------

SARIF_PACKAGE = "@microsoft/sarif-multitool-linux@5.7.0"  # ships the OASIS schema and the validator


@pytest.fixture(scope="session")
def sarif_tools(tmp_path_factory):
    """The SARIF 2.1.0 JSON schema and Microsoft's SARIF validator, fetched from npm once."""
    cache = Path(os.environ.get("ATTRLINT_TEST_CACHE", Path.home() / ".cache" / "attrlint-tests")) / "sarif-multitool"
    schema = cache / "package" / "sarif-2.1.0.json"
    if not schema.exists():
        if shutil.which("npm") is None:
            pytest.skip("npm is needed to fetch the SARIF schema and validator")
        cache.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(["npm", "pack", SARIF_PACKAGE, "--pack-destination", str(cache)],
                              capture_output=True, text=True, cwd=cache)
        assert proc.returncode == 0, proc.stderr
        tgz = next(cache.glob("microsoft-sarif-multitool-linux-*.tgz"))
        with tarfile.open(tgz) as tar:
            tar.extractall(cache, filter="data")
        tgz.unlink()
    tool = cache / "package" / "Sarif.Multitool"
    if tool.exists():
        tool.chmod(0o755)
    return schema, tool


def test_sarif_of_the_example_drafts_validates(tmp_path, sarif_tools):
    jsonschema = pytest.importorskip("jsonschema")
    schema_path, tool = sarif_tools
    out = tmp_path / "examples.sarif"
    proc = run("check", "--format", "sarif", "--output-file", str(out), "examples", cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    log = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(log))
    assert errors == [], [e.message for e in errors[:3]]
    run0 = log["runs"][0]
    rule_ids = [r["id"] for r in run0["tool"]["driver"]["rules"]]
    # No made-up project page: informationUri is optional and omitted until the project has one.
    assert "informationUri" not in run0["tool"]["driver"]
    assert "unattributed-number" in rule_ids
    for result in run0["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].startswith("examples/")
    # Microsoft's validator (schema plus SARIF best-practice rules) finds no errors either.
    if tool.exists() and os.access(tool, os.X_OK):
        report = tmp_path / "validation.sarif"
        v = subprocess.run([str(tool), "validate", str(out), "-o", str(report)], capture_output=True, text=True,
                           env={**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"}, timeout=300)
        assert v.returncode == 0, v.stdout + v.stderr
        findings = json.loads(report.read_text(encoding="utf-8"))["runs"][0].get("results", [])
        assert [f for f in findings if f.get("level") == "error"] == []
