#!/usr/bin/env python3
"""Split the shared evaluation data into a part to study and a part only scored at the end.

The split is fixed by a hash of each article's name, so every engineer (and every session)
tunes on the same part and never looks at the other. Writes, into OUT (default /tmp/attrlint-eval):
  gold-tune.jsonl, gold-holdout.jsonl   (from ../shared/gold/dev.jsonl + dev2.jsonl; one in three held out)
  polnear-tune.txt, polnear-holdout.txt (stems of ../shared/corpus/polnear-train/text; one in four held out)
Nothing from the corpus is copied into the repository: this only lists names.
"""
import hashlib
import json
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def bucket(name: str, n: int) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % n == 0


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/attrlint-eval")
    out.mkdir(parents=True, exist_ok=True)
    tune, hold = [], []
    for g in ("dev", "dev2"):
        for line in (SHARED / "gold" / f"{g}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                (hold if bucket(json.loads(line)["doc"], 3) else tune).append(line)
    (out / "gold-tune.jsonl").write_text("\n".join(tune) + "\n", encoding="utf-8")
    (out / "gold-holdout.jsonl").write_text("\n".join(hold) + "\n", encoding="utf-8")
    stems = sorted(p.name for p in (SHARED / "corpus" / "polnear-train" / "text").glob("*.txt"))
    ptune = [s for s in stems if not bucket(s, 4)]
    phold = [s for s in stems if bucket(s, 4)]
    (out / "polnear-tune.txt").write_text("\n".join(ptune) + "\n", encoding="utf-8")
    (out / "polnear-holdout.txt").write_text("\n".join(phold) + "\n", encoding="utf-8")
    print(f"gold: {len(tune)} tune, {len(hold)} held out; polnear-train: {len(ptune)} tune, {len(phold)} held out -> {out}")


if __name__ == "__main__":
    main()
