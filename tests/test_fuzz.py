"""Run the fuzz targets (atheris/libFuzzer) for a bounded time: any crash fails the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("ATTRLINT_FUZZ_SECONDS", "20"))

pytestmark = pytest.mark.slow  # 20 s a target


@pytest.mark.parametrize("target, seeds", [("fuzz_article.py", "article"), ("fuzz_rules.py", "rules")])
def test_fuzz_target_runs_clean(tmp_path, target, seeds):
    pytest.importorskip("atheris")
    work = tmp_path / "corpus"
    work.mkdir()
    # libFuzzer adds new inputs to the first folder: a scratch one, so the seeds stay as written.
    proc = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / target), str(work), str(ROOT / "fuzz" / "corpus" / seeds),
         f"-max_total_time={SECONDS}", "-rss_limit_mb=4096", "-timeout=10", f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, cwd=tmp_path, timeout=SECONDS + 120)
    crashes = list(tmp_path.glob("crash-*")) + list(tmp_path.glob("timeout-*")) + list(tmp_path.glob("oom-*"))
    assert proc.returncode == 0 and not crashes, proc.stderr[-3000:]
