"""Loading rule files: every mistake is an error naming the file and line; exit code 2."""

from __future__ import annotations

import textwrap

import pytest

from attrlint.errors import RuleFileError
from attrlint.rules import load_rules

from conftest import run_attrlint

GOOD = """\
pack: desk
rules:
  - id: no-slain
    kind: existence
    severity: info
    message: "prefer 'killed' to '{match}'"
    description: Desk style prefers killed.
    tokens: [slain]
"""


def write(tmp_path, text: str, name: str = "desk.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(p)


def error_for(tmp_path, text: str) -> RuleFileError:
    path = write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        load_rules([path])
    return info.value


def test_a_good_user_rule_loads_and_runs(tmp_path):
    rs = load_rules([write(tmp_path, GOOD)])
    rule = rs.by_id()["no-slain"]
    assert rule.pack == "desk" and rule.severity == "info"


@pytest.mark.parametrize("text, line, words", [
    (GOOD.replace("    tokens: [slain]", "    tokens: [slain]\n    colour: red"), 9, "unknown key 'colour'"),
    (GOOD.replace("tokens: [slain]", "tokens: slain"), 8, "'tokens' must be a list of strings"),
    (GOOD.replace("tokens: [slain]", "tokens: [slain, yes]"), 8, "item 2 is a boolean"),
    (GOOD.replace("tokens: [slain]", "patterns: ['(unclosed']"), 8, "does not compile"),
    (GOOD.replace("severity: info", "severity: fatal"), 5, "severity 'fatal'"),
    (GOOD.replace("kind: existence", "kind: telepathy"), 4, "unknown rule kind 'telepathy'"),
    (GOOD.replace("  - id: no-slain\n    kind", "  - kind"), 3, "missing required key 'id'"),
    (GOOD.replace("id: no-slain", "id: No Slain"), 3, "must be lower-case words"),
    (GOOD.replace("pack: desk", "pack: desk\ncolour: red"), 2, "unknown top-level key 'colour'"),
    (GOOD + "  - [not, a, mapping]\n", 9, "must be a mapping"),
    (GOOD.replace("    tokens: [slain]", "    tokens: [slain\n"), 10, "flow sequence on line 8"),
    (GOOD + "lexicon:\n  people_nouns: [drones]\n  weather_words: [rain]\n", 11, "unknown lexicon key 'weather_words'"),
    (GOOD + "lexicon:\n  furniture_lines: ['[unclosed']\n", 10, "does not compile"),
    (GOOD.replace("tokens: [slain]", "tokens: []"), 3, "needs tokens or patterns"),
])
def test_rule_file_errors_name_the_file_and_line(tmp_path, text, line, words):
    err = error_for(tmp_path, text)
    assert err.path.endswith("desk.yaml")
    assert err.line == line, str(err)
    assert words in str(err)


def test_yaml_tags_that_build_objects_are_refused(tmp_path):
    err = error_for(tmp_path, "rules: !!python/object/apply:os.system ['echo pwned']\n")
    assert "invalid YAML" in str(err) or "could not determine a constructor" in str(err)


def test_missing_rule_file_is_an_error(tmp_path):
    with pytest.raises(RuleFileError, match="no such rule file"):
        load_rules([str(tmp_path / "nope.yaml")])


def test_cli_reports_a_bad_rule_file_in_one_line_and_exits_2(tmp_path):
    rules = write(tmp_path, GOOD.replace("tokens: [slain]", "tokens: [slain]\n    colour: red"))
    draft = tmp_path / "d.txt"
    draft.write_text("H\n\nBody.\n", encoding="utf-8")
    before = draft.read_bytes()
    proc = run_attrlint("check", "--rules", rules, str(draft))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "desk.yaml:9: unknown key 'colour'" in lines[0]
    assert draft.read_bytes() == before


def test_a_user_rule_overrides_a_shipped_rule_with_the_same_id(tmp_path):
    text = GOOD.replace("id: no-slain", "id: unattributed-number")
    rs = load_rules([write(tmp_path, text)])
    assert rs.by_id()["unattributed-number"].kind == "existence"


def test_a_control_character_is_a_one_line_error_with_its_line(tmp_path):
    err = error_for(tmp_path, "pack: desk\nrules:\n  - id: x\x00\n")
    assert err.line == 3 and "\n" not in str(err) and "invalid YAML" in str(err)
