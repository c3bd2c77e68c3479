"""Every shipped rule's `explain` example is true: the bad copy is flagged, the fix is not."""

from __future__ import annotations

import pytest

from attrlint.engine.rules import load_rules
from conftest import lint

RULES = [r for r in load_rules().rules if r.kind != "suppression-audit"]


def as_article(copy: str) -> str:
    # An example is either a whole article (headline, blank line, body) or one body sentence.
    return copy if "\n\n" in copy else "Headline of the story\n\n" + copy + "\n"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_example_bad_is_flagged_and_good_is_not(rule):
    bad = [d for d in lint(as_article(rule.example["bad"]), select=[rule.id], dedent=False) if d.rule == rule.id]
    good = [d for d in lint(as_article(rule.example["good"]), select=[rule.id], dedent=False) if d.rule == rule.id]
    assert bad, f"{rule.id}: its example of bad copy is not flagged"
    assert not good, f"{rule.id}: its fixed example is still flagged: {[d.message for d in good]}"
