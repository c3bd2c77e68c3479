"""The cache of compiled rule sets: used when nothing changed, rebuilt when anything did."""

from __future__ import annotations

import os
import textwrap

from conftest import run_attrlint

BAD = "Fire sweeps market\n\nThe fire was slain by 43 firefighters, police said.\n"
RULES = textwrap.dedent("""\
    pack: desk
    rules:
      - id: no-slain
        kind: existence
        message: "prefer killed to '{match}'"
        description: d
        tokens: [slain]
    """)


def run(*args, cache, cwd=None, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k != "ATTRLINT_NO_CACHE"}
    env.update({"ATTRLINT_CACHE_DIR": str(cache), **(env_extra or {})})
    return run_attrlint(*args, cwd=cwd, env=env)


def test_cache_is_written_reused_and_rebuilt_when_a_rule_file_changes(tmp_path):
    cache = tmp_path / "cache"
    draft = tmp_path / "fire.txt"
    draft.write_text(BAD, encoding="utf-8")
    rules = tmp_path / "desk.yaml"
    rules.write_text(RULES, encoding="utf-8")
    first = run("check", "--rules", str(rules), "--select", "no-slain", str(draft), cache=cache)
    assert first.returncode == 1 and "no-slain" in first.stdout
    entries = list(cache.glob("*.pickle"))
    assert len(entries) == 1
    again = run("check", "--rules", str(rules), "--select", "no-slain", str(draft), cache=cache)
    assert again.stdout == first.stdout and list(cache.glob("*.pickle")) == entries
    # Same size, new words: the content, not the file's date, decides.
    rules.write_text(RULES.replace("[slain]", "[firefighters]").replace("killed", "someone"), encoding="utf-8")
    changed = run("check", "--rules", str(rules), "--select", "no-slain", str(draft), cache=cache)
    assert "'firefighters'" in changed.stdout and "slain'" not in changed.stdout
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_broken_cache_entry_is_rebuilt(tmp_path):
    cache = tmp_path / "cache"
    draft = tmp_path / "fire.txt"
    draft.write_text("Fire\n\nAt least 43 people were killed.\n", encoding="utf-8")
    first = run("check", "--select", "unattributed-number", str(draft), cache=cache)
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    again = run("check", "--select", "unattributed-number", str(draft), cache=cache)
    assert again.returncode == first.returncode == 1 and again.stdout == first.stdout


def test_no_cache_writes_nothing(tmp_path):
    cache = tmp_path / "cache"
    draft = tmp_path / "fire.txt"
    draft.write_text(BAD, encoding="utf-8")
    run("check", "--no-cache", str(draft), cache=cache)
    run("check", str(draft), cache=cache, env_extra={"ATTRLINT_NO_CACHE": "1"})
    assert not cache.exists() or not list(cache.glob("*.pickle"))
