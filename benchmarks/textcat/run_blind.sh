#!/usr/bin/env bash
# Blind-set figures for cxlint alone, the classifier alone and cxlint + classifier at each threshold.
# Only blind_eval.py touches the blind set; it prints aggregate figures, kept in OUT (default /tmp/textcat-blind).
#   MODEL=/tmp/cxlint-textcat bash benchmarks/textcat/run_blind.sh [0.5 0.7 0.9]
set -euo pipefail
REPO=/work/main
MODEL=${MODEL:-/tmp/cxlint-textcat}
OUT=${OUT:-/tmp/textcat-blind}
THRESHOLDS=${*:-0.5 0.7 0.9}
WRAP="python3 $REPO/benchmarks/textcat/cxlint_with_textcat.py"
mkdir -p "$OUT"
cd "$REPO"
run() {  # name, cxlint command, extra env...
  local name=$1 cmd=$2; shift 2
  local before after
  before=$(git -C "$REPO" log --oneline -1 | cut -d' ' -f1)
  env "$@" python3 /work/shared/eval/blind_eval.py --cxlint "$cmd" --json "$OUT/$name.json" > "$OUT/$name.txt"
  after=$(git -C "$REPO" log --oneline -1 | cut -d' ' -f1)
  [ "$before" = "$after" ] && echo "$before" > "$OUT/$name.commit" || echo "$before->$after" > "$OUT/$name.commit"
  echo "== $name (commit $(cat "$OUT/$name.commit"))"; grep -E '^(blind|barista|promise|pressure)' "$OUT/$name.txt"
}
run cxlint "python3 -m cxlint"
for t in $THRESHOLDS; do
  run "only-$t" "$WRAP" CXLINT_TEXTCAT_MODEL="$MODEL" CXLINT_TEXTCAT_THRESHOLD="$t" CXLINT_TEXTCAT_ONLY=1
  run "combined-$t" "$WRAP" CXLINT_TEXTCAT_MODEL="$MODEL" CXLINT_TEXTCAT_THRESHOLD="$t" CXLINT_TEXTCAT_ONLY=0
done
