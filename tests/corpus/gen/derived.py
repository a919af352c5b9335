"""Hand-derived shapes, built reproducibly from the captured cases (or from the stub's bodies), plus the
hand-written negative cases. Each transform imitates how a paste gets mangled in real life."""
from __future__ import annotations

import json
import re

from common import fake_key, label

# ------------------------------------------------------------------------------------------------
# transforms
# ------------------------------------------------------------------------------------------------
ANSI_RESET = "\x1b[0m"


def ansi_python(text: str) -> str:
    """Colour a Python traceback like rich / IPython do (paths green, line numbers, red exception)."""
    out = []
    for line in text.split("\n"):
        m = re.match(r'^(\s*)File "([^"]+)", line (\d+), in (.*)$', line)
        if m:
            out.append(f'{m.group(1)}File \x1b[32m"{m.group(2)}"\x1b[0m, line \x1b[1;36m{m.group(3)}\x1b[0m, '
                       f'in \x1b[35m{m.group(4)}\x1b[0m')
        elif line.startswith("Traceback"):
            out.append("\x1b[1;31m" + line + ANSI_RESET)
        elif re.match(r"^[\w.]+(Error|Exception|V1)[\w]*: ", line) or re.match(r"^[\w.]+Error$", line):
            name, _, rest = line.partition(": ")
            out.append(f"\x1b[1;31m{name}\x1b[0m: \x1b[31m{rest}\x1b[0m" if rest else f"\x1b[1;31m{name}\x1b[0m")
        elif re.match(r"^\s+\^+\s*$", line):
            out.append("\x1b[31m" + line + ANSI_RESET)
        else:
            out.append(line)
    return "\n".join(out)


def ansi_node(text: str) -> str:
    """Colour a Node error dump like util.inspect does on a TTY (strings green, numbers yellow, grey frames)."""
    out = []
    for line in text.split("\n"):
        if re.match(r"^\s+at ", line):
            out.append("\x1b[90m" + line + "\x1b[39m")
            continue
        line = re.sub(r"'([^'\n]*)'", lambda m: "\x1b[32m'" + m.group(1) + "'\x1b[39m", line)
        line = re.sub(r"(:\s)(\d+)(,?)$", lambda m: m.group(1) + "\x1b[33m" + m.group(2) + "\x1b[39m" + m.group(3), line)
        line = re.sub(r"(:\s)(null|undefined)(,?)$", lambda m: m.group(1) + "\x1b[1m" + m.group(2) + "\x1b[22m" + m.group(3), line)
        out.append(line)
    return "\n".join(out)


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def prefix_lines(text: str, prefix_fn) -> str:
    lines = text.rstrip("\n").split("\n")
    return "\n".join(prefix_fn(i) + l for i, l in enumerate(lines)) + "\n"


def iso_prefix(level="ERROR", worker="worker-3"):
    def f(i):
        ms = 123 + i
        return f"2026-11-24T10:00:01.{ms:03d}Z {level} {worker} | "
    return f


def quote(text: str) -> str:
    return "\n".join(("> " + l) if l else ">" for l in text.rstrip("\n").split("\n")) + "\n"


def mask_braces(text: str) -> str:
    """GitHub Actions masks secrets; with a secret that is '{' or '}' every brace becomes ***."""
    return text.replace("{", "***").replace("}", "***")


def truncate_mid_dict(text: str, marker: str, keep: int) -> str:
    """Cut the paste `keep` characters after `marker` (e.g. inside the dict repr)."""
    i = text.rfind(marker)
    return text[: i + len(marker) + keep]


def windows_paths(text: str, proj: str) -> str:
    t = text.replace(f"/tmp/oee-corpus-env/{proj}/.venv/lib/python3.11/site-packages/",
                     "C:\\Users\\dana\\projects\\" + proj + "\\.venv\\Lib\\site-packages\\")
    t = t.replace(f"/tmp/oee-corpus-env/{proj}/", "C:\\Users\\dana\\projects\\" + proj + "\\")
    # windows paths use backslashes inside the package too
    t = re.sub(r'(File "C:\\[^"]+)"', lambda m: m.group(1).replace("/", "\\") + '"', t)
    return t


def last_line(text: str) -> str:
    lines = [l for l in text.rstrip("\n").split("\n") if l.strip()]
    return lines[-1]


def exc_message(text: str) -> str:
    """The text after 'openai.XxxError: ' on the final exception line(s) of a Python traceback."""
    lines = text.rstrip("\n").split("\n")
    for i in range(len(lines) - 1, -1, -1):
        m = re.match(r"^[\w.]*(Error|V1|Timeout|TryAgain)[\w]*: ?(.*)$", lines[i])
        if m:
            return "\n".join([m.group(2)] + lines[i + 1:]).strip() + "\n"
    raise ValueError("no exception line")


def node_first_error_line(text: str) -> str:
    for l in text.split("\n"):
        if re.match(r"^\w*Error: ", l):
            return l.split(": ", 1)[1]
    raise ValueError("no node error line")


# ------------------------------------------------------------------------------------------------
# negative cases (hand-written: no OpenAI error in them)
# ------------------------------------------------------------------------------------------------
NEG = {
    "python_keyerror.txt": '''Traceback (most recent call last):
  File "/home/dana/projects/billing/sync.py", line 42, in <module>
    main()
  File "/home/dana/projects/billing/sync.py", line 37, in main
    for row in load_rows(cfg["source"]):
  File "/home/dana/projects/billing/sync.py", line 18, in load_rows
    url = cfg["endpoints"]["invoices"]
          ~~~~~~~~~~~~~~~~^^^^^^^^^^^^
KeyError: 'invoices'
''',
    "requests_httperror_other_site.txt": '''Traceback (most recent call last):
  File "/srv/app/fetch_rates.py", line 12, in <module>
    resp.raise_for_status()
  File "/srv/app/.venv/lib/python3.11/site-packages/requests/models.py", line 1024, in raise_for_status
    raise HTTPError(http_error_msg, response=self)
requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.exchangerate.example.com/v4/latest/EUR
''',
    "nginx_502_other_server.txt": '''HTTP/1.1 502 Bad Gateway
Server: nginx/1.24.0 (Ubuntu)
Date: Tue, 24 Nov 2026 10:00:01 GMT
Content-Type: text/html
Content-Length: 166
Connection: keep-alive

<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.24.0 (Ubuntu)</center>
</body>
</html>
''',
    "anthropic_rate_limit.txt": '''Traceback (most recent call last):
  File "/home/dana/agents/run.py", line 31, in <module>
    msg = client.messages.create(
          ^^^^^^^^^^^^^^^^^^^^^^^
  File "/home/dana/agents/.venv/lib/python3.11/site-packages/anthropic/_utils/_utils.py", line 283, in wrapper
    return func(*args, **kwargs)
           ^^^^^^^^^^^^^^^^^^^^^
  File "/home/dana/agents/.venv/lib/python3.11/site-packages/anthropic/resources/messages/messages.py", line 978, in create
    return self._post(
           ^^^^^^^^^^^
  File "/home/dana/agents/.venv/lib/python3.11/site-packages/anthropic/_base_client.py", line 1290, in post
    return cast(ResponseT, self.request(cast_to, opts, stream=stream, stream_cls=stream_cls))
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/home/dana/agents/.venv/lib/python3.11/site-packages/anthropic/_base_client.py", line 1085, in request
    raise self._make_status_error_from_response(err.response) from None
anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization (a1b2c3d4-0000-4000-8000-123456789abc) of 50,000 input tokens per minute. For details, refer to: https://docs.anthropic.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.'}, 'request_id': 'req_011CVxYz8aBcDeFgHiJkLmNo'}
''',
    "google_api_error_json.txt": '''{
  "error": {
    "code": 429,
    "message": "Resource has been exhausted (e.g. check quota).",
    "status": "RESOURCE_EXHAUSTED",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "RATE_LIMIT_EXCEEDED",
        "domain": "googleapis.com",
        "metadata": {
          "service": "generativelanguage.googleapis.com",
          "quota_limit": "GenerateContentRequestsPerMinutePerProjectPerModel"
        }
      }
    ]
  }
}
''',
    "prose_no_error.txt": '''hey, so my chatbot stopped answering since this morning. it was fine yesterday and I didn't change
anything in the code. any idea what could be going on? I'm using python and the assistant thing.
''',
    "rust_panic.txt": '''thread 'main' panicked at src/main.rs:27:41:
called `Result::unwrap()` on an `Err` value: Os { code: 2, kind: NotFound, message: "No such file or directory" }
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
''',
    "node_typeerror_unrelated.txt": '''file:///home/dana/web/src/render.mjs:14
  return items.map((i) => `<li>${i.title}</li>`).join('');
               ^

TypeError: Cannot read properties of undefined (reading 'map')
    at renderList (file:///home/dana/web/src/render.mjs:14:16)
    at file:///home/dana/web/src/index.mjs:9:13
    at ModuleJob.run (node:internal/modules/esm/module_job:234:25)
    at async ModuleLoader.import (node:internal/modules/esm/loader:473:24)

Node.js v20.20.2
''',
}


def build(ctx, fetch, want):
    def add(rel, text, primary, allx, source):
        if want(rel):
            ctx.add(rel, text, primary, allx, source)

    def src(rel):
        try:
            return ctx.text(rel)
        except KeyError:
            print(f"  (skipped: source case {rel} not captured)")
            return None

    # ---------------- body: bare JSON (or HTML) response bodies from the stub ----------------
    body_cases = [
        ("quota", "quota.json", True), ("ratelimit_tpm", "rate_limit_tpm.json", True),
        ("too_large", "request_too_large.json", False), ("bad_key", "incorrect_api_key.json", True),
        ("invalid_auth", "invalid_authentication.json", True), ("missing_bearer", "missing_bearer.json", True),
        ("no_org", "no_organization.json", False),
        ("ip_not_authorized", "ip_not_authorized.json", False), ("project_model", "project_model_access.json", True),
        ("unsupported_param", "unsupported_parameter.json", False), ("org_verify", "org_not_verified.json", True),
        ("billing_limit", "billing_hard_limit.json", True), ("cf502", "cloudflare_502.html", True),
        ("azure_401", "azure_access_denied.json", True), ("azure_404", "azure_resource_not_found.json", True),
        ("azure_429", "azure_rate_limit.json", True), ("azure_filter", "azure_content_filter.json", True),
        ("azure_image_blocked", "azure_moderation_blocked.json", True),
    ]
    for scen, fname, pretty in body_cases:
        rel = "body/" + fname.replace(".json", "").replace(".html", "_html") + ".txt"
        if not want(rel):
            continue
        raw = fetch(scen, key=fake_key("body/" + scen))
        if fname.endswith(".json"):
            obj = json.loads(raw)
            raw = json.dumps(obj, indent=2 if pretty else None) + ("\n" if pretty else "")
        primary, allx = label(scen, "body")
        add(rel, raw, primary, allx, f"stub scenario {scen} response body" + ("" if pretty else ", compact JSON"))
    # the body as the Node SDK's err.error (JSON.stringify of the inner object) and as Python's e.body (repr)
    t = src("node4/quota_uncaught.txt")
    if t:
        add("body/node_err_error_stringified.txt",
            json.dumps({"message": "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
                        "type": "insufficient_quota", "param": None, "code": "insufficient_quota"}) + "\n",
            "429-quota-exceeded", ["429-quota-exceeded"], "JSON.stringify(err.error) of node4/quota_uncaught")
    add("body/python_e_body_repr_context.txt",
        "{'message': \"This model's maximum context length is 8192 tokens. However, your messages resulted in 8227 tokens. Please reduce the length of the messages.\", 'type': 'invalid_request_error', 'param': 'messages', 'code': 'context_length_exceeded'}\n",
        "400-context-length-exceeded", ["400-context-length-exceeded"], "print(e.body) in openai-python 1.x (inner error dict repr)")

    # ---------------- message: only the message line(s) ----------------
    msg_cases = [
        # (rel source, extractor, name, primary)
        ("py1/quota.txt", "exc", "py1_str_e_quota", "429-quota-exceeded"),
        ("py3new/incorrect_api_key.txt", "exc", "py3new_str_e_incorrect_key", "401-incorrect-api-key"),
        ("py0/quota.txt", "exc", "py0_quota_message", "429-quota-exceeded"),
        ("node4/ratelimit_tpm_tla.txt", "node", "node_message_rate_limit_tpm", "429-rate-limit"),
        ("py1/connection_refused.txt", "exc", "connection_error", "APIConnectionError"),
        ("py1/timeout.txt", "exc", "request_timed_out", "APITimeoutError"),
        ("node4/user_abort.txt", "node", "request_was_aborted", "APIUserAbortError"),
        ("py1/missing_key_client.txt", "exc", "api_key_option_must_be_set", "401-missing-api-key"),
        ("py1/httpx_proxies_typeerror.txt", "last", "httpx_proxies_typeerror", "sdk-httpx-proxies"),
        ("py1/openai_error_attribute.txt", "last", "openai_error_attribute", "sdk-openai-error-removed"),
        ("py1/api_removed_in_v1.txt", "exc", "api_removed_in_v1", "APIRemovedInV1"),
        ("py3new/length_finish_reason.txt", "exc", "length_finish_reason", "LengthFinishReasonError"),
        ("node6/content_filter_finish_reason.txt", "node", "content_filter_finish_reason", "ContentFilterFinishReasonError"),
        ("node6/unsupported_parameter.txt", "node", "node_unsupported_parameter", "400-unsupported-parameter"),
        ("py3new/org_not_verified_stream.txt", "exc", "py3new_org_not_verified", "400-organization-not-verified"),
        ("node4/unsupported_region.txt", "node", "node_unsupported_region", "403-unsupported-region"),
        ("py1/ip_not_authorized.txt", "exc", "py1_ip_not_authorized", "401-ip-not-authorized"),
        ("py0/billing_hard_limit.txt", "exc", "py0_billing_hard_limit", "400-billing-hard-limit"),
        ("py1/status_413_audio.txt", "exc", "py1_status_413", "APIStatusError"),
        # Node's e.message alone ("422 Invalid value ...") shows nothing of OpenAI: no match, never a guess.
        ("node4/unprocessable_422.txt", "node", "node_unprocessable_422", None),
        ("node6/stream_error_event.txt", None, "node_stream_error_event", "500-server-error"),
    ]
    for rel_src, how, name, primary in msg_cases:
        rel = f"message/{name}.txt"
        if not want(rel):
            continue
        t = src(rel_src)
        if t is None:
            continue
        if how == "exc":
            m = exc_message(t)
        elif how == "node":
            m = node_first_error_line(t) + "\n"
        elif how == "last":
            m = last_line(t) + "\n"
        else:  # keep the class name: a bare APIError message is otherwise indistinguishable from a 500
            m = next(l for l in t.split("\n") if l.startswith("APIError: ")) + "\n"
        allx = [primary] if primary else []
        if name == "node_stream_error_event":
            allx.append("APIError")
        add(rel, m, primary, allx, f"message part of {rel_src}")

    # ---------------- log: prefixes and log collectors ----------------
    t = src("py1/quota.txt")
    if t:
        add("log/iso_prefix_py1_quota.txt", prefix_lines(t, iso_prefix()), "429-quota-exceeded",
            ["429-quota-exceeded", "RateLimitError"], "py1/quota.txt with '2026-11-24T10:00:01.123Z ERROR worker-3 | ' on every line")
    t = src("node4/quota_uncaught.txt")
    if t:
        add("log/docker_compose_node4_quota.txt", prefix_lines(t, lambda i: "api-1  | "), "429-quota-exceeded",
            ["429-quota-exceeded", "RateLimitError"], "node4/quota_uncaught.txt with docker compose 'api-1  | ' prefixes")
    t = src("py3new/azure_deployment_not_found.txt")
    if t:
        add("log/journald_py3new_azure_deployment.txt",
            prefix_lines(t, lambda i: f"Nov 24 10:00:{1 + i // 20:02d} ip-10-0-3-17 python3[2231]: "),
            "404-azure-deployment-not-found", ["404-azure-deployment-not-found", "NotFoundError"],
            "py3new/azure_deployment_not_found.txt with journald prefixes")
    t = src("py1/httpx_proxies_typeerror.txt")
    if t:
        add("log/gh_actions_httpx_proxies.txt",
            "Run python scripts/nightly_report.py\n" + prefix_lines(t, lambda i: f"2026-11-24T10:00:{1 + i // 10:02d}.{4412870 + i * 137:07d}Z ")
            + "2026-11-24T10:00:09.0000000Z ##[error]Process completed with exit code 1.\n",
            "sdk-httpx-proxies", ["sdk-httpx-proxies"], "py1/httpx_proxies_typeerror.txt (openai 1.55.0, httpx 0.28.1) as a GitHub Actions log")
    t = src("node6/user_abort.txt")
    if t:
        add("log/pino_style_user_abort.txt", prefix_lines(t, iso_prefix("WARN", "gateway")), "APIUserAbortError",
            ["APIUserAbortError"], "node6/user_abort.txt with log prefixes")
    t = src("node4/timeout.txt")
    if t:
        add("log/k8s_node4_timeout.txt",
            prefix_lines(t, lambda i: f"web-chat-7d9f8b6c5-x2kqp web-chat 2026-11-24T10:00:01.{200 + i:03d}Z "),
            "APITimeoutError", ["APITimeoutError"], "node4/timeout.txt as kubectl logs --prefix --timestamps")

    # ---------------- messy ----------------
    def mess(name, src_rel, fn, primary, allx, how):
        rel = f"messy/{name}.txt"
        if not want(rel):
            return
        t = src(src_rel)
        if t is not None:
            add(rel, fn(t), primary, allx, f"{src_rel} {how}")

    mess("ansi_py1_ratelimit_tpm", "py1/ratelimit_tpm_gpt4.txt", ansi_python, "429-rate-limit",
         ["429-rate-limit", "RateLimitError"], "with ANSI colour codes (rich-style)")
    mess("ansi_py2_api_removed", "py2/api_removed_in_v1_completion.txt", ansi_python, "APIRemovedInV1", ["APIRemovedInV1"],
         "with ANSI colour codes")
    mess("ansi_node4_incorrect_key", "node4/incorrect_api_key.txt", ansi_node, "401-incorrect-api-key",
         ["401-incorrect-api-key", "AuthenticationError"], "with util.inspect TTY colours")
    mess("crlf_py0_quota", "py0/quota.txt", crlf, "429-quota-exceeded", ["429-quota-exceeded", "RateLimitError"],
         "with CRLF line endings")
    mess("crlf_node6_azure_content_filter", "node6/azure_content_filter.txt", crlf, "400-azure-content-filter",
         ["400-azure-content-filter", "BadRequestError"], "with CRLF line endings")
    mess("truncated_py1_request_too_large", "py1/request_too_large.txt",
         lambda t: truncate_mid_dict(t, "'message': 'Request too large for gpt-4o in organization", 95),
         "429-request-too-large", ["429-request-too-large", "RateLimitError"], "truncated in the middle of the dict")
    mess("truncated_py3_quota", "py3/quota.txt",
         lambda t: truncate_mid_dict(t, "{'error': {'message': 'You exceeded your current quota", 20),
         "429-quota-exceeded", ["429-quota-exceeded", "RateLimitError"], "truncated in the middle of the dict")
    mess("quoted_py1_context_length", "py1/context_length.txt", quote, "400-context-length-exceeded",
         ["400-context-length-exceeded", "BadRequestError"], "with '> ' quote markers (GitHub issue reply)")
    mess("quoted_node6_invalid_url", "node6/invalid_url.txt", quote, "NotFoundError", ["NotFoundError"],
         "with '> ' quote markers")
    mess("masked_braces_py1_quota", "py1/quota.txt", mask_braces, "429-quota-exceeded",
         ["429-quota-exceeded", "RateLimitError"], "with braces masked as *** (GitHub Actions)")
    mess("masked_braces_py2_ratelimit", "py2/ratelimit_tpm.txt", mask_braces, "429-rate-limit",
         ["429-rate-limit", "RateLimitError"], "with braces masked as *** (GitHub Actions)")
    mess("windows_paths_py1_unsupported_region", "py1/unsupported_region.txt",
         lambda t: crlf(windows_paths(t, "support-agent")), "403-unsupported-region",
         ["403-unsupported-region", "PermissionDeniedError"], "with Windows paths and CRLF")
    mess("markdown_fence_py3new_project_model", "py3new/project_model_access.txt",
         lambda t: "I get this when calling the API from our staging project:\n\n```python\n" + t.rstrip("\n")
         + "\n```\n\nThe same key works from my laptop. Any ideas?\n", "403-project-model-access",
         ["403-project-model-access", "PermissionDeniedError"], "inside a markdown code fence with prose around it")
    mess("markdown_fence_node4_context", "node4/context_length.txt",
         lambda t: "```\n" + t.rstrip("\n") + "\n```\n", "400-context-length-exceeded",
         ["400-context-length-exceeded", "BadRequestError"], "inside a markdown code fence")

    # the user pastes their code (with the real key) and the traceback: redaction must catch both
    t = src("py3new/incorrect_api_key.txt")
    if t:
        k = fake_key("py3new/incorrect_api_key")
        add("messy/code_with_key_and_traceback.txt",
            "my code:\n\n    from openai import OpenAI\n    client = OpenAI(api_key=\"" + k + "\")\n\n"
            "and I get\n\n" + t, "401-incorrect-api-key", ["401-incorrect-api-key", "AuthenticationError"],
            "hand-written code snippet with the full (fake) key + py3new/incorrect_api_key.txt (masked form of the same key)")

    # devtools-style pastes (status line + response JSON)
    q = json.loads(fetch("quota"))
    add("messy/devtools_quota.txt",
        "POST https://api.openai.com/v1/chat/completions 429 (Too Many Requests)\n" + json.dumps(q, indent=4) + "\n",
        "429-quota-exceeded", ["429-quota-exceeded"], "devtools-style: console network error line + response JSON (stub body quota)")
    r = json.loads(fetch("ratelimit_tpm"))
    add("messy/devtools_status_line_tpm.txt",
        "429 Too Many Requests\n\nResponse:\n" + json.dumps(r, indent=2) + "\n",
        "429-rate-limit", ["429-rate-limit"], "devtools-style: status line + response JSON (stub body ratelimit_tpm)")
    d = json.loads(fetch("azure_deploy"))
    add("messy/devtools_azure_deployment.txt",
        "Request URL: https://contoso-oai.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-08-01-preview\n"
        "Request Method: POST\nStatus Code: 404 Not Found\nRemote Address: 20.62.58.3:443\n\n" + json.dumps(d) + "\n",
        "404-azure-deployment-not-found", ["404-azure-deployment-not-found"], "devtools-style headers panel + body (stub azure_deploy)")

    # several errors in one paste, the decisive one last
    a, b = src("py1/connection_refused.txt"), src("py1/quota.txt")
    if a and b:
        add("messy/multi_connection_then_quota.txt",
            a + "\n# fixed the base URL, now I get:\n\n" + b, "429-quota-exceeded",
            ["429-quota-exceeded", "RateLimitError", "APIConnectionError"],
            "py1/connection_refused.txt then py1/quota.txt (decisive last)")
    a, b = NEG["python_keyerror.txt"], src("node6/quota_uncaught.txt")
    if b:
        add("messy/multi_keyerror_then_node_quota.txt",
            a + "\nok that one was my config. after fixing it the node worker fails with:\n\n" + b,
            "429-quota-exceeded", ["429-quota-exceeded", "RateLimitError"],
            "hand-written KeyError traceback, then node6/quota_uncaught.txt (decisive last)")
    a, b = src("node4/timeout.txt"), src("node4/model_not_found.txt")
    if a and b:
        add("messy/multi_timeout_then_model_not_found.txt",
            prefix_lines(a, iso_prefix("WARN", "worker-1")) + prefix_lines(b, iso_prefix("ERROR", "worker-1")),
            "404-model-not-found", ["404-model-not-found", "NotFoundError", "APITimeoutError"],
            "node4/timeout.txt then node4/model_not_found.txt, both log-prefixed (decisive last)")

    # ---------------- negative ----------------
    for fname, text in NEG.items():
        add("negative/" + fname, text, None, [], "hand-written (not an OpenAI error)")
    ok = fetch("success")
    add("negative/successful_chat_completion.txt", ok, None, [], "stub scenario success: a 200 chat.completion JSON")
