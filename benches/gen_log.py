#!/usr/bin/env python3
"""Writes a synthetic application log of a given size that ends with one decisive OpenAI error.

Usage: gen_log.py SIZE_MB OUT [SHAPE]
SHAPE: mixed (default: ordinary lines, unrelated tracebacks, SDK retry lines),
       oneline (one huge line), partial (thousands of partial tracebacks),
       fragments (many JSON-like fragments),
       secrets (a JSON request log with an Authorization header and a request id on every line),
       prefixed-open (long log-prefixed error lines that each end in `{`),
       multibyte (a Japanese log with unclosed bodies and emoji).
Deterministic: the same arguments give the same bytes.
"""
import random
import sys

DECISIVE = (
    "Traceback (most recent call last):\n"
    '  File "/srv/app/worker.py", line 88, in handle\n'
    '    reply = client.chat.completions.create(model="gpt-4o-mini", messages=msgs)\n'
    "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, "
    "please check your plan and billing details. For more information on this error, read the docs: "
    "https://platform.openai.com/docs/guides/error-codes/api-errors.', 'type': 'insufficient_quota', "
    "'param': None, 'code': 'insufficient_quota'}}\n"
)

PATHS = ["/api/items", "/api/users", "/healthz", "/api/orders", "/static/app.js", "/api/search"]
WORDS = ["cache", "warm", "flush", "queue", "batch", "commit", "index", "shard", "lease", "sync"]


def ordinary(r, ts):
    kind = r.random()
    if kind < 0.5:
        return (f"{ts} INFO  web.access method=GET path={r.choice(PATHS)}/{r.randrange(10**6)} status=200 "
                f"duration_ms={r.randrange(1, 900)} bytes={r.randrange(100, 90000)}\n")
    if kind < 0.8:
        return f"{ts} DEBUG jobs.{r.choice(WORDS)} {r.choice(WORDS)} done in {r.randrange(1, 5000)}ms items={r.randrange(999)}\n"
    if kind < 0.95:
        return f"{ts} WARN  db.pool slow query took {r.randrange(200, 3000)}ms table={r.choice(WORDS)}s\n"
    return f"{ts} ERROR web.handler request failed status=500 path={r.choice(PATHS)} error=\"upstream timeout\"\n"


def unrelated_traceback(r, ts):
    return (f"{ts} ERROR jobs.runner task crashed\n"
            "Traceback (most recent call last):\n"
            f'  File "/srv/app/jobs/{r.choice(WORDS)}.py", line {r.randrange(1, 400)}, in run\n'
            f"    value = payload['{r.choice(WORDS)}']\n"
            f"KeyError: '{r.choice(WORDS)}'\n")


def retry_lines(r, ts):
    return (f'{ts} INFO httpx HTTP Request: POST https://api.openai.com/v1/chat/completions "HTTP/1.1 429 Too Many Requests"\n'
            f"{ts} INFO openai._base_client Retrying request to /chat/completions in {r.random():.6f} seconds\n")


def mixed(r, n):
    out, size, t = [], 0, 0
    while size < n:
        t += 1
        ts = f"2026-11-24T{(t // 3600) % 24:02d}:{(t // 60) % 60:02d}:{t % 60:02d}.{t % 1000:03d}Z"
        x = r.random()
        line = ordinary(r, ts) if x < 0.9 else unrelated_traceback(r, ts) if x < 0.97 else retry_lines(r, ts)
        out.append(line)
        size += len(line)
    return "".join(out)


def main():
    size = int(float(sys.argv[1]) * 1024 * 1024)
    shape = sys.argv[3] if len(sys.argv) > 3 else "mixed"
    r = random.Random(42)
    body_size = max(0, size - len(DECISIVE))
    if shape == "mixed":
        body = mixed(r, body_size)
    elif shape == "oneline":
        unit = "status=200 path=/api/items duration_ms=12 error=none {'k': 'v'} "
        body = (unit * (body_size // len(unit) + 1))[:body_size] + "\n"
    elif shape == "partial":
        unit = "Traceback (most recent call last):\n  File \"x.py\", line 1, in f\nopenai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for\n"
        body = unit * (body_size // len(unit) + 1)
    elif shape == "fragments":
        unit = "{\"error\": {\"message\": \"x\", \"type\": null, {'a': [1, {'b': None}, \n"
        body = unit * (body_size // len(unit) + 1)
    elif shape == "secrets":
        lines, n = [], 0
        while n < body_size:
            tok = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(40))
            line = ('{"error": {"message": "upstream 502", "type": "server_error"}, "request": {"headers": '
                    '{"Authorization": "Bearer ' + tok + '", "x-request-id": "req_' + format(r.getrandbits(128), "032x")
                    + '"}}}\n')
            lines.append(line)
            n += len(line)
        body = "".join(lines)
    elif shape == "prefixed-open":
        words = " ".join(r.choice(WORDS) for _ in range(300))
        unit = f"2026-12-01T10:00:00.000Z ERROR api-7 | openai.APIError: upstream said {words} {{\n"
        body = unit * (body_size // len(unit) + 1)
    elif shape == "multibyte":
        unit = ("2026-12-01 10:00:00 エラー: 再試行します 🚀 openai.RateLimitError: Error code: 429 - {'error': "
                "{'message': 'レート制限に達しました e\u0301a\u0308\n" + "ログ行です。処理を続けます。✅\n" * 30)
        body = unit * (body_size // len(unit.encode()) + 1)
    else:
        sys.exit(f"unknown shape {shape}")
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(body)
        f.write(DECISIVE)


if __name__ == "__main__":
    main()
