"""No function of the package above cyclomatic complexity 25 (radon's measure, grade D at
most): past that a function stops being readable as one step of the pipeline, and the next
engineer cannot change it safely. Split by meaning when this fails."""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit

LIMIT = 25
PACKAGE = Path(__file__).resolve().parents[1] / "attrlint"


def test_no_function_is_too_complex():
    too_complex = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > LIMIT:
                name = f"{block.classname}.{block.name}" if getattr(block, "classname", None) else block.name
                too_complex.append(f"{path.relative_to(PACKAGE.parent)}:{block.lineno} {name} ({block.complexity})")
    assert not too_complex, "split these functions by meaning:\n" + "\n".join(too_complex)
