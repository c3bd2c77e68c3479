"""Every golden case (tests/golden/<rule>/) gives exactly its expected concise output.

Regenerate the expected files after a deliberate change, then review the diff:
`python scripts/update_golden.py` (see tests/golden/README.md).
"""

from __future__ import annotations

import pytest
from golden_cases import Case, cases, run


@pytest.fixture(scope="module", autouse=True)
def _private_cache(tmp_path_factory):
    # The compiled-rules cache of this run only: the user's own cache is not touched.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATTRLINT_CACHE_DIR", str(tmp_path_factory.mktemp("attrlint-cache")))
        mp.delenv("ATTRLINT_NO_CACHE", raising=False)
        yield


def _param(case: Case):
    reason = case.xfail_reason
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in cases()])
def test_golden(case: Case) -> None:
    assert case.expected_path.exists(), f"{case.id}: no .expected file (run scripts/update_golden.py)"
    expected = case.expected_path.read_text(encoding="utf-8")
    assert run(case) == expected


def test_every_rule_has_a_passing_positive_case() -> None:
    """A rule switched off must fail a golden case: each rule id has an expected finding."""
    from attrlint.engine.lint import Linter

    shipped = {r.id for r in Linter.create().ruleset.rules}
    covered = set()
    for case in cases():
        if case.xfail_reason or not case.expected_path.exists():
            continue
        for line in case.expected_path.read_text(encoding="utf-8").splitlines():
            # path:line:col: rule-id message
            covered.add(line.split(": ", 1)[1].split(" ", 1)[0])
    assert shipped - covered == set()
