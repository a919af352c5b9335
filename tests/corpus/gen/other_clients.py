#!/usr/bin/env python3
"""Captures what OTHER clients print when an OpenAI call fails: openai-node v3 (axios), the Vercel AI
SDK (`ai` + `@ai-sdk/openai`), LangChain for Python (`langchain-openai`) and JS (`@langchain/openai`),
and LiteLLM. Each is installed for real (setup_other_clients.sh, outside the repo) and run against the
loopback stub (stub_server.py); what the terminal shows is written to
`tests/corpus/cases/captured/<client>/<scenario>_<variant>.txt`, labelled in
`tests/corpus/labels.d/captured.json`.

    bash tests/corpus/gen/setup_other_clients.sh      # once
    python3 tests/corpus/gen/other_clients.py         # all clients; --only 'litellm/*' for some

The whole run happens inside an empty network namespace (`unshare -n`, loopback brought up), with the
stub started in there too: nothing a client does (telemetry, a model-price download, a stray default
URL) can leave the machine. Labels follow the corpus policy (README.md): the specific API entry only
when the captured text shows its message or code (a Node dump that hides the body behind
`[Object]` gets the status class), the SDK class entry only when the client prints a class that maps
to one (LiteLLM's and openai-python's status classes, openai-node's through LangChain JS); axios and the
Vercel AI SDK's generic errors add none.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import re
import socket
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stub_server  # noqa: E402
from common import CORPUS, ENV_ROOT, SCEN, fake_key, run_capture, status_class  # noqa: E402

OUT = CORPUS / "cases" / "captured"
LABELS = CORPUS / "labels.d" / "captured.json"

# client -> (project dir under ENV_ROOT, kind, packages whose versions go in `source`)
CLIENTS = {
    "node3": ("ticket-triage", "node", ["openai"]),
    "vercel-ai": ("shop-assistant", "node", ["ai", "@ai-sdk/openai"]),
    "langchain-js": ("notes-agent", "node", ["@langchain/openai", "openai"]),
    "langchain-py": ("research-bot", "py", ["langchain-openai", "openai"]),
    "litellm": ("router-service", "py", ["litellm", "openai"]),
}

SCENARIOS = ["quota", "ratelimit_rpm", "bad_key", "model_not_found", "context", "unsupported_param",
             "server_error", "cf502_page", "overloaded", "refused"]

NODE3_UNCAUGHT = """\
const { Configuration, OpenAIApi } = require("openai");

const configuration = new Configuration({
  apiKey: process.env.OPENAI_API_KEY,
  basePath: process.env.OPENAI_BASE_URL,
});
const openai = new OpenAIApi(configuration);

async function main() {
  const completion = await openai.createChatCompletion({
    model: "gpt-3.5-turbo",
    messages: [{ role: "user", content: "Summarise ticket #4471 in one line." }],
  });
  console.log(completion.data.choices[0].message.content);
}

main();
"""

# the pattern the v3 README taught: status and data when there is a response, else the message
NODE3_CATCH = NODE3_UNCAUGHT.replace("main();\n", """\
main().catch((error) => {
  if (error.response) {
    console.log(error.response.status);
    console.log(error.response.data);
  } else {
    console.log(error.message);
  }
});
""")

VERCEL_UNCAUGHT = """\
import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';

const openai = createOpenAI({ baseURL: process.env.OPENAI_BASE_URL });

const { text } = await generateText({
  model: openai('gpt-4o-mini'),
  prompt: 'Write a one-line product blurb for a steel water bottle.',@EXTRA@
});
console.log(text);
"""

VERCEL_CATCH = """\
import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';

const openai = createOpenAI({ baseURL: process.env.OPENAI_BASE_URL });

try {
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    prompt: 'Suggest a subject line for the spring sale newsletter.',@EXTRA@
  });
  console.log(text);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
}
"""

LCJS_UNCAUGHT = """\
import { ChatOpenAI } from '@langchain/openai';

const model = new ChatOpenAI({
  model: 'gpt-4o-mini',
  configuration: { baseURL: process.env.OPENAI_BASE_URL },@EXTRA@
});

const res = await model.invoke('Give me three tags for a note about sourdough starters.');
console.log(res.content);
"""

LCPY_UNCAUGHT = """\
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini"@EXTRA@)
answer = llm.invoke("List three risks of the Q3 database migration plan.")
print(answer.content)
"""

LITELLM_UNCAUGHT = """\
import os

import litellm

response = litellm.completion(
    model="openai/gpt-4o-mini",
    api_base=os.environ["OPENAI_API_BASE"],
    messages=[{"role": "user", "content": "Route this support email to the right team: 'My card was charged twice.'"}],
)
print(response.choices[0].message.content)
"""

LITELLM_CATCH = """\
import os

import litellm

try:
    response = litellm.completion(
        model="openai/gpt-4o-mini",
        api_base=os.environ["OPENAI_API_BASE"],
        messages=[{"role": "user", "content": "Classify the sentiment of: 'The update broke my workflow.'"}],
    )
    print(response.choices[0].message.content)
except Exception as e:
    print(f"LLM call failed: {e!r}")
"""

RETRIED = {"ratelimit_rpm", "server_error", "cf502_page", "overloaded", "refused"}


def variants(client: str, scen: str):
    """(variant name, script file name, script text, note for `source`)."""
    if client == "node3":
        yield "uncaught", "index.js", NODE3_UNCAUGHT, "main() without catch"
        yield "catch", "index.js", NODE3_CATCH, "catch printing error.response.status/data"
    elif client == "vercel-ai":
        # default retries (maxRetries 2) once for a retried status, to show AI_RetryError; else none
        fast = "\n  maxRetries: 0," if scen in RETRIED and scen != "ratelimit_rpm" else ""
        note = "maxRetries=0" if fast else "default retries"
        yield "uncaught", "index.mjs", VERCEL_UNCAUGHT.replace("@EXTRA@", fast), note + "; top-level await"
        yield "catch", "index.mjs", VERCEL_CATCH.replace("@EXTRA@", fast), note + "; console.error(err)"
    elif client == "langchain-js":
        extra = "\n  maxRetries: 0," if scen in RETRIED else ""
        yield "uncaught", "index.mjs", LCJS_UNCAUGHT.replace("@EXTRA@", extra), \
            ("maxRetries=0" if extra else "default retries") + "; top-level await"
    elif client == "langchain-py":
        extra = ", max_retries=0" if scen in RETRIED else ""
        yield "uncaught", "main.py", LCPY_UNCAUGHT.replace("@EXTRA@", extra), \
            ("max_retries=0" if extra else "default retries") + "; uncaught"
    elif client == "litellm":
        yield "uncaught", "main.py", LITELLM_UNCAUGHT, "uncaught"
        yield "catch", "main.py", LITELLM_CATCH, "print(f'{e!r}')"


def versions(client: str) -> str:
    proj, kind, pkgs = CLIENTS[client]
    p = ENV_ROOT / proj
    out = []
    for pkg in pkgs:
        if kind == "node":
            f = p / "node_modules" / pkg / "package.json"
            v = json.loads(f.read_text())["version"] if f.exists() else "?"
        else:
            r = subprocess.run([str(p / ".venv/bin/python"), "-c",
                                f"import importlib.metadata as m; print(m.version({pkg!r}))"],
                               capture_output=True, text=True)
            v = r.stdout.strip() or "?"
        out.append(f"{pkg}@{v}" if kind == "node" else f"{pkg}=={v}")
    return " + ".join(out)


def shows_specific(scen: str, out: str) -> bool:
    """Does the captured text show what pins the scenario's specific entry (message or code)?"""
    # scenarios whose body the stub builds per request (masked key, request id): their fixed words
    fixed = {"bad_key": "Incorrect API key provided", "overloaded": "is currently overloaded",
             "server_error2": "The server had an error"}
    if scen in fixed:
        return fixed[scen] in out
    body = stub_server.SCENARIOS[scen].get("body")
    if isinstance(body, str):  # an HTML page
        return "502" in out and ("Bad gateway" in out or "Bad Gateway" in out or "cloudflare" in out)
    err = (body or {}).get("error", {})
    msg, code = err.get("message") or "", err.get("code")
    return bool(msg and msg[:40] in out) or bool(isinstance(code, str) and code in out)


NODE_CLASSES = ("BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError",
                "RateLimitError", "InternalServerError")


# LiteLLM's exception classes -> the catalogue's class entry (it maps a refused connection to
# InternalServerError and a 502 to BadGatewayError, so the printed class is read, not the status)
LITELLM_CLASSES = {"RateLimitError": "RateLimitError", "AuthenticationError": "AuthenticationError",
                   "PermissionDeniedError": "PermissionDeniedError", "NotFoundError": "NotFoundError",
                   "BadRequestError": "BadRequestError", "ContextWindowExceededError": "BadRequestError",
                   "UnprocessableEntityError": "UnprocessableEntityError",
                   "InternalServerError": "InternalServerError", "BadGatewayError": "InternalServerError",
                   "ServiceUnavailableError": "InternalServerError", "APIConnectionError": "APIConnectionError",
                   "Timeout": "APITimeoutError"}


def label(client: str, scen: str, out: str):
    status, specific = SCEN.get(scen, (None, None))
    cls = "APIConnectionError" if scen == "refused" else status_class(status)
    primary = specific if specific and shows_specific(scen, out) else cls
    shown_class = None
    if client == "litellm":
        named = re.findall(r"litellm\.(\w+)", out)
        shown_class = next((LITELLM_CLASSES[n] for n in reversed(named) if n in LITELLM_CLASSES), None)
    elif client == "langchain-py" and f"openai.{cls}" in out:
        shown_class = cls  # the chained openai-python exception names the status class
    elif client == "langchain-js" and any(c in out for c in NODE_CLASSES):
        shown_class = cls
    allx = [primary] + ([shown_class] if shown_class and shown_class != primary else [])
    return primary, allx


def closed_port() -> int:
    """A loopback port nothing listens on (connection refused)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def run_one(client, scen, variant, fname, script, port, dead_port):
    proj, kind, _ = CLIENTS[client]
    p = ENV_ROOT / proj
    key = fake_key(f"captured/{client}/{scen}_{variant}")
    base = (f"http://127.0.0.1:{dead_port}/v1" if scen == "refused"
            else f"http://127.0.0.1:{port}/x/{stub_server.token(scen)}/v1")
    env = {"OPENAI_API_KEY": key, "OPENAI_BASE_URL": base, "OPENAI_API_BASE": base,
           "LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_TELEMETRY": "False"}
    (p / fname).write_text(script)
    try:
        cmd = ["node", fname] if kind == "node" else [str(p / ".venv/bin/python"), fname]
        return run_capture(cmd, p, env, timeout=180)
    finally:
        (p / fname).unlink(missing_ok=True)


def inner(only: str | None):
    srv, port = stub_server.start_stub()
    dead = closed_port()
    labels = json.loads(LABELS.read_text()) if LABELS.exists() else {}
    for client in CLIENTS:
        if not (ENV_ROOT / CLIENTS[client][0] / ".ok").exists():
            print(f"skip {client}: run setup_other_clients.sh first", file=sys.stderr)
            continue
        ver = versions(client)
        for scen in SCENARIOS:
            for variant, fname, script, note in variants(client, scen):
                rel = f"captured/{client}/{scen}_{variant}.txt"
                if only and not fnmatch.fnmatch(rel[len("captured/"):], only):
                    continue
                out = run_one(client, scen, variant, fname, script, port, dead)
                f = CORPUS / "cases" / rel
                f.parent.mkdir(parents=True, exist_ok=True)
                f.write_text(out)
                primary, allx = label(client, scen, out)
                where = "closed loopback port" if scen == "refused" else f"stub scenario {scen}"
                labels[rel] = {"primary": primary, "all": allx, "source": f"{ver}; {where}; {note}"}
                print(f"{rel:55s} {primary}", flush=True)
    srv.shutdown()
    tmp = LABELS.with_suffix(".json.tmp")
    LABELS.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(dict(sorted(labels.items())), indent=1, ensure_ascii=False) + "\n")
    tmp.replace(LABELS)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="glob on '<client>/<scenario>_<variant>.txt', e.g. 'litellm/*'")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.inner:
        inner(a.only)
        return
    # re-run inside an empty network namespace with only loopback up
    cmd = ["unshare", "-n", "--", "sh", "-c", 'ip link set lo up && exec "$0" "$@"',
           sys.executable, str(Path(__file__).resolve()), "--inner"] + (["--only", a.only] if a.only else [])
    sys.exit(subprocess.call(cmd))


if __name__ == "__main__":
    main()
