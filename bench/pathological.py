"""Pathological drafts (issue 15): each is generated here, linted in a child process, and
reported with its wall time, CPU time and peak memory. Every row should stay under 10 s.

    .venv/bin/python bench/pathological.py            # the sizes the issue names
    .venv/bin/python bench/pathological.py --scale 0.1

The drafts are written to a temporary folder and removed afterwards; none is kept.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time


def drafts(scale: float) -> dict[str, str]:
    n = lambda k: max(1, int(k * scale))  # noqa: E731
    return {
        f"{n(2000)} straight quote marks in one paragraph": "Head\n\n" + '"a ' * n(2000) + "\n",
        f"{n(20000)} quote marks in one paragraph": "Head\n\n" + '"a ' * n(20000) + "\n",
        f'{n(20000)} times "A. "': "Head\n\n" + '"A. ' * n(20000) + "\n",
        f"{n(20000)} quoted sentences, one paragraph": "Head\n\n" + "".join(
            f'"Word {i}," he said. ' for i in range(n(20000))) + "\n",
        f"{n(200000)} numbers on one line": "Head\n\n" + " ".join(str(i) for i in range(n(200000))) + "\n",
        f"{n(50000)} acronyms on one line": "Head\n\n" + " ".join(f"AB{i % 997}C" for i in range(n(50000))) + "\n",
        f"{n(1_000_000) // 1000} kB of prose on one line": "Head\n\n" + (
            "The minister, who spoke on Tuesday, said the plan would cost 4 million euros. " * (n(1_000_000) // 78)) + "\n",
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()
    print(f"{'draft':48} {'wall s':>7} {'cpu s':>6} {'peak MB':>8}  exit")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in drafts(args.scale).items():
            path = os.path.join(tmp, "draft.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-m", "attrlint", "check", "--format", "json", path],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            code = os.waitstatus_to_exitcode(status)
            print(f"{name:48} {wall:7.2f} {usage.ru_utime + usage.ru_stime:6.2f} {usage.ru_maxrss / 1024:8.0f}  {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
