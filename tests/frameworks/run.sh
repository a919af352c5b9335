#!/usr/bin/env bash
# The element in real documentation-site builds (Docusaurus 3 on React 19, VitePress, Astro Starlight) and an esbuild bundle in headless
# Chromium:
# sites.test.mjs. Expects pkg/ (./build.sh) and the e2e tools (tests/e2e/run.sh installs them). Installs the sites'
# tools once from package-lock.json (npm ci, without install scripts: nothing is downloaded but npm packages) into
# node_modules/ here, git-ignored and kept between runs; each run builds the sites from scratch (one to two
# minutes, most of it Docusaurus).
set -euo pipefail
cd "$(dirname "$0")"
[[ -f ../../pkg/element.js ]] || { echo "tests/frameworks/run.sh: pkg/ is missing: run ./build.sh first" >&2; exit 1; }
[[ -d ../e2e/node_modules/playwright-core ]] || (cd ../e2e && npm ci --no-audit --no-fund --loglevel=error)
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "==> Installing Docusaurus, VitePress and Astro Starlight for the site tests (npm ci, once; a few minutes)"
  npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
fi
export DOCUSAURUS_TELEMETRY_DISABLED=1 ASTRO_TELEMETRY_DISABLED=1
exec node --test --test-concurrency=1 --test-reporter=spec sites.test.mjs
