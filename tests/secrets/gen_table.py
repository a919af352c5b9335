#!/usr/bin/env python3
"""Writes tests/secrets/table.json: secret shapes, each inside a realistic paste, for the tests that check no
output of any front end carries one (tests/secrets.rs for the CLI and the library; the npm and page tests read
the same file). Deterministic: run it again after changing a shape, and commit both files.

Row: {"name", "paste", "secrets": [the characters that must not come out], "keep": [text that must stay]}.
A secret "comes out" when any 10 consecutive characters of it appear in an output: the prefix (`sk-proj-`) and
the last four characters are shown on purpose, the rest never.
"""
import json
import random
import pathlib

r = random.Random(20261201)
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def rand(n, alphabet=ALNUM + "-_"):
    # Starts and ends with a letter or digit, as generated keys do.
    body = [r.choice(alphabet) for _ in range(n)]
    body[0], body[-1] = r.choice(ALNUM), r.choice(ALNUM)
    return "".join(body)


def hexs(n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def b64url(n):
    return rand(n, ALNUM + "-_")


def key(prefix, n=48):
    body = rand(n)
    return prefix + body, body


def jwt():
    head = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
    payload = "eyJ" + b64url(60)
    sig = b64url(43)
    return f"{head}.{payload}.{sig}", [payload, sig]


rows = []


def row(name, paste, secrets, keep=()):
    rows.append({"name": name, "paste": paste, "secrets": list(secrets), "keep": list(keep)})


REQ = "req_" + hexs(32)
ORG = "org-" + rand(24, ALNUM)
PROJ = "proj_" + rand(24, ALNUM)

PY401 = ("Traceback (most recent call last):\n  File \"app.py\", line 12, in <module>\n    client.chat.completions.create(model=\"gpt-4o\", messages=m)\n"
         "openai.AuthenticationError: Error code: 401 - {{'error': {{'message': 'Incorrect API key provided: {k}. You can find your API key at "
         "https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}}}\n")
JSON401 = ('HTTP/1.1 401 Unauthorized\nx-request-id: ' + REQ + '\nopenai-organization: ' + ORG + '\n\n'
           '{{"error": {{"message": "Incorrect API key provided: {k}", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}}}\n')

# Vendor keys in the API's own message, in every prefix.
for prefix, n in [("sk-proj-", 156), ("sk-", 48), ("sk-svcacct-", 120), ("sk-admin-", 100), ("sk-or-v1-", 64),
                  ("sk-ant-api03-", 95), ("sess-", 40), ("gsk_", 52), ("xai-", 80), ("hf_", 34), ("AIza", 35),
                  ("ghp_", 36), ("github_pat_", 82)]:
    k, body = key(prefix, n)
    row(f"message {prefix}", PY401.format(k=k), [body])
    k, body = key(prefix, n)
    row(f"json body {prefix}", JSON401.format(k=k), [body], keep=[REQ, ORG])

# After escapes and colour codes: the readers decode these, so the key must go in the input and on the way out.
for esc in ["\\n", "\\t", "\\r", "\\u0022", "\\\"", "%22", "%20", "%3D", "\x1b[31m", "\x1b[1;31m", "\\x1b[31m", "\\033[0m"]:
    k, body = key("sk-proj-", 100)
    paste = ('openai.AuthenticationError: Error code: 401 - {"error": {"message": "Incorrect API key provided:' + esc + k
             + '", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}\n')
    row(f"after escape {esc!r}", paste, [body])

# Wrapped across lines: terminal width, indentation, quote markers, backticks, TUI frames.
def wrapped(k, cuts, lead=""):
    parts, at = [], 0
    for c in cuts:
        parts.append(k[at:c])
        at = c
    parts.append(k[at:])
    return ("\n" + lead).join(parts)


for name, lead, cuts in [("2 lines", "", [60]), ("3 lines", "", [50, 110]), ("early", "", [12]),
                         ("indented", "    ", [60]), ("quoted", "> ", [70]), ("quoted 3", "> ", [30, 90]),
                         ("tui frame", "│ ", [64]), ("tui elbow", "  ⎿ ", [40])]:
    k, body = key("sk-proj-", 156)
    text = wrapped(k, cuts, lead)
    paste = f"{lead}openai.AuthenticationError: Error code: 401 - Incorrect API key provided: {text}. You can find your API key at https://platform.openai.com/account/api-keys.\n"
    row(f"wrapped {name}", paste, [body[i:i + 10] for i in range(0, len(body) - 14, 10)])

k, body = key("sk-", 48)
row("in backticks", f"My key `{k}` gives:\n\nopenai.AuthenticationError: Error code: 401 - Incorrect API key provided\n", [body])
k, body = key("sk-proj-", 156)
row("wrapped in backticks", "I set `OPENAI_API_KEY=" + wrapped(k, [40]) + "` and get\nopenai.AuthenticationError: Error code: 401\n", [body[i:i + 10] for i in range(0, len(body) - 14, 10)])

# At an excerpt boundary: a large paste, the key wrapped just before the lines kept around the error.
k, body = key("sk-proj-", 156)
filler = "".join(f"2026-12-01T10:00:{i % 60:02d}Z INFO worker step {i} done\n" for i in range(120))
paste = (filler + "config loaded: api_key = '" + wrapped(k, [50, 100]) + "'\n" + "INFO a\nINFO b\n"
         + "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}\n" + filler)
row("wrapped at an excerpt boundary", paste, [body[i:i + 10] for i in range(0, len(body) - 14, 10)])

# Authorization headers: any case, any spacing, opaque tokens and JWTs (header, payload and signature).
for header in ["Authorization: Bearer ", "authorization: Bearer ", "AUTHORIZATION: BEARER ", "Authorization:Bearer ",
               "authorization:   bearer   ", "'Authorization': 'Bearer ", '"authorization": "Bearer ']:
    tok = rand(40)
    row(f"header {header!r}", f"> POST /v1/chat/completions HTTP/2\n> Host: api.openai.com\n> {header}{tok}\n< HTTP/2 401\n< x-request-id: {REQ}\n", [tok], keep=[REQ])
    t, parts = jwt()
    row(f"header {header!r} jwt", f"> POST /v1/responses HTTP/2\n> {header}{t}\n< HTTP/2 401\n< x-request-id: {REQ}\n", parts, keep=[REQ])
t, parts = jwt()
row("bearer in prose", f"I send Bearer {t} and get 401 Unauthorized from api.openai.com\n", parts)
t, parts = jwt()
row("bare jwt", f"openai.AuthenticationError: Error code: 401 - Your authentication token is not from a valid issuer. token={t}\n", parts)
t, parts = jwt()
row("bare jwt in json", '{"error": {"message": "bad token ' + t + '", "type": "invalid_request_error", "code": "invalid_issuer"}}\n', parts)

# Key headers and credentials: Azure, API management, client constructors.
for header in ["api-key: ", "API-KEY: ", "Api-Key: ", "Ocp-Apim-Subscription-Key: ", "x-api-key: ", "'api-key': '"]:
    v = hexs(32)
    row(f"key header {header!r}", f"> POST /openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21 HTTP/1.1\n> {header}{v}\n< HTTP/1.1 401 PermissionDenied\n< apim-request-id: 6f1c2b9e-1111-4c2d-9d3e-123456789abc\n{{\"error\": {{\"code\": \"401\", \"message\": \"Access denied due to invalid subscription key or wrong API endpoint.\"}}}}\n", [v])
v = hexs(32)
row("AzureKeyCredential", f'client = ChatCompletionsClient(endpoint=ep, credential=AzureKeyCredential("{v}"))\nazure.core.exceptions.ClientAuthenticationError: (401) Access denied due to invalid subscription key\n', [v])

# Variables and settings whose name says secret.
for assign in ['MY_OPENAI_API_KEY={v}', 'openai_api_key={v}', 'export OPENAI_API_KEY="{v}"', 'OPENAI_API_KEY = "{v}"',
               'os.environ["AZURE_OPENAI_API_KEY"] = "{v}"', "os.environ['OPENAI_API_KEY']='{v}'", "  api_key = '{v}'",
               "│ api_key = '{v}' │", '    apiKey: "{v}",', '"api_key": "{v}"', 'GROQ_API_TOKEN={v}', 'CLIENT_SECRET: {v}',
               "$env:OPENAI_API_KEY = '{v}'", "'apiKey' => '{v}',", 'OpenAI(api_key="{v}")', 'new OpenAI({{ apiKey: "{v}" }})',
               'HF_TOKEN={v}', 'AZURE_OPENAI_KEY={v}']:
    v = rand(32, ALNUM)
    line = assign.format(v=v)
    row(f"assignment {assign}", f"{line}\nopenai.AuthenticationError: Error code: 401 - Incorrect API key provided\n", [v])

# Keep: ids that support needs are not secrets.
row("ids stay readable", f"HTTP/2 429\nx-request-id: {REQ}\nopenai-organization: {ORG}\nopenai-project: {PROJ}\n\n"
    '{"error": {"message": "You exceeded your current quota, please check your plan and billing details.", "type": "insufficient_quota", "param": null, "code": "insufficient_quota"}}\n',
    [], keep=[REQ, ORG, PROJ])

out = pathlib.Path(__file__).with_name("table.json")
out.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
print(f"{len(rows)} rows -> {out}")
