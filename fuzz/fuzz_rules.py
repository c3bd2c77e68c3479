"""Fuzz target: bytes -> a user's YAML rule file -> the loader and validator.

Run: python fuzz/fuzz_rules.py fuzz/corpus/rules -max_total_time=60
Invariant: a rule file either loads or fails with RuleFileError naming the file; nothing else.
"""

import sys

import atheris

with atheris.instrument_imports():
    from attrlint.errors import RuleFileError
    from attrlint.engine.rules import load_rules


def TestOneInput(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    try:
        ruleset = load_rules(builtin=False, texts=[("fuzz.yaml", text)])
    except RuleFileError as exc:
        assert str(exc).startswith("fuzz.yaml"), exc
        return
    for rule in ruleset.rules:
        assert rule.id and rule.kind


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
