#!/usr/bin/env bash
# Linear-time guard (run by ./build.sh test; ./build.sh bench prints the same table via benches/run.sh).
# For four input shapes (an ordinary log, one huge line, thousands of partial tracebacks, many JSON-like
# fragments), 10x the input must cost at most 11x the instructions. Instruction counts come from callgrind, which
# counts the same for the same binary and input whatever else the machine is doing, so the check cannot flake.
#
#   bash benches/check.sh           check (exit 1 when a shape grows faster than linearly)
#   bash benches/check.sh --print   the same, printed as a table, never failing
set -euo pipefail
cd "$(dirname "$0")/.."
PRINT=${1:-}
LOGS=$PWD/target/bench-logs
CLI=$PWD/target/release/openai-error-explainer
mkdir -p "$LOGS"
command -v valgrind >/dev/null || { echo "benches/check.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }
[[ -x $CLI ]] || cargo build --quiet --release

instructions() { # instructions FILE -> Ir count of one CLI run on FILE
  { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$CLI" "$1" 2>&1 >/dev/null || true; } | awk '/Collected/ { print $NF }'
}

fail=0
echo "Scaling: instructions (callgrind) for 10x the input; at most 11x allowed"
printf '%-10s %-14s %15s %15s %8s\n' shape sizes small large ratio
for pair in "0.08 0.8" "2 20"; do
  read -r small large <<<"$pair"
  for shape in mixed oneline partial fragments; do
    a=$LOGS/$shape-${small}mb.log b=$LOGS/$shape-${large}mb.log
    [[ -f $a ]] || python3 benches/gen_log.py "$small" "$a" "$shape"
    [[ -f $b ]] || python3 benches/gen_log.py "$large" "$b" "$shape"
    ia=$(instructions "$a")
    ib=$(instructions "$b")
    # The fixed cost of starting the process is measured on an empty input and taken off both.
    if [[ -z ${base:-} ]]; then : >"$LOGS/empty.log"; base=$(instructions "$LOGS/empty.log"); fi
    ratio=$(awk -v a="$ia" -v b="$ib" -v z="$base" 'BEGIN { printf "%.2f", (b - z) / (a - z) }')
    verdict=ok
    if awk -v r="$ratio" 'BEGIN { exit !(r > 11) }'; then verdict="SUPERLINEAR"; fail=1; fi
    printf '%-10s %-14s %15s %15s %8s  %s\n' "$shape" "${small}->${large} MB" "$ia" "$ib" "$ratio" "$verdict"
  done
done
if [[ $fail == 1 && $PRINT != --print ]]; then
  echo "benches/check.sh: some input shape costs more than linear time" >&2
  exit 1
fi
