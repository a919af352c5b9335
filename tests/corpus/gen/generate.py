#!/usr/bin/env python3
"""Regenerates tests/corpus/cases/** and tests/corpus/labels.json.

    bash tests/corpus/gen/setup_envs.sh          # once: SDK venvs / node_modules under /tmp/oee-corpus-env
    python3 tests/corpus/gen/generate.py          # everything (about 5 minutes on 2 cores)
    python3 tests/corpus/gen/generate.py --only 'py1/quota*'   # some cases; other labels kept

All traffic goes to 127.0.0.1 (the stub); DNS-failure cases run in an empty network namespace
(`unshare -n`), so nothing leaves the machine.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

import derived  # noqa: E402
import nodedrivers  # noqa: E402
import pydrivers  # noqa: E402
import stub_server  # noqa: E402
from common import CASES, CORPUS, ENV_ROOT, ENVS, azure_key, fake_key, label, proj, run_capture  # noqa: E402

CATALOGUE_IDS = [
    # api/
    "401-invalid-authentication", "401-incorrect-api-key", "401-no-organization", "401-missing-api-key",
    "401-mismatched-organization", "401-invalid-organization", "401-ip-not-authorized", "401-azure-access-denied",
    "403-unsupported-region", "403-project-model-access", "404-model-not-found", "404-azure-deployment-not-found",
    "404-azure-resource-not-found", "400-context-length-exceeded", "400-unsupported-parameter",
    "400-organization-not-verified", "400-content-policy-violation", "400-billing-hard-limit",
    "400-azure-content-filter", "429-rate-limit", "429-request-too-large", "429-quota-exceeded",
    "429-azure-rate-limit", "500-server-error", "502-bad-gateway", "503-overloaded", "503-slow-down",
    # sdk/
    "APIConnectionError", "APITimeoutError", "AuthenticationError", "BadRequestError", "ConflictError",
    "InternalServerError", "NotFoundError", "PermissionDeniedError", "RateLimitError", "UnprocessableEntityError",
    "APIStatusError", "APIError", "LengthFinishReasonError", "ContentFilterFinishReasonError", "APIUserAbortError",
    "APIRemovedInV1", "sdk-openai-error-removed", "sdk-httpx-proxies",
]
SHAPES = ["py0", "py1", "py2", "py3", "py3new", "node4", "node6", "curl", "body", "message", "log", "messy", "negative"]


class Ctx:
    def __init__(self):
        self.port = None
        self.tls_port = None
        self.closed_port = None
        self.results = {}  # "shape/name.txt" -> (text, primary, all, source)

    def add(self, rel, text, primary, allx, source):
        if rel in self.results:
            raise SystemExit(f"duplicate case {rel}")
        allx = list(dict.fromkeys(allx))
        if primary and primary not in allx:
            allx.insert(0, primary)
        self.results[rel] = (text, primary, allx, source)

    def text(self, rel):
        """Captured text of a case (this run, or the file on disk from an earlier run)."""
        if rel in self.results:
            return self.results[rel][0]
        p = CASES / rel
        if p.exists():
            return p.read_bytes().decode("utf-8")
        raise KeyError(rel)


def make_certs(d: Path):
    """A private CA and a leaf for api.openai.com/127.0.0.1 signed by it. The server sends only the leaf,
    so clients fail with 'unable to get local issuer certificate' (like a TLS-inspecting proxy)."""
    d.mkdir(parents=True, exist_ok=True)
    if (d / "leaf.pem").exists():
        return d / "leaf.pem", d / "leaf.key"
    q = dict(check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=d)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                    "-days", "3650", "-subj", "/O=Contoso Corp/CN=Contoso Corp TLS Inspection CA"], **q)
    subprocess.run(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
                    "-subj", "/CN=api.openai.com"], **q)
    (d / "ext.cnf").write_text("subjectAltName=DNS:api.openai.com,IP:127.0.0.1\n")
    subprocess.run(["openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", "leaf.pem", "-days", "825", "-extfile", "ext.cnf"], **q)
    return d / "leaf.pem", d / "leaf.key"


def closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def stub_url(ctx, scenario, v1=True, tls=False):
    tok = stub_server.token(scenario)
    if tls:
        return f"https://127.0.0.1:{ctx.tls_port}/x/{tok}/v1"
    return f"http://127.0.0.1:{ctx.port}/x/{tok}" + ("/v1" if v1 else "")


def base_env(ctx, c, is_node: bool, py0: bool):
    env = dict(c.env_extra)
    key = fake_key(c.shape + "/" + c.name)
    if not c.unset_key:
        env["OPENAI_API_KEY"] = key
    url = None
    if c.base == "stub":
        url = stub_url(ctx, c.scenario) if c.scenario else f"http://127.0.0.1:{ctx.port}/v1"
    elif c.base == "stub_no_v1":
        url = stub_url(ctx, c.scenario, v1=False)
    elif c.base == "refused":
        url = f"http://127.0.0.1:{ctx.closed_port}/v1"
    elif c.base == "tls":
        url = stub_url(ctx, c.scenario, tls=True)
    elif c.base == "dns":
        url = "https://no-such-host.invalid/v1"
    elif c.base in ("azure", "azure0"):
        env["AZURE_OPENAI_ENDPOINT"] = stub_url(ctx, c.scenario, v1=False)
        env["AZURE_OPENAI_API_KEY" if c.base == "azure" else "AZURE_OPENAI_KEY"] = azure_key(c.name)
    if url:
        env["OPENAI_API_BASE" if py0 else "OPENAI_BASE_URL"] = url
    return env, key


def run_py(ctx, c):
    p = proj(c.env)
    env, key = base_env(ctx, c, False, c.env == "py0")
    script = c.script if c.script is not None else pydrivers.removed_script(key)
    for rel, content in c.files.items():
        f = p / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(content if isinstance(content, bytes) else content.encode())
    (p / c.script_name).write_text(script)
    try:
        out = run_capture([str(p / ".venv/bin/python"), c.script_name], p, env, timeout=c.timeout, netns=c.netns)
    finally:
        (p / c.script_name).unlink(missing_ok=True)
    if c.labels:
        primary, allx = c.labels
    else:
        sdk = c.sdk or pydrivers.sdk_kind(c.env)
        primary, allx = label(c.scenario, sdk, c.shows_502_text)
    src = f"{ENVS[c.env][1]}; stub scenario {c.scenario or '-'}; base {c.base or '-'}"
    if "max_retries=0" in script or "max_retries=max_retries" in script:
        src += "; max_retries=0"
    if c.source_extra:
        src += ";" + c.source_extra
    if c.netns:
        src += "; run in an empty network namespace (unshare -n)"
    ctx.add(f"{c.shape}/{c.name}.txt", out, primary, allx, src)


def run_node(ctx, c):
    p = proj(c.env)
    env, key = base_env(ctx, c, True, False)
    (p / c.script_name).write_text(c.script)
    try:
        out = run_capture(["node", c.script_name], p, env, timeout=c.timeout, netns=c.netns)
    finally:
        (p / c.script_name).unlink(missing_ok=True)
    if c.labels:
        primary, allx = c.labels
    else:
        primary, allx = label(c.scenario, "message" if c.shape == "message" else "node")
    src = f"{ENVS[c.env][1]}; stub scenario {c.scenario or '-'}; base {c.base or '-'}"
    if "maxRetries: 0" in c.script:
        src += "; maxRetries=0"
    if c.source_extra:
        src += ";" + c.source_extra
    if c.netns:
        src += "; run in an empty network namespace (unshare -n)"
    ctx.add(f"{c.shape}/{c.name}.txt", out, primary, allx, src)


# ------------------------------------------------------------------------------------------------
# curl
# ------------------------------------------------------------------------------------------------
CHAT_BODY = '{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Say this is a test!"}]}'
CURL_CASES = [
    # name, flags, scenario, endpoint, extra headers, show command
    ("i_quota", "-i", "quota", "chat", [], False),
    ("i_ratelimit_tpm", "-i", "ratelimit_tpm", "chat", [], True),
    ("i_incorrect_api_key", "-i", "bad_key", "chat", [], False),
    ("i_missing_key_no_header", "-i", "missing_key", "chat", ["noauth"], True),
    ("i_unsupported_region", "-i", "region", "chat", [], False),
    ("i_cloudflare_502", "-i", "cf502", "chat", [], False),
    ("i_server_error", "-i", "server_error", "chat", [], False),
    ("i_unprocessable_422", "-i", "unprocessable", "chat", [], False),
    ("i_conflict_409", "-i", "conflict", "chat", [], False),
    ("i_azure_access_denied", "-i", "azure_401", "azure", [], True),
    ("i_azure_deployment_not_found", "-i", "azure_deploy", "azure", [], False),
    ("i_slow_down_503", "-i", "slow_down", "chat", [], False),
    ("i_ip_not_authorized", "-i", "ip_not_authorized", "embeddings", [], False),
    ("sv_quota", "-sv", "quota", "chat", [], False),
    ("sv_request_too_large", "-sv", "too_large", "chat", [], False),
    ("sv_azure_rate_limit", "-sv", "azure_429", "azure", [], False),
    ("sv_model_not_found", "-sv", "model_not_found", "chat", [], True),
    ("sv_overloaded", "-sv", "overloaded", "chat", [], False),
    ("sv_mismatched_organization", "-sv", "mismatched_org", "chat", ["org"], False),
    ("sv_azure_content_filter", "-sv", "azure_filter", "azure", [], False),
    ("sv_azure_resource_not_found", "-sv", "azure_404", "azure", [], False),
]


def run_curl(ctx):
    for name, flags, scen, endpoint, extra, show_cmd in CURL_CASES:
        key = fake_key("curl/" + name)
        tok = stub_server.token(scen)
        hdrs = ["-H", "Content-Type: application/json"]
        body = CHAT_BODY
        if endpoint == "azure":
            url = (f"http://127.0.0.1:{ctx.port}/x/{tok}/openai/deployments/gpt-4o-prod/chat/completions"
                   "?api-version=2024-08-01-preview")
            hdrs += ["-H", f"api-key: {azure_key('curl/' + name)}"]
        else:
            path = {"chat": "chat/completions", "chat_stream": "chat/completions", "images": "images/generations",
                    "embeddings": "embeddings"}[endpoint]
            url = f"http://127.0.0.1:{ctx.port}/x/{tok}/v1/{path}"
            if "noauth" not in extra:
                hdrs += ["-H", f"Authorization: Bearer {key}"]
            if endpoint == "chat_stream":
                body = '{"model": "o3", "stream": true, "messages": [{"role": "user", "content": "Hello"}]}'
            elif endpoint == "images":
                body = '{"model": "dall-e-3", "prompt": "a portrait of a famous politician in a prison cell", "n": 1}'
            elif endpoint == "embeddings":
                body = '{"model": "text-embedding-3-small", "input": "The food was delicious"}'
        if "org" in extra:
            hdrs += ["-H", "OpenAI-Organization: org-Xb7pQw2LmN9sRt4vKd1yHe6c"]
        cmd = ["curl", flags, url] + hdrs + ["-d", body]
        # a terminal shows curl's stdout, and its stderr only for -v (no progress meter on a tty)
        p = subprocess.run(cmd, cwd="/tmp", env={"PATH": "/usr/bin:/bin", "HOME": "/root", "LANG": "C.UTF-8"},
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT if "v" in flags else subprocess.DEVNULL,
                           timeout=30)
        out = p.stdout.decode("utf-8", errors="replace")
        if show_cmd:
            pretty = f"$ curl {flags} {url} \\\n" + "".join(
                f'  -H "{hdrs[i + 1]}" \\\n' for i in range(0, len(hdrs), 2)) + f"  -d '{body}'\n"
            out = pretty + out
        primary, allx = label(scen, "curl")
        ctx.add(f"curl/{name}.txt", out, primary, allx,
                f"curl {flags} against stub scenario {scen}" + ("; command line included" if show_cmd else ""))


def fetch_body(ctx, scen, path="/v1/chat/completions", key=None):
    req = urllib.request.Request(stub_url(ctx, scen, v1=False) + path, data=CHAT_BODY.encode(), method="POST",
                                 headers={"Content-Type": "application/json",
                                          "Authorization": f"Bearer {key or fake_key('body/' + scen)}"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.read().decode()
    except urllib.error.HTTPError as e:
        return e.read().decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="glob on 'shape/name' (e.g. 'py1/*'); other cases and labels are kept")
    ap.add_argument("--no-run", action="store_true", help="only derived/hand-written cases (reuse captured files)")
    a = ap.parse_args()

    for env, (d, spec) in ENVS.items():
        if not (ENV_ROOT / d / ".ok").exists():
            raise SystemExit(f"missing environment {ENV_ROOT / d} ({spec}): run tests/corpus/gen/setup_envs.sh")

    want = (lambda rel: fnmatch.fnmatch(rel[:-4], a.only)) if a.only else (lambda rel: True)
    ctx = Ctx()
    cert, keyf = make_certs(ENV_ROOT / "tls")
    srv, ctx.port = stub_server.start_stub()
    tsrv, ctx.tls_port = stub_server.start_stub(tls=(str(cert), str(keyf)))
    ctx.closed_port = closed_port()
    t0 = time.time()
    if not a.no_run:
        for c in pydrivers.build_cases():
            if want(f"{c.shape}/{c.name}.txt"):
                run_py(ctx, c)
                print(f"[{time.time() - t0:6.1f}s] {c.shape}/{c.name}", flush=True)
        for c in nodedrivers.build_cases():
            if want(f"{c.shape}/{c.name}.txt"):
                run_node(ctx, c)
                print(f"[{time.time() - t0:6.1f}s] {c.shape}/{c.name}", flush=True)
        if not a.only or any(want(f"curl/{n}.txt") for n, *_ in CURL_CASES):
            run_curl(ctx)
    derived.build(ctx, lambda scen, **kw: fetch_body(ctx, scen, **kw), want)
    srv.shutdown()
    tsrv.shutdown()

    # ---- write ----
    labels_path = CORPUS / "labels.json"
    labels = json.loads(labels_path.read_text()) if labels_path.exists() else {}
    if not a.only and not a.no_run:
        # a full run replaces every generated case; hand-added ones (cases/<shape>/manual_*.txt) stay
        labels = {k: v for k, v in labels.items() if Path(k).name.startswith("manual_")}
        for f in CASES.glob("*/*.txt"):
            if not f.name.startswith("manual_"):
                f.unlink()
    for rel, (text, primary, allx, source) in ctx.results.items():
        if not want(rel):
            continue
        p = CASES / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.encode("utf-8"))
        labels[rel] = {"primary": primary, "all": allx, "source": source}
    labels = dict(sorted(labels.items()))
    labels_path.write_text(json.dumps(labels, indent=2, ensure_ascii=False) + "\n")
    report(labels)


def report(labels):
    per_shape = defaultdict(int)
    cov = defaultdict(lambda: [0, set()])
    problems = []
    for rel, lab in labels.items():
        shape = rel.split("/")[0]
        per_shape[shape] += 1
        if not (CASES / rel).exists():
            problems.append(f"label without file: {rel}")
        for i in lab["all"]:
            cov[i][0] += 1
            cov[i][1].add(shape)
            if i not in CATALOGUE_IDS:
                problems.append(f"unknown id {i} in {rel}")
    for f in CASES.rglob("*.txt"):
        rel = f.relative_to(CASES).as_posix()
        if rel not in labels:
            problems.append(f"file without label: {rel}")
    print("\ncases per shape:")
    for s in SHAPES:
        print(f"  {s:9s} {per_shape.get(s, 0)}")
    print(f"  total     {sum(per_shape.values())}")
    print("\ncoverage (id -> cases in `all`, shapes):")
    for i in CATALOGUE_IDS:
        n, shapes = cov.get(i, [0, set()])
        flag = "" if len(shapes) >= 3 else "   <-- fewer than 3 shapes"
        print(f"  {i:32s} {n:3d}  {','.join(sorted(shapes))}{flag}")
    for p in problems:
        print("PROBLEM:", p)


if __name__ == "__main__":
    main()
