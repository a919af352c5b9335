#!/usr/bin/env bash
# End-to-end tests of the page (www/index.html) and the element (www/embed.html, www/frame.html) in headless
# Chromium, as built into site/. Builds nothing: it expects site/ and site/pkg/ (./build.sh makes them). Installs its own test tools (npm ci) and,
# when missing, Debian's chromium. Serves www/ on a loopback port; never downloads a browser.
#   tests/e2e/run.sh [FILE.test.mjs ...]
# Screenshots go to tests/e2e/screenshots/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"

SITE=${OEE_WWW:-../../site}
[[ -f $SITE/index.html && -f $SITE/pkg/index.js && -f $SITE/pkg/render.js && -f $SITE/pkg/element.js && -f $SITE/pkg/catalogue.js ]] ||
  { echo "tests/e2e/run.sh: $SITE (the built site) is missing or incomplete: run ./build.sh first" >&2; exit 1; }

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $CHROMIUM ]]; then
  command -v apt-get >/dev/null 2>&1 || { echo "tests/e2e/run.sh: $CHROMIUM is missing (set CHROMIUM=...)" >&2; exit 1; }
  echo "==> Installing Debian's chromium (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
export CHROMIUM

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "==> Installing the e2e test tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if (($#)); then files=("$@"); else files=(*.test.mjs); fi
exec node --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
