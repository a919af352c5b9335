"""Shared helpers for the corpus generator: paths, fake keys, subprocess capture, labelling rules."""
from __future__ import annotations

import os
import random
import string
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
CASES = CORPUS / "cases"
ENV_ROOT = Path(os.environ.get("OEE_ENV_ROOT", "/tmp/oee-corpus-env"))

# environment name -> (project dir under ENV_ROOT, package spec)
ENVS = {
    "py0": ("legacy-bot", "openai==0.28.1"),
    "py1": ("support-agent", "openai==1.109.1"),
    "py155": ("etl-pipeline", "openai==1.55.0 + httpx==0.28.1"),
    "py2": ("doc-summarizer", "openai==2.54.0"),
    "py337": ("rag-service", "openai==3.37.0"),
    "py3": ("report-writer", "openai==3.57.0"),
    "node4": ("web-chat", "openai@4.104.0"),
    "node6": ("slack-assistant", "openai@6.49.0"),
    "node7": ("api-gateway", "openai@7.57.0"),
}


def proj(env: str) -> Path:
    return ENV_ROOT / ENVS[env][0]


def fake_key(seed: str, prefix: str = "sk-proj-", n: int = 40) -> str:
    """A real-looking but fake key (deterministic per seed)."""
    r = random.Random("key:" + seed)
    alphabet = string.ascii_letters + string.digits
    body = "".join(r.choice(alphabet) for _ in range(n))
    # real keys sometimes contain '-' / '_'
    pos = r.randrange(5, n - 5)
    body = body[:pos] + r.choice("-_") + body[pos + 1:]
    return prefix + body


def azure_key(seed: str) -> str:
    r = random.Random("azkey:" + seed)
    return "".join(r.choice("0123456789abcdef") for _ in range(32))


BASE_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/root",
    "LANG": "C.UTF-8",
    "NO_PROXY": "127.0.0.1,localhost",
    "no_proxy": "127.0.0.1,localhost",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONUNBUFFERED": "1",
}


def run_capture(cmd: list[str], cwd: Path, env: dict, timeout: float = 120, netns: bool = False) -> str:
    """Run cmd, return what the user sees on the terminal (stdout and stderr interleaved)."""
    full_env = dict(BASE_ENV)
    full_env.update({k: v for k, v in env.items() if v is not None})
    if netns:
        # an empty network namespace: nothing can leave the machine, DNS fails at once
        cmd = ["unshare", "-n", "--"] + cmd
    p = subprocess.run(cmd, cwd=str(cwd), env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=timeout)
    return p.stdout.decode("utf-8", errors="replace")


# ------------------------------------------------------------------------------------------------
# Labelling
# ------------------------------------------------------------------------------------------------
# scenario -> (HTTP status, most specific catalogue id or None)
SCEN = {
    "quota": (429, "429-quota-exceeded"),
    "quota_old": (429, "429-quota-exceeded"),
    "quota_credit": (429, "429-quota-exceeded"),
    "ratelimit_tpm": (429, "429-rate-limit"),
    "ratelimit_rpm": (429, "429-rate-limit"),
    "ratelimit_rpd": (429, "429-rate-limit"),
    "too_large": (429, "429-request-too-large"),
    "bad_key": (401, "401-incorrect-api-key"),
    "invalid_auth": (401, "401-invalid-authentication"),
    "no_org": (401, "401-no-organization"),
    "mismatched_org": (401, "401-mismatched-organization"),
    "invalid_org": (401, "401-invalid-organization"),
    "invalid_org2": (401, "401-invalid-organization"),
    "ip_not_authorized": (401, "401-ip-not-authorized"),
    "missing_key": (401, "401-missing-api-key"),
    "missing_bearer": (401, "401-missing-api-key"),
    "region": (403, "403-unsupported-region"),
    "project_model": (403, "403-project-model-access"),
    "model_not_found": (404, "404-model-not-found"),
    "model_not_found_gpt4": (404, "404-model-not-found"),
    "invalid_url": (404, None),
    "context": (400, "400-context-length-exceeded"),
    "context2": (400, "400-context-length-exceeded"),
    "unsupported_param": (400, "400-unsupported-parameter"),
    "org_verify": (400, "400-organization-not-verified"),
    "content_policy": (400, "400-content-policy-violation"),
    "content_policy2": (400, "400-content-policy-violation"),
    "billing_limit": (400, "400-billing-hard-limit"),
    "server_error": (500, "500-server-error"),
    "server_error2": (500, "500-server-error"),
    "cf502": (502, "502-bad-gateway"),
    "cf502_page": (502, "502-bad-gateway"),
    "cf502_json": (502, "502-bad-gateway"),
    "overloaded": (503, "503-overloaded"),
    "overloaded_engine": (503, "503-overloaded"),
    "overloaded_code": (503, "503-overloaded"),
    "slow_down": (503, "503-slow-down"),
    "conflict": (409, None),
    "unprocessable": (422, None),
    "too_big_413": (413, None),
    "azure_401": (401, "401-azure-access-denied"),
    "azure_deploy": (404, "404-azure-deployment-not-found"),
    "azure_404": (404, "404-azure-resource-not-found"),
    "azure_429": (429, "429-azure-rate-limit"),
    "azure_429b": (429, "429-azure-rate-limit"),
    "azure_filter": (400, "400-azure-content-filter"),
    "azure_image_blocked": (400, "400-content-policy-violation"),
    "stream_error": (None, None),
    "length": (None, None),
    "content_filter_finish": (None, None),
    "slow": (None, None),
    "disconnect": (None, None),
    "success": (200, None),
}

STATUS_CLASS = {400: "BadRequestError", 401: "AuthenticationError", 403: "PermissionDeniedError",
                404: "NotFoundError", 409: "ConflictError", 422: "UnprocessableEntityError",
                429: "RateLimitError"}

# special scenarios -> the class entry they raise
SPECIAL_CLASS = {"stream_error": "APIError", "length": "LengthFinishReasonError",
                 "content_filter_finish": "ContentFilterFinishReasonError", "slow": "APITimeoutError",
                 "disconnect": "APIConnectionError"}


def status_class(status: int | None) -> str | None:
    if status is None:
        return None
    if status in STATUS_CLASS:
        return STATUS_CLASS[status]
    if status >= 500:
        return "InternalServerError"
    if status >= 400:
        return "APIStatusError"
    return None


def py0_class(status: int) -> str | None:
    """openai.error.* class (0.28) -> catalogue id, via the mapping in ids.md."""
    if status == 429:
        return "RateLimitError"
    if status in (400, 404, 415):
        return "BadRequestError"  # openai.error.InvalidRequestError
    if status == 401:
        return "AuthenticationError"
    if status == 403:
        return "PermissionDeniedError"  # openai.error.PermissionError
    if status == 409:
        return "ConflictError"  # openai.error.TryAgain
    if status == 503:
        return "503-overloaded"  # openai.error.ServiceUnavailableError, fixed text
    return "InternalServerError"  # openai.error.APIError


def label(scenario: str, sdk: str, shows_502_text: bool = False):
    """(primary, all) for a paste produced by `sdk` against `scenario`.

    sdk: py0 | py (1.x..3.37, dict repr) | py3new (>=3.38, message only) | node | curl | body | message
    """
    status, specific = SCEN[scenario]
    if scenario == "stream_error":
        # The stub's mid-stream error event carries the API's server-error message: that message pins
        # 500-server-error; the APIError class is listed too.
        return "500-server-error", ["500-server-error", "APIError"]
    if scenario in SPECIAL_CLASS:
        cls = SPECIAL_CLASS[scenario]
        return cls, [cls]
    if sdk == "py0":
        cls = py0_class(status)
        if status == 503:
            specific = "503-overloaded"
    elif sdk in ("py", "py3new", "node"):
        cls = status_class(status)
    else:
        cls = None
    # A bare "Error code: 502" (3.38+) still names 502-bad-gateway: the status decides that entry.
    primary = specific or cls or (status_class(status) if sdk == "curl" else None)
    allx = [primary] if primary else []
    if cls and cls not in allx:
        allx.append(cls)
    return primary, allx
