"""Regenerate the golden tests' expected output (tests/golden/<rule>/<draft>.expected).

    python scripts/update_golden.py                   # every case
    python scripts/update_golden.py loaded-verb ...   # only these rules' folders

Writes what attrlint prints today for each case, then lists the files that changed: review
them with `git diff tests/golden` before committing. Cases with a `.xfail` file keep their
expected output (it is what the rule contract says, which attrlint does not yet print); the
script says which of them attrlint now gets right, so their `.xfail` file can go.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from golden_cases import cases, run


def main(argv: list[str]) -> int:
    if "ATTRLINT_CACHE_DIR" in os.environ:
        return _update(argv)
    # A cache of its own, so the user's cached rule files play no part; removed afterwards.
    with tempfile.TemporaryDirectory(prefix="attrlint-golden-cache-") as cache:
        os.environ["ATTRLINT_CACHE_DIR"] = cache
        try:
            return _update(argv)
        finally:
            del os.environ["ATTRLINT_CACHE_DIR"]


def _update(argv: list[str]) -> int:
    changed, fixed = [], []
    for case in cases(argv or None):
        got = run(case)
        old = case.expected_path.read_text(encoding="utf-8") if case.expected_path.exists() else None
        if case.xfail_reason:
            if got == old:
                fixed.append(case.id)
            continue
        if got != old:
            case.expected_path.write_text(got, encoding="utf-8")
            changed.append(case.id)
    for cid in changed:
        print(f"updated {cid}.expected")
    for cid in fixed:
        print(f"now right: {cid} (remove its .xfail file)")
    print(f"{len(changed)} expected file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
