#!/usr/bin/env bash
# Creates the environments of the OTHER clients captured by other_clients.py (openai-node v3, the
# Vercel AI SDK, LangChain for Python and JS, LiteLLM), OUTSIDE the repo (default /tmp/oee-corpus-env,
# next to the SDK environments of setup_envs.sh). Neutral project dir names, as there: the captured
# paths look like a user's project and give no hint of the scenario.
# Idempotent (a .ok marker keeps an environment), sequential and quiet (2-core machine).
# Packages come from the ordinary registries (PyPI, npm) at install time only; the captures talk to
# the loopback stub alone.
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

mknode() {  # project dir, npm specs...
  local proj="$ROOT/$1"; shift
  if [ -f "$proj/.ok" ]; then return 0; fi
  rm -rf "$proj"; mkdir -p "$proj"
  (cd "$proj" && npm init -y >/dev/null 2>&1 && npm install --silent --no-audit --no-fund "$@" >/dev/null 2>&1)
  touch "$proj/.ok"
}

mknode ticket-triage    "openai@3"                       # openai-node v3 (axios)
mknode shop-assistant   "ai" "@ai-sdk/openai" "zod"      # Vercel AI SDK
mknode notes-agent      "@langchain/openai" "@langchain/core"
mkvenv research-bot     "langchain-openai"
mkvenv router-service   "litellm"
echo "other-client envs ready in $ROOT"
