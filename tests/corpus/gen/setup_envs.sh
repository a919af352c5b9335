#!/usr/bin/env bash
# Creates the SDK environments used by generate.py, OUTSIDE the repo (default /tmp/oee-corpus-env).
# Each environment looks like a user's project dir (<project>/.venv or <project>/node_modules), so the
# captured tracebacks show ordinary paths and no hint of the scenario or the SDK version.
# Idempotent: an environment with a .ok marker is kept. Sequential and quiet (2-core machine).
set -euo pipefail
ROOT="${OEE_ENV_ROOT:-/tmp/oee-corpus-env}"
mkdir -p "$ROOT"
PY="${PYTHON:-python3}"

mkvenv() {  # project dir, pip specs...
  local proj="$ROOT/$1"; shift
  local dir="$proj/.venv"
  if [ -f "$proj/.ok" ]; then return 0; fi
  rm -rf "$dir"; mkdir -p "$proj"
  "$PY" -m venv "$dir"
  "$dir/bin/pip" install -q --disable-pip-version-check "$@"
  touch "$proj/.ok"
}

mkvenv legacy-bot     "openai==0.28.1"
mkvenv support-agent  "openai==1.109.1"
mkvenv doc-summarizer "openai==2.54.0"
mkvenv rag-service    "openai==3.37.0"
mkvenv report-writer  "openai==3.57.0"
mkvenv etl-pipeline   "openai==1.55.0" "httpx==0.28.1"

mknode() {  # project dir, npm spec
  local proj="$ROOT/$1" spec="$2"
  if [ -f "$proj/.ok" ]; then return 0; fi
  rm -rf "$proj"; mkdir -p "$proj"
  (cd "$proj" && npm init -y >/dev/null 2>&1 && npm install --silent --no-audit --no-fund "$spec" >/dev/null 2>&1)
  touch "$proj/.ok"
}
mknode web-chat        "openai@4.104.0"
mknode slack-assistant "openai@6.49.0"
mknode api-gateway     "openai@7.57.0"   # npm latest on 2026-11-24; a few cases only
echo "envs ready in $ROOT"
