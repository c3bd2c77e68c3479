#!/usr/bin/env bash
# Score the attribution model (`attrlint sources`) against PolNeAR's hand annotation.
#   scripts/score_polnear.sh STEMS.txt     (one polnear-train article name a line, as
#                                           scripts/eval_split.py writes them)
# Reads ../shared/corpus/polnear-train/{text,ann}; copies nothing into the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$here/../shared/corpus/polnear-train"
attrlint="${ATTRLINT:-$here/.venv/bin/attrlint}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/gold"
files=()
while read -r stem; do
  [ -n "$stem" ] || continue
  stem="${stem%.txt}"
  files+=("$corpus/text/$stem.txt")
  cp "$corpus/ann/${stem}"_*.ann "$work/gold/" 2>/dev/null || true
done < "$1"
$attrlint sources --format json-lines "${files[@]}" | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    span = lambda x: [x["start"], x["end"]] if x else None
    print(json.dumps({"doc": d["path"].rsplit("/", 1)[-1], "cue": span(d["cue"]),
                      "source": span(d.get("source")), "content": span(d.get("content"))}))
' > "$work/pred.jsonl"
python3 "$here/../shared/eval/polnear_score.py" --pred "$work/pred.jsonl" --gold "$work/gold" --text "$corpus/text"
