#!/usr/bin/env bash
# Blind-set figures for cxlint alone, the classifier alone and cxlint + classifier at each threshold.
# Only blind_eval.py touches the blind set; it prints aggregate figures, kept in OUT (default /tmp/textcat-blind).
#
#   MODEL=/tmp/cxlint-textcat bash benchmarks/textcat/run_blind.sh [THRESHOLD ...]      # default 0.5 0.7 0.9
#
# cxlint's rules change while others work, so by default every run uses a frozen snapshot of the repository's
# HEAD (`git archive` into /tmp/cxlint-snap-<sha>; the repo is not touched), and all configurations are
# scored against the same commit. SNAP=live runs against the live the repository working tree instead.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
MODEL=${MODEL:-${TMPDIR:-/tmp}/cxlint-textcat}
OUT=${OUT:-${TMPDIR:-/tmp}/textcat-blind}
THRESHOLDS=${*:-0.5 0.7 0.9}
WRAP="python3 $REPO/benchmarks/textcat/cxlint_with_textcat.py"
mkdir -p "$OUT"
if [ "${SNAP:-}" = live ]; then
  CXREPO=$REPO
else
  SHA=$(git -C "$REPO" rev-parse --short HEAD)
  CXREPO=${TMPDIR:-/tmp}/cxlint-snap-$SHA
  if [ ! -f "$CXREPO/.commit" ]; then
    mkdir -p "$CXREPO" && git -C "$REPO" archive "$SHA" | tar -x -C "$CXREPO" && echo "$SHA" > "$CXREPO/.commit"
  fi
fi
cd /tmp
commit() { if [ "$CXREPO" = "$REPO" ]; then git -C "$REPO" log --oneline -1 | cut -d' ' -f1; else cat "$CXREPO/.commit"; fi; }
run() {  # name, extra env...
  local name=$1; shift
  local before after
  before=$(commit)
  env CXLINT_REPO="$CXREPO" CXLINT_TEXTCAT_MODEL="$MODEL" "$@" \
    python3 "$REPO/../shared/eval/blind_eval.py" --cxlint "$WRAP" --json "$OUT/$name.json" > "$OUT/$name.txt"
  after=$(commit)
  if [ "$before" = "$after" ]; then echo "$before" > "$OUT/$name.commit"; else echo "$before->$after" > "$OUT/$name.commit"; fi
  echo "== $name (cxlint commit $(cat "$OUT/$name.commit"))"; grep -E '^(blind|barista|promise|pressure)' "$OUT/$name.txt"
}
run cxlint CXLINT_TEXTCAT_OFF=1
for t in $THRESHOLDS; do
  run "only-$t" CXLINT_TEXTCAT_THRESHOLD="$t" CXLINT_TEXTCAT_ONLY=1
  run "combined-$t" CXLINT_TEXTCAT_THRESHOLD="$t" CXLINT_TEXTCAT_ONLY=0
done
