#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (./build.sh test calls this; FUZZ_SECONDS sets the time per target,
# 30 by default). Seeds come from the test corpus. Needs the nightly toolchain (cargo-fuzz uses libFuzzer's
# sanitizer flags); without it the fuzz stage says so and passes. Installs cargo-fuzz when missing.
#
# Longer runs: FUZZ_SECONDS=3600 bash fuzz/run.sh, or one target: cargo +nightly fuzz run explain -- -max_total_time=3600
# A crash leaves its input in fuzz/artifacts/<target>/; add it to tests/fuzz-regressions/ with the fix.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH=${FUZZ_SECONDS:-30}
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: skipped (no nightly toolchain; rustup toolchain install nightly)"
  exit 0
fi
if ! command -v cargo-fuzz >/dev/null 2>&1 && [[ ! -x $HOME/.cargo/bin/cargo-fuzz ]]; then
  echo "fuzz: installing cargo-fuzz (cargo install; about two minutes, once)"
  cargo install cargo-fuzz --quiet
fi
export PATH=$HOME/.cargo/bin:$PATH
cargo +nightly fuzz build -O >/dev/null 2>&1 || cargo +nightly fuzz build -O
status=0
printf '%-8s %12s %10s  %s\n' target executions seconds result
for target in explain literal http log padded; do
  seeds=../target/fuzz-corpus/$target
  mkdir -p "$seeds"
  cp ../tests/corpus/cases/*/*.txt ../tests/fuzz-regressions/* "$seeds"/ 2>/dev/null || true
  log=$(mktemp)
  if cargo +nightly fuzz run -O "$target" "$seeds" -- -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 \
    -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
    result=ok
  else
    result="FOUND A PROBLEM (see fuzz/artifacts/$target/)"
    status=1
    grep -E "panicked at|SUMMARY|assert" "$log" | head -5
  fi
  runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log" | tail -1)
  printf '%-8s %12s %10s  %s\n' "$target" "${runs:-?}" "$SECONDS_EACH" "$result"
  rm -f "$log"
done
exit $status
