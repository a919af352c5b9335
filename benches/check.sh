#!/usr/bin/env bash
# Linear-time guard (run by ./build.sh test; ./build.sh bench prints the same table via benches/run.sh).
# Every input shape in SHAPES below, at two sizes and at 10x each, must cost at most 11x the instructions.
# Instruction counts come from callgrind, which counts the same for the same binary and input whatever else the
# machine is doing, so the check cannot flake. A shape that a test, a fuzzer or a user ever found slow joins the
# table (benches/gen_log.py makes each one), so the path it took can never grow superlinear again unnoticed.
#
#   bash benches/check.sh           check (exit 1 when a shape grows faster than linearly)
#   bash benches/check.sh --print   the same, printed as a table, never failing
set -euo pipefail
cd "$(dirname "$0")/.."
PRINT=${1:-}
LOGS=${OEE_BENCH_LOGS:-$PWD/target/bench-logs}
# OEE_CLI checks another build (an older commit, say) against the same table.
CLI=${OEE_CLI:-$PWD/target/release/openai-error-explainer}
mkdir -p "$LOGS"
command -v valgrind >/dev/null || { echo "benches/check.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }
[[ -x $CLI ]] || cargo build --quiet --release

# shape          what it guards
SHAPES="
mixed            an ordinary log: access lines, unrelated tracebacks, SDK retries
oneline          one huge line
partial          thousands of partial tracebacks
fragments        many JSON-like fragments that never close
secrets          a bearer token on every line of a JSON log (redaction sorted its spans by insertion: 10 MB took 42 s)
prefixed-open    long log-prefixed lines ending in '{' (each body re-cleaned thousands of lines: 100 MB took 20 s)
multibyte        a Japanese log with unclosed bodies across the byte caps
"
SIZES="0.08 0.8
1 10"

instructions() { # instructions FILE -> Ir count of one CLI run on FILE
  { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$CLI" "$1" 2>&1 >/dev/null || true; } | awk '/Collected/ { print $NF }'
}

fail=0
: >"$LOGS/empty.log"
base=$(instructions "$LOGS/empty.log") # the fixed cost of starting the process, taken off both counts
echo "Scaling: instructions (callgrind) for 10x the input; at most 11x allowed"
printf '%-14s %-14s %15s %15s %8s\n' shape sizes small large ratio
while read -r small large; do
  while read -r shape _; do
    [[ -n $shape ]] || continue
    a=$LOGS/$shape-${small}mb.log b=$LOGS/$shape-${large}mb.log
    [[ -f $a ]] || python3 benches/gen_log.py "$small" "$a" "$shape"
    [[ -f $b ]] || python3 benches/gen_log.py "$large" "$b" "$shape"
    ia=$(instructions "$a")
    ib=$(instructions "$b")
    ratio=$(awk -v a="$ia" -v b="$ib" -v z="$base" 'BEGIN { printf "%.2f", (b - z) / (a - z) }')
    verdict=ok
    if awk -v r="$ratio" 'BEGIN { exit !(r > 11) }'; then verdict="SUPERLINEAR"; fail=1; fi
    printf '%-14s %-14s %15s %15s %8s  %s\n' "$shape" "${small}->${large} MB" "$ia" "$ib" "$ratio" "$verdict"
  done <<<"$SHAPES"
done <<<"$SIZES"
if [[ $fail == 1 && $PRINT != --print ]]; then
  echo "benches/check.sh: some input shape costs more than linear time" >&2
  exit 1
fi
