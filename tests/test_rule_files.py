"""Loading rule files: every mistake is an error naming the file and line; exit code 2."""

from __future__ import annotations

import textwrap

import pytest

from attrlint.errors import RuleFileError
from attrlint.engine.rules import load_rules

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


def test_redefining_a_shipped_rule_warns_once_with_file_and_line(tmp_path):
    rules = write(tmp_path, GOOD.replace("id: no-slain", "id: loaded-verb"))
    draft = tmp_path / "d.txt"
    draft.write_text("Slain\n\nThe mayor was slain on Monday, police said.\n", encoding="utf-8")
    proc = run_attrlint("check", "--isolated", "--format", "concise", "--rules", rules, str(draft))
    warnings = [line for line in proc.stderr.splitlines() if "warning:" in line]
    assert warnings == [f"{rules}:3: warning: rule 'loaded-verb' redefines the shipped rule of that id; "
                        "add `replaces: true` to the rule if that is deliberate"]
    assert "loaded-verb prefer 'killed' to 'slain'" in proc.stdout


def test_replaces_true_silences_the_warning(tmp_path):
    text = GOOD.replace("id: no-slain", "id: loaded-verb").replace("tokens: [slain]", "tokens: [slain]\n    replaces: true")
    rules = write(tmp_path, text)
    draft = tmp_path / "d.txt"
    draft.write_text("Slain\n\nThe mayor was slain on Monday, police said.\n", encoding="utf-8")
    proc = run_attrlint("check", "--isolated", "--format", "concise", "--rules", rules, str(draft))
    assert "warning" not in proc.stderr
    assert "loaded-verb prefer 'killed' to 'slain'" in proc.stdout


def test_a_new_id_in_a_user_file_does_not_warn(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Slain\n\nThe mayor was slain on Monday, police said.\n", encoding="utf-8")
    proc = run_attrlint("check", "--isolated", "--rules", write(tmp_path, GOOD), str(draft))
    assert "warning" not in proc.stderr


@pytest.mark.parametrize("old, new", [("unattributed-figure", "unattributed-number"),
                                      ("headline-hedge", "headline-hedge-mismatch"),
                                      ("headline-number", "headline-number-mismatch")])
def test_former_kind_names_still_load(tmp_path, old, new):
    text = """\
    rules:
      - id: desk-check
        kind: %s
        message: "check this"
        description: A desk's copy of a shipped kind under its former name.
    """ % old
    rs = load_rules([write(tmp_path, text)])
    assert rs.by_id()["desk-check"].kind == new


def test_every_kind_is_named_after_a_shipped_rule_it_runs():
    from attrlint.engine.rules import KINDS

    rs = load_rules()
    ids = {r.id for r in rs.rules}
    for name, cls in KINDS.items():
        if name in ("existence", "suppression-audit"):
            continue  # a kind for desks' own rules; the one kind that runs two rules
        assert name in ids, name
        assert cls.__module__ == "attrlint.kinds." + name.replace("-", "_")


def test_audit_kinds_declare_their_phase():
    from attrlint.engine.rules import KINDS

    assert {name for name, cls in KINDS.items() if cls.phase == "audit"} == {"suppression-audit"}


def test_a_control_character_is_a_one_line_error_with_its_line(tmp_path):
    err = error_for(tmp_path, "pack: desk\nrules:\n  - id: x\x00\n")
    assert err.line == 3 and "\n" not in str(err) and "invalid YAML" in str(err)
