#!/usr/bin/env bash
# The only build entry.
#
#   ./build.sh              build the npm package (pkg/) and the static site (site/, from www/; servable as-is); the
#                           native CLI too (target/release/), whose `--list --json` is the package's catalogue.js
#   ./build.sh serve [PORT] build, then serve site/ on http://127.0.0.1:PORT/ (default 8080), compressed (brotli or
#                           gzip, as the browser accepts) the way static hosts serve it
#   ./build.sh test         build, then run every test: cargo (native), wasm-bindgen-test in headless Chromium, the
#                           npm package's tests (on the packed tarball), then, when they exist, tests/e2e/run.sh and
#                           benches/check.sh (budget checks), the element in real docs-site builds
#                           (tests/frameworks/run.sh), then the package's budgets
#   ./build.sh bench        build, then run benches/run.sh (if present) and print the package's sizes and timings
#
# It installs what it needs and skips what is already there: the wasm32 target (rustup), wasm-bindgen-cli at the
# exact version Cargo.lock pins for the wasm-bindgen crate, the build tools from tools/package-lock.json (npm ci:
# wasm-opt from binaryen, esbuild), Chromium and its driver (tests only), the test tools from
# tests/npm/package-lock.json (npm ci).
#
# Each step is a function, so that other parts of the project can plug into build_site, run_tests and run_benches.

set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

WASM_TARGET=wasm32-unknown-unknown
PKG=$ROOT/pkg
WWW=$ROOT/www
SITE=$ROOT/site
BINDGEN_OUT=$ROOT/target/wasm-bindgen
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
# The package's budgets (size, Node start-up, explain time) are set and checked in tests/npm/bench.mjs.

# ---------------------------------------------------------------------------------------------------------------
# Output

if [[ -t 1 ]]; then BOLD=$'\e[1m' RED=$'\e[31m' DIM=$'\e[2m' OFF=$'\e[0m'; else BOLD='' RED='' DIM='' OFF=''; fi
step() { printf '\n%s==> %s%s\n' "$BOLD" "$*" "$OFF"; }
note() { printf '%s    %s%s\n' "$DIM" "$*" "$OFF"; }
die() {
  printf '%sbuild.sh: %s%s\n' "$RED" "$*" "$OFF" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------------------------
# Tools: each ensure_* is quiet when the tool is already there.

need() { # need CMD HOW-TO-GET-IT
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing. $2"
}

as_root() {
  if [[ $(id -u) == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "installing needs root: run as root, or install by hand: $*"
  fi
}

APT_UPDATED=
ensure_apt() { # ensure_apt CMD PACKAGE [CMD PACKAGE ...]
  local missing=()
  while (($#)); do
    command -v "$1" >/dev/null 2>&1 || missing+=("$2")
    shift 2
  done
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]}, and this is not a Debian-like system: install them by hand."
  step "Installing ${missing[*]} (apt-get)"
  if [[ -z $APT_UPDATED ]]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    die "apt-get install ${missing[*]} failed"
}

ensure_rust() {
  need cargo "Install Rust with rustup: https://rustup.rs"
  need rustup "The wasm32 target is installed with rustup: https://rustup.rs"
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    step "Installing the Rust target $WASM_TARGET (rustup)"
    rustup target add "$WASM_TARGET"
  fi
}

# The wasm-bindgen version Cargo.lock pins; the CLI must be exactly the same.
bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local want have=''
  want=$(bindgen_version)
  [[ -n $want ]] || die "Cargo.lock has no wasm-bindgen entry; run cargo generate-lockfile (or cargo build) once"
  PATH=$HOME/.cargo/bin:$PATH
  if command -v wasm-bindgen >/dev/null 2>&1; then have=$(wasm-bindgen --version | awk '{print $2}'); fi
  if [[ $have != "$want" ]] || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    step "Installing wasm-bindgen-cli $want${have:+ (found $have)} (cargo install; a few minutes)"
    # Not --locked: the registry mirror lacks one of the CLI's locked dependencies.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_node() {
  need node "Install Node.js 20 or newer (https://nodejs.org, or your distribution's nodejs + npm)."
  need npm "Install npm (it comes with Node.js)."
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= 20)) || die "Node.js $(node --version) is too old: the package and its tests need Node 20 or newer."
}

# npm ci in DIR when its node_modules is missing or older than its lockfile (extra arguments go to npm ci).
ensure_npm_deps() {
  local dir=$1
  shift
  [[ -f $dir/package-lock.json ]] || die "$dir/package-lock.json is missing (it is committed; restore it)"
  if [[ ! -f $dir/node_modules/.package-lock.json || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    step "Installing the tools in ${dir#"$ROOT"/} (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error "$@")
  fi
}

# wasm-opt from a current binaryen (the npm package: binaryen compiled to wasm, run by Node) and esbuild, pinned by
# tools/package-lock.json. --ignore-scripts: esbuild's install script would only replace its launcher with the
# binary that npm already installed from @esbuild/<platform>; nothing is downloaded outside npm.
TOOLS=$ROOT/tools/node_modules/.bin
ensure_build_tools() {
  ensure_rust
  ensure_wasm_bindgen
  ensure_node
  ensure_npm_deps "$ROOT/tools" --ignore-scripts
}

ensure_test_tools() {
  ensure_build_tools
  ensure_apt chromium chromium chromedriver chromium-driver valgrind valgrind
  ensure_npm_deps "$ROOT/tests/npm"
}

# ---------------------------------------------------------------------------------------------------------------
# Build

crate_version() {
  cargo metadata --no-deps --format-version 1 |
    node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(m.packages.find((p) => p.name === "openai-error-explainer").version)'
}

# The .wasm and wasm-bindgen's JS glue, optimised for speed within the size budget (Cargo.toml, [profile.wasm]),
# into target/wasm-bindgen/.
build_wasm() {
  step "Building the WebAssembly module (cargo --profile wasm, wasm-bindgen, wasm-opt -O3)"
  cargo build --quiet --lib --no-default-features --profile wasm --target "$WASM_TARGET"
  rm -rf "$BINDGEN_OUT"
  # --experimental-reset-state-function: the JS wrapper re-instantiates the module after a trap (npm/core.js).
  # Names and producers are removed here rather than with `strip = true`, which would also drop the
  # target_features section wasm-bindgen reads.
  wasm-bindgen --target web --out-dir "$BINDGEN_OUT" --out-name explainer --no-typescript \
    --remove-name-section --remove-producers-section --experimental-reset-state-function \
    "target/$WASM_TARGET/wasm/openai_error_explainer.wasm"
  # rustc's default wasm32 features and simd128 (.cargo/config.toml), named so that no pass adds others.
  "$TOOLS/wasm-opt" -O3 --strip-debug --strip-producers \
    --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-simd \
    "$BINDGEN_OUT/explainer_bg.wasm" -o "$BINDGEN_OUT/explainer_bg.opt.wasm"
  mv "$BINDGEN_OUT/explainer_bg.opt.wasm" "$BINDGEN_OUT/explainer_bg.wasm"
}

# The native CLI (target/release/openai-error-explainer): the parity tests compare with it, and build_pkg takes the
# catalogue's prose from it.
CLI=$ROOT/target/release/openai-error-explainer
build_cli() {
  step "Building the native CLI (cargo build --release)"
  cargo build --quiet --release
}

# The npm package in pkg/: the glue and .wasm, the hand-written entries and types from npm/, the page engineer's
# element files when they exist, catalogue.js, and package.json with the crate's version.
build_pkg() {
  step "Assembling the npm package in pkg/"
  local version
  version=$(crate_version)
  [[ -x $CLI ]] || build_cli
  rm -rf "$PKG"
  mkdir -p "$PKG"
  cp "$BINDGEN_OUT/explainer.js" "$BINDGEN_OUT/explainer_bg.wasm" "$PKG/"
  cp npm/index.js npm/node.js npm/index.d.ts npm/README.md LICENSE-MIT LICENSE-APACHE "$PKG/"
  sed "s/@VERSION@/$version/" npm/core.js >"$PKG/core.js"
  local f
  for f in render.js element.js define.js element.d.ts define.d.ts react.d.ts caught.js offload.js worker.js custom-elements.json; do
    if [[ -f npm/$f ]]; then cp "npm/$f" "$PKG/"; fi
  done
  # The catalogue with its prose (cause, solution, links, the *_html sections, example), which the wasm is built
  # without (--no-default-features): the CLI's `--list --json`, as an ES module. It is written back by
  # JSON.stringify, which leaves `<`, `>` and `&` as they are (the CLI escapes them for JSON that may end up inside
  # HTML; a module never does): 10 KB less to send, 0.8 KB gzipped.
  "$CLI" --list --json >"$PKG/catalogue.json" || die "$CLI --list --json failed"
  node -e '
    const fs = require("fs");
    const all = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    if (!Array.isArray(all) || !all.length || !all.every((e) => e.id && "why_html" in e && "example" in e)) {
      console.error(`${process.argv[1]}: not the catalogue with its prose`);
      process.exit(1);
    }
    fs.writeFileSync(process.argv[2], "// Generated by build.sh from `openai-error-explainer --list --json`: the " +
      "catalogue, prose included.\nexport default " + JSON.stringify(all) + ";\n");
  ' "$PKG/catalogue.json" "$PKG/catalogue.js" || die "pkg/catalogue.js is not the full catalogue (is $CLI stale? cargo build --release)"
  rm "$PKG/catalogue.json"
  VERSION=$version node -e '
    const fs = require("fs");
    const p = JSON.parse(fs.readFileSync("npm/package.json", "utf8"));
    p.version = process.env.VERSION;
    fs.writeFileSync(process.argv[1], JSON.stringify(p, null, 2) + "\n");
  ' "$PKG/package.json"
  note "openai-error-explainer@$version: $(cd "$PKG" && ls | tr '\n' ' ')"
}

# The static site in site/, made from www/ (the page's sources, written by hand) and the package: www's HTML as it
# is, its JS and CSS minified by esbuild, and the package in site/pkg/ (which the page imports as ./pkg/index.js
# and ./pkg/render.js, the catalogue coming with it as ./pkg/catalogue.js) with its JS minified too. Each minified
# file has its source map beside it (browsers fetch one only when their developer tools are open, so maps are no
# part of what a visitor loads). After it, site/ can be served as-is.
build_site() {
  step "Building the static site in site/ (esbuild --minify)"
  rm -rf "$SITE"
  mkdir -p "$SITE"
  local f
  for f in "$WWW"/*; do
    # (www/pkg/ is what builds before site/ left there.)
    case $f in *.js | *.css | "$WWW/pkg") ;; *) cp -R "$f" "$SITE/" ;; esac
  done
  cp -R "$PKG" "$SITE/pkg"
  "$TOOLS/esbuild" "$WWW"/*.js "$WWW"/*.css --minify --sourcemap --log-level=warning --outdir="$SITE"
  "$TOOLS/esbuild" "$PKG"/*.js --minify --sourcemap --log-level=warning --outdir="$SITE/pkg"
  note "site/: $(cd "$SITE" && ls | tr '\n' ' ')"
}

build_all() {
  ensure_build_tools
  build_wasm
  build_cli
  build_pkg
  build_site
}

# ---------------------------------------------------------------------------------------------------------------
# Tests: every stage runs even when an earlier one failed; the summary at the end says which failed.

PASSED=()
FAILED=()
stage() { # stage NAME CMD...
  step "Test: $1"
  if "${@:2}"; then PASSED+=("$1"); else FAILED+=("$1"); fi
}

test_native() {
  cargo test --quiet
}

# The held-out third of the real pastes, scored and printed; it never fails the build (tests/heldout.rs).
report_heldout() {
  cargo test --quiet --test heldout -- --nocapture | grep -E '^(held-out|  )'
}

test_wasm() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)} \
    WASM_BINDGEN_USE_BROWSER=1 \
    cargo test --no-default-features --features prose --target "$WASM_TARGET" --test web
}

# The package as users get it: npm pack, then npm install of the tarball into a fresh project under a temporary
# directory, and the node --test suites run from inside that project (so 'openai-error-explainer' resolves through
# the installed package's exports map). Vite and playwright-core come from tests/npm/node_modules (npm ci).
test_npm() {
  local tmp consumer tarball status=0
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/oee-npm.XXXXXX")
  consumer=$tmp/consumer
  mkdir -p "$consumer/node_modules"
  tarball=$(cd "$tmp" && npm pack "$PKG" --silent --pack-destination "$tmp")
  note "packed $tarball; installing it into $consumer"
  printf '{ "name": "consumer", "private": true, "type": "module" }\n' >"$consumer/package.json"
  (cd "$consumer" && npm install --no-audit --no-fund --loglevel=error --no-package-lock "$tmp/$tarball") || status=1
  local dep
  # The SDKs whose caught errors explain() reads (caught.test.mjs) and attw (package.test.mjs) come from there too.
  for dep in vite playwright-core typescript openai ai @ai-sdk/openai axios @arethetypeswrong/cli @types/react csstype; do
    mkdir -p "$(dirname "$consumer/node_modules/$dep")"
    ln -s "$ROOT/tests/npm/node_modules/$dep" "$consumer/node_modules/$dep"
  done
  cp "$ROOT"/tests/npm/*.mjs "$consumer/"
  cp -R "$ROOT/tests/vite-app" "$consumer/vite-app"
  if ((status == 0)); then
    (cd "$consumer" && OEE_ROOT=$ROOT OEE_TARBALL=$tmp/$tarball node --test --test-reporter=spec ./*.test.mjs) || status=1
  fi
  if ((status == 0)) && [[ -z ${KEEP_TMP:-} ]]; then rm -rf "$tmp"; else note "kept $tmp"; fi
  return $status
}

test_e2e() {
  bash tests/e2e/run.sh
}

# The element in real Docusaurus 3, VitePress and Astro Starlight builds (tests/frameworks/): installs their tools
# once (cached, git-ignored), builds the sites from scratch and checks them in Chromium; one to two minutes.
test_frameworks() {
  bash tests/frameworks/run.sh
}

# Each cargo-fuzz target for a bounded time (needs the nightly toolchain; skipped with a message without it).
test_fuzz() {
  bash fuzz/run.sh
}

test_benches_check() {
  bash benches/check.sh
}

# The page's budgets: its start-up transfer (gzip) exactly, the first answer over a slow connection against a
# generous bound (benches/page.mjs --check; ./build.sh bench measures it properly).
test_page_budgets() {
  node benches/page.mjs --check
}

# Budgets: the .wasm's gzip size strictly; Node start-up and explain() only against a generous guard (10x the
# budget), since a loaded CI machine is slow. ./build.sh bench measures them properly.
test_budgets() {
  node tests/npm/bench.mjs --check
}

run_tests() {
  ensure_test_tools
  build_all
  stage "cargo test (native)" test_native
  step "Held-out real pastes (reported, not a pass/fail stage)"
  report_heldout || true
  stage "wasm-bindgen-test in headless Chromium" test_wasm
  stage "npm package (node --test on the packed tarball)" test_npm
  if [[ -f tests/e2e/run.sh ]]; then stage "page end to end (tests/e2e/run.sh)" test_e2e; fi
  stage "the element in Docusaurus, VitePress and Starlight builds (tests/frameworks/run.sh)" test_frameworks
  if [[ -f benches/check.sh ]]; then stage "benchmark budgets (benches/check.sh)" test_benches_check; fi
  stage "page budgets (benches/page.mjs --check)" test_page_budgets
  stage "package budgets" test_budgets
  stage "fuzzing (fuzz/run.sh, ${FUZZ_SECONDS:-30} s per target)" test_fuzz
  step "Summary"
  local s
  for s in "${PASSED[@]}"; do printf '    ok    %s\n' "$s"; done
  for s in "${FAILED[@]}"; do printf '    %sFAIL  %s%s\n' "$RED" "$s" "$OFF"; done
  printf 'build.sh: %d passed, %d failed\n' "${#PASSED[@]}" "${#FAILED[@]}"
  ((${#FAILED[@]} == 0))
}

# ---------------------------------------------------------------------------------------------------------------
# Benchmarks

run_benches() {
  build_all
  if [[ -f benches/run.sh ]]; then
    step "Benchmarks (benches/run.sh)"
    bash benches/run.sh
  fi
  step "The npm package: sizes and timings"
  node tests/npm/bench.mjs
}

# ---------------------------------------------------------------------------------------------------------------

serve() {
  local port=${1:-8080}
  [[ $port =~ ^[0-9]+$ ]] || die "serve: PORT must be a number, got '$port'"
  build_all
  step "Serving site/ (Ctrl-C stops)"
  exec node tests/npm/serve.mjs "$SITE" "$port"
}

usage() {
  awk 'NR > 1 && /^# It installs/ { exit } NR > 1' "$0" | sed 's/^# \{0,1\}//'
}

case ${1:-} in
  '') build_all ;;
  serve) serve "${2:-}" ;;
  test) run_tests ;;
  bench) run_benches ;;
  -h | --help | help) usage ;;
  *)
    printf "build.sh: unknown command '%s'\n\n" "$1" >&2
    usage >&2
    exit 2
    ;;
esac
