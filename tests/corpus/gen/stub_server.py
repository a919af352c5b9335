#!/usr/bin/env python3
"""Loopback stub of the OpenAI / Azure OpenAI API that answers with the API's real error bodies.

Binds 127.0.0.1 only. The scenario is chosen by the first path segments:

    http://127.0.0.1:PORT/s/<scenario>/v1/chat/completions     -> scenario <scenario>
    http://127.0.0.1:PORT/x/<token>/v1/chat/completions        -> scenario whose token() is <token>

The /x/<token>/ form is what the drivers use, so that no scenario name (e.g. "quota") leaks into a
captured paste through a logged URL. Bodies and messages are quoted from
shared/reference/sdk-facts.md sections 4 (API bodies, Azure bodies); headers imitate the real ones
(x-request-id, openai-organization, openai-processing-ms, openai-version, x-ratelimit-*,
retry-after, cf-ray, Azure apim-request-id / x-ms-region).

Run standalone:  python3 stub_server.py [--port N] [--tls CERT KEY]   (prints "PORT <n>")
Import:          start_stub(tls=None) -> (server, port)
"""
from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import random
import ssl
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ORG_ID = "org-uVqp3kTnW8rJxY2mLd5HcQ0a"
ORG_SLUG = "user-4xq7ysd0kbnfpgjlvmwe2t8r"
PROJECT_ID = "proj_4fQm8ZpLr2XcVt6NbWs1YhJe"
DOCS_ERRORS = "https://platform.openai.com/docs/guides/error-codes/api-errors."

_rng = random.Random(20261124)
_rng_lock = threading.Lock()


def token(name: str) -> str:
    """Opaque path token for a scenario (stable)."""
    return hashlib.sha1(("oee:" + name).encode()).hexdigest()[:8]


def _hex(n: int) -> str:
    with _rng_lock:
        return "".join(_rng.choice("0123456789abcdef") for _ in range(n))


def _int(a: int, b: int) -> int:
    with _rng_lock:
        return _rng.randint(a, b)


def oai_error(message, type_, param=None, code=None, order=("message", "type", "param", "code")):
    vals = {"message": message, "type": type_, "param": param, "code": code}
    return {"error": {k: vals[k] for k in order}}


def azure_error(code, message, **extra):
    d = {"code": code, "message": message}
    d.update(extra)
    return {"error": d}


CF_502_SHORT = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n"
    "</body>\r\n</html>\r\n"
)

CF_502_PAGE = """<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<!--[if IE 7]>    <html class="no-js ie7 oldie" lang="en-US"> <![endif]-->
<!--[if IE 8]>    <html class="no-js ie8 oldie" lang="en-US"> <![endif]-->
<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
<head>
<title>api.openai.com | 502: Bad gateway</title>
<meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta http-equiv="X-UA-Compatible" content="IE=Edge" />
<meta name="robots" content="noindex, nofollow" />
<meta name="viewport" content="width=device-width,initial-scale=1" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
</head>
<body>
<div id="cf-wrapper">
    <div id="cf-error-details" class="p-0">
        <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
            <h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
              <span class="inline-block">Bad gateway</span>
              <span class="code-label">Error code 502</span>
            </h1>
            <div>
               Visit <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_502&utm_campaign=api.openai.com" target="_blank" rel="noopener noreferrer">cloudflare.com</a> for more information.
            </div>
            <div class="mt-3">2026-11-24 10:00:01 UTC</div>
        </header>
        <div class="my-8 bg-gradient-gray">
            <div class="w-240 lg:w-full mx-auto">
                <div class="clearfix md:px-8">
                    <div id="cf-host-status" class="cf-error-source relative w-1/3 md:w-full py-15 md:p-0 md:py-8 md:text-left md:border-solid md:border-0 md:border-b md:border-gray-400 overflow-hidden float-left md:float-none text-center">
                      <span class="md:block w-full truncate">api.openai.com</span>
                      <h3 class="md:inline-block mt-3 md:mt-0 text-2xl text-gray-600 font-light leading-1.3">Host</h3>
                      <span class="leading-1.3 text-2xl text-red-error">Error</span>
                    </div>
                </div>
            </div>
        </div>
        <div class="w-240 lg:w-full mx-auto mb-8 lg:px-8">
            <div class="clearfix">
                <div class="w-1/2 md:w-full float-left pr-6 md:pb-10 md:pr-0 leading-relaxed">
                    <h2 class="text-3xl font-normal leading-1.3 mb-4">What happened?</h2>
                    <p>The web server reported a bad gateway error.</p>
                </div>
                <div class="w-1/2 md:w-full float-left leading-relaxed">
                    <h2 class="text-3xl font-normal leading-1.3 mb-4">What can I do?</h2>
                    <p class="mb-6">Please try again in a few minutes.</p>
                </div>
            </div>
        </div>
        <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
  <p class="text-13">
    <span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">8e5c2b1a9f3d4e6c</strong></span>
    <span class="cf-footer-separator sm:hidden">&bull;</span>
    <span class="cf-footer-item sm:block sm:mb-1"><span>Performance &amp; security by</span> <a rel="noopener noreferrer" href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_502&utm_campaign=api.openai.com" id="brand_link" target="_blank">Cloudflare</a></span>
  </p>
</div>
    </div>
</div>
</body>
</html>
"""

CHAT_OK = {
    "id": "chatcmpl-AZ3kq9YtQm1bX0vLr7sPe2WnHc4Ud",
    "object": "chat.completion",
    "created": 1795514401,
    "model": "gpt-4o-mini-2024-07-18",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "- Revenue grew 12% quarter over quarter.\n- Operating costs were flat.\n- Hiring is paused until Q2.",
                "refusal": None,
                "annotations": [],
            },
            "logprobs": None,
            "finish_reason": "stop",
        }
    ],
    "usage": {
        "prompt_tokens": 27,
        "completion_tokens": 31,
        "total_tokens": 58,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    },
    "service_tier": "default",
    "system_fingerprint": "fp_560af6e559",
}


def _chat_with_finish(finish: str, content):
    d = json.loads(json.dumps(CHAT_OK))
    d["choices"][0]["finish_reason"] = finish
    d["choices"][0]["message"]["content"] = content
    if finish == "length":
        d["usage"].update(prompt_tokens=412, completion_tokens=16, total_tokens=428)
    return d


# ----------------------------------------------------------------------------------------------
# Scenarios. Each: status, body (dict -> JSON, str -> raw), optional ctype, headers (extra),
# flavour ("openai" | "azure" | "cf"), ratelimit (dict of x-ratelimit-* overrides), special.
# ----------------------------------------------------------------------------------------------
SCENARIOS: dict[str, dict] = {
    # --- 429 family ---
    "quota": dict(status=429, body=oai_error(
        "You exceeded your current quota, please check your plan and billing details. For more "
        "information on this error, read the docs: " + DOCS_ERRORS,
        "insufficient_quota", None, "insufficient_quota")),
    "quota_old": dict(status=429, body=oai_error(
        "You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota", None, None)),
    "quota_credit": dict(status=429, body=oai_error(
        "You exceeded your current quota, please check your plan and billing details. For more "
        "information on this error, read the docs: " + DOCS_ERRORS,
        "insufficient_quota", None, "credit_balance_exhausted")),
    "ratelimit_tpm": dict(status=429, body=oai_error(
        f"Rate limit reached for gpt-4 in organization {ORG_ID} on tokens per min (TPM): Limit 10000, "
        "Used 8554, Requested 3082. Please try again in 9.816s. Visit "
        "https://platform.openai.com/account/rate-limits to learn more.",
        "tokens", None, "rate_limit_exceeded"),
        ratelimit=dict(limit_tokens="10000", remaining_tokens="1446", reset_tokens="9.816s"),
        headers={"retry-after": "10"}),
    "ratelimit_rpm": dict(status=429, body=oai_error(
        f"Rate limit reached for gpt-4o-mini in organization {ORG_ID} on requests per min (RPM): "
        "Limit 3, Used 3, Requested 1. Please try again in 20s. Visit "
        "https://platform.openai.com/account/rate-limits to learn more. You can increase your rate "
        "limit by adding a payment method to your account at https://platform.openai.com/account/billing.",
        "requests", None, "rate_limit_exceeded"),
        ratelimit=dict(limit_requests="3", remaining_requests="0", reset_requests="20s"),
        headers={"retry-after": "1"}),
    "ratelimit_rpd": dict(status=429, body=oai_error(
        f"Rate limit reached for gpt-3.5-turbo in organization {ORG_ID} on requests per day (RPD): "
        "Limit 200, Used 200, Requested 1. Please try again in 7m12s. Visit "
        "https://platform.openai.com/account/rate-limits to learn more.",
        "requests", None, "rate_limit_exceeded"),
        ratelimit=dict(limit_requests="200", remaining_requests="0", reset_requests="6m0s")),
    "too_large": dict(status=429, body=oai_error(
        f"Request too large for gpt-4o in organization {ORG_ID} on tokens per min (TPM): Limit 30000, "
        "Requested 30601. The input or output tokens must be reduced in order to run successfully. "
        "Visit https://platform.openai.com/account/rate-limits to learn more.",
        "tokens", None, "rate_limit_exceeded"),
        ratelimit=dict(limit_tokens="30000", remaining_tokens="30000", reset_tokens="0s")),
    # --- 401 family ---
    "bad_key": dict(status=401, special="mask_key", body=None, org=False),
    "invalid_auth": dict(status=401, body=oai_error(
        "Invalid Authentication", "invalid_request_error", None, "invalid_authentication"), org=False),
    "no_org": dict(status=401, body=oai_error(
        "You must be a member of an organization to use the API. Please contact us through our help "
        "center at help.openai.com.", "invalid_request_error", None, "no_organization"), org=False),
    "mismatched_org": dict(status=401, body=oai_error(
        "OpenAI-Organization header should match organization for API key",
        "invalid_request_error", None, "mismatched_organization"), org=False),
    "invalid_org": dict(status=401, body=oai_error(
        "No such organization: org-Xb7pQw2LmN9sRt4vKd1yHe6c.", "invalid_request_error", None,
        "invalid_organization"), org=False),
    "invalid_org2": dict(status=401, body=oai_error(
        "You do not have access to the organization tied to the API key.", "invalid_request_error",
        None, "invalid_organization"), org=False),
    "ip_not_authorized": dict(status=401, body=oai_error(
        "IP not authorized", "invalid_request_error", None, None), org=False),
    "missing_key": dict(status=401, body=oai_error(
        "You didn't provide an API key. You need to provide your API key in an Authorization header "
        "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank "
        "username) if you're accessing the API from your browser and are prompted for a username. You "
        "can obtain an API key from https://platform.openai.com/account/api-keys.",
        "invalid_request_error", None, None), org=False),
    "missing_bearer": dict(status=401, body=oai_error(
        "Missing bearer or basic authentication in header", "invalid_request_error", None, None), org=False),
    # --- 403 ---
    "region": dict(status=403, body=oai_error(
        "Country, region, or territory not supported", "request_forbidden", None,
        "unsupported_country_region_territory", order=("code", "message", "param", "type")), org=False),
    "project_model": dict(status=403, body=oai_error(
        f"Project `{PROJECT_ID}` does not have access to model `gpt-4o-mini`",
        "invalid_request_error", None, "model_not_found")),
    # --- 404 ---
    "model_not_found": dict(status=404, body=oai_error(
        "The model `gpt-5x` does not exist or you do not have access to it.",
        "invalid_request_error", None, "model_not_found")),
    "model_not_found_gpt4": dict(status=404, body=oai_error(
        "The model `gpt-4` does not exist or you do not have access to it. Learn more: "
        "https://help.openai.com/en/articles/7102672-how-can-i-access-gpt-4.",
        "invalid_request_error", None, "model_not_found")),
    "invalid_url": dict(status=404, special="invalid_url", body=None),
    # --- 400 ---
    "context": dict(status=400, body=oai_error(
        "This model's maximum context length is 8192 tokens. However, your messages resulted in 8227 "
        "tokens. Please reduce the length of the messages.",
        "invalid_request_error", "messages", "context_length_exceeded")),
    "context2": dict(status=400, body=oai_error(
        "This model's maximum context length is 4097 tokens. However, you requested 4118 tokens (3118 "
        "in the messages, 1000 in the completion). Please reduce the length of the messages or completion.",
        "invalid_request_error", "messages", "context_length_exceeded")),
    "unsupported_param": dict(status=400, body=oai_error(
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
        "'max_completion_tokens' instead.", "invalid_request_error", "max_tokens", "unsupported_parameter")),
    "org_verify": dict(status=400, body=oai_error(
        "Your organization must be verified to stream this model. Please go to: "
        "https://platform.openai.com/settings/organization/general and click on Verify Organization. "
        "If you just verified, it can take up to 15 minutes for access to propagate.",
        "invalid_request_error", "stream", "unsupported_value")),
    "content_policy": dict(status=400, body=oai_error(
        "Your request was rejected as a result of our safety system. Your prompt may contain text "
        "that is not allowed by our safety system.", "invalid_request_error", None,
        "content_policy_violation", order=("code", "message", "param", "type"))),
    "content_policy2": dict(status=400, body=oai_error(
        "Your request was rejected as a result of our safety system. Image descriptions generated from "
        "your prompt may contain text that is not allowed by our safety system. If you believe this was "
        "done in error, your request may succeed if retried, or by adjusting your prompt.",
        "invalid_request_error", None, "content_policy_violation", order=("code", "message", "param", "type"))),
    "billing_limit": dict(status=400, body=oai_error(
        "Billing hard limit has been reached", "invalid_request_error", None, "billing_hard_limit_reached",
        order=("code", "message", "param", "type"))),
    # --- 5xx ---
    "server_error": dict(status=500, body=oai_error(
        "The server had an error while processing your request. Sorry about that!", "server_error", None, None)),
    "server_error2": dict(status=500, special="server_error_reqid", body=None),
    "cf502": dict(status=502, body=CF_502_SHORT, ctype="text/html", flavour="cf"),
    "cf502_page": dict(status=502, body=CF_502_PAGE, ctype="text/html; charset=UTF-8", flavour="cf"),
    "cf502_json": dict(status=502, body={"error": {
        "code": "cf_bad_gateway", "message": "Bad gateway.", "param": None, "type": "cf_bad_gateway"}}),
    "overloaded": dict(status=503, special="overloaded_reqid", body=None),
    "overloaded_engine": dict(status=503, body=oai_error(
        "The engine is currently overloaded, please try again later.", "server_error", None, None)),
    "overloaded_code": dict(status=503, body=oai_error(
        "The model is overloaded. Please try again later.", "service_unavailable_error", None,
        "server_is_overloaded")),
    "slow_down": dict(status=503, body=oai_error(
        "Slow down: a sudden increase in your request rate is impacting service reliability. Please "
        "reduce your request rate to its original level, maintain a consistent rate for at least 15 "
        "minutes, and then gradually increase it.", "service_unavailable_error", None, "slow_down")),
    # --- other statuses ---
    "conflict": dict(status=409, body=oai_error(
        "The resource is being modified by another request. Please retry.",
        "invalid_request_error", None, None)),
    "unprocessable": dict(status=422, body=oai_error(
        "Invalid value for 'file': the uploaded file could not be processed.",
        "invalid_request_error", "file", None)),
    "too_big_413": dict(status=413, body=oai_error(
        "Maximum content size limit (26214400) exceeded (26985102 bytes read)", "server_error", None, None)),
    # --- Azure ---
    "azure_401": dict(status=401, flavour="azure", body=azure_error(
        "401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to "
        "provide a valid key for an active subscription and use a correct regional API endpoint for "
        "your resource.")),
    "azure_deploy": dict(status=404, flavour="azure", body=azure_error(
        "DeploymentNotFound", "The API deployment for this resource does not exist. If you created the "
        "deployment within the last 5 minutes, please wait a moment and try again.")),
    "azure_404": dict(status=404, flavour="azure", body=azure_error("404", "Resource not found")),
    "azure_429": dict(status=429, flavour="azure", body=azure_error(
        "429", "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version "
        "2024-08-01-preview have exceeded token rate limit of your current OpenAI S0 pricing tier. "
        "Please retry after 86400 seconds. Please go here: https://aka.ms/oai/quotaincrease if you "
        "would like to further increase the default rate limit."),
        headers={"retry-after": "86400", "policy-id": "DeploymentRatelimit-Token",
                 "x-ratelimit-remaining-requests": "79", "x-ratelimit-remaining-tokens": "0"}),
    "azure_429b": dict(status=429, flavour="azure", body=azure_error(
        "429", "Rate limit is exceeded. Try again in 2 seconds."),
        headers={"retry-after": "2", "x-rate-limit-reset-tokens": "2"}),
    "azure_filter": dict(status=400, flavour="azure", body={"error": {
        "message": "The response was filtered due to the prompt triggering Azure OpenAI's content "
                   "management policy. Please modify your prompt and retry. To learn more about our "
                   "content filtering policies please read our documentation: "
                   "https://go.microsoft.com/fwlink/?linkid=2198766",
        "type": None, "param": "prompt", "code": "content_filter", "status": 400,
        "innererror": {"code": "ResponsibleAIPolicyViolation", "content_filter_result": {
            "hate": {"filtered": False, "severity": "safe"},
            "jailbreak": {"filtered": False, "detected": False},
            "self_harm": {"filtered": False, "severity": "safe"},
            "sexual": {"filtered": False, "severity": "safe"},
            "violence": {"filtered": True, "severity": "medium"}}}}}),
    "azure_image_blocked": dict(status=400, flavour="azure", body={"error": {
        "code": "moderation_blocked", "message": "Your request was rejected as a result of our safety "
        "system. Your prompt may contain text that is not allowed by our safety system.",
        "param": None, "type": "image_generation_user_error"}}),
    # --- 200s and transport ---
    "success": dict(status=200, body=CHAT_OK),
    "length": dict(status=200, body=_chat_with_finish("length", '{"title": "Quarterly report", "bullets": ["Revenue')),
    "content_filter_finish": dict(status=200, body=_chat_with_finish("content_filter", None)),
    "stream_error": dict(status=200, special="stream_error", body=None),
    "slow": dict(status=200, special="slow", body=CHAT_OK),
    "disconnect": dict(status=0, special="disconnect", body=None),
}

STATUS_TEXT = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
               409: "Conflict", 413: "Request Entity Too Large", 422: "Unprocessable Entity",
               429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
               503: "Service Unavailable"}

TOKENS = {token(n): n for n in SCENARIOS}

SLOW_SECONDS = 4.0


def _mask_key(key: str) -> str:
    # The API shows the first 8 characters, stars, and the last 4 (e.g. sk-proj-****...21sA).
    if len(key) <= 12:
        return key[:3] + "*" * max(len(key) - 7, 1) + key[-4:]
    return key[:8] + "*" * (len(key) - 12) + key[-4:]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "cloudflare"
    sys_version = ""

    def log_message(self, fmt, *args):  # quiet
        if getattr(self.server, "verbose", False):
            sys.stderr.write("stub: " + (fmt % args) + "\n")

    # every method is answered the same way
    def do_POST(self):
        self._handle()

    do_GET = do_POST
    do_PUT = do_POST
    do_DELETE = do_POST
    do_PATCH = do_POST

    def _read_body(self):
        n = int(self.headers.get("content-length") or 0)
        if n:
            return self.rfile.read(n)
        if "chunked" in (self.headers.get("transfer-encoding") or ""):
            data = b""
            while True:
                line = self.rfile.readline()
                size = int(line.strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                data += self.rfile.read(size)
                self.rfile.readline()
            return data
        return b""

    def _scenario(self):
        parts = self.path.split("?")[0].split("/")
        # ['', 's'|'x', name|token, ...rest]
        if len(parts) >= 3 and parts[1] == "s" and parts[2] in SCENARIOS:
            return parts[2], "/" + "/".join(parts[3:])
        if len(parts) >= 3 and parts[1] == "x" and parts[2] in TOKENS:
            return TOKENS[parts[2]], "/" + "/".join(parts[3:])
        return None, self.path

    def _common_headers(self, sc, flavour):
        h = []
        h.append(("Date", email.utils.formatdate(usegmt=True)))
        if flavour == "azure":
            h += [
                ("Content-Type", "application/json"),
                ("apim-request-id", str(uuid.UUID(_hex(32)))),
                ("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload"),
                ("x-content-type-options", "nosniff"),
                ("x-ms-region", "East US"),
            ]
            return h
        if flavour == "cf":
            h += [("Content-Type", sc.get("ctype", "text/html")), ("Connection", "keep-alive"),
                  ("Server", "cloudflare"), ("CF-RAY", _hex(16) + "-FRA")]
            return h
        h += [("Content-Type", sc.get("ctype", "application/json; charset=utf-8")),
              ("Connection", "keep-alive"), ("vary", "Origin")]
        h.append(("x-request-id", "req_" + _hex(32)))
        if sc.get("org", True):
            h += [("openai-organization", ORG_SLUG), ("openai-processing-ms", str(_int(8, 400))),
                  ("openai-project", PROJECT_ID), ("openai-version", "2020-10-01")]
            rl = dict(limit_requests="5000", limit_tokens="160000", remaining_requests="4999",
                      remaining_tokens="159976", reset_requests="12ms", reset_tokens="9ms")
            rl.update(sc.get("ratelimit", {}))
            for k in ("limit_requests", "limit_tokens", "remaining_requests", "remaining_tokens",
                      "reset_requests", "reset_tokens"):
                h.append(("x-ratelimit-" + k.replace("_", "-", 1).replace("_", "-"), rl[k]))
        h += [("strict-transport-security", "max-age=31536000; includeSubDomains; preload"),
              ("cf-cache-status", "DYNAMIC"),
              ("set-cookie", "__cf_bm=" + _hex(40) + "-1795514401-1.0.1.1-" + _hex(24)
               + "; path=/; expires=Tue, 24-Nov-26 10:30:01 GMT; domain=.api.openai.com; HttpOnly; Secure; SameSite=None"),
              ("x-content-type-options", "nosniff"), ("server", "cloudflare"), ("cf-ray", _hex(16) + "-FRA"),
              ("alt-svc", 'h3=":443"; ma=86400')]
        return h

    def _send(self, status, headers, payload: bytes):
        self.send_response_only(status, STATUS_TEXT.get(status))
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        try:
            self.wfile.write(payload)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _handle(self):
        body_in = self._read_body()
        name, rest = self._scenario()
        if name is None:
            self._send(404, [("Content-Type", "application/json")],
                       json.dumps({"error": "unknown stub scenario", "path": self.path}).encode())
            return
        sc = SCENARIOS[name]
        special = sc.get("special")
        flavour = sc.get("flavour", "openai")
        status = sc["status"]
        body = sc["body"]

        if special == "disconnect":
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass
            return
        if special == "slow":
            time.sleep(SLOW_SECONDS)
        headers = self._common_headers(sc, flavour)
        for k, v in (sc.get("headers") or {}).items():
            headers.append((k, v))

        if special == "mask_key":
            auth = self.headers.get("authorization") or self.headers.get("api-key") or ""
            key = auth.split(" ", 1)[1] if auth.lower().startswith("bearer ") else auth
            body = oai_error(f"Incorrect API key provided: {_mask_key(key)}. You can find your API key at "
                             "https://platform.openai.com/account/api-keys.",
                             "invalid_request_error", None, "invalid_api_key")
        elif special == "invalid_url":
            path = "/v1" + rest.split("/v1", 1)[1] if "/v1" in rest else rest
            body = oai_error(f"Invalid URL ({self.command} {path})", "invalid_request_error", None, None)
        elif special == "server_error_reqid":
            rid = dict(headers)["x-request-id"]
            body = oai_error(
                "The server had an error processing your request. Sorry about that! You can retry your "
                "request, or contact us through our help center at help.openai.com if you keep seeing "
                f"this error. (Please include the request ID {rid} in your email.)",
                "server_error", None, None)
        elif special == "overloaded_reqid":
            rid = dict(headers)["x-request-id"]
            body = oai_error(
                "That model is currently overloaded with other requests. You can retry your request, or "
                "contact us through our help center at help.openai.com if the error persists. (Please "
                f"include the request ID {rid[4:]} in your message.)", "server_error", None, None)
        elif special == "stream_error":
            first = {"id": "chatcmpl-AZ3kq9YtQm1bX0vLr7sPe2WnHc4Ud", "object": "chat.completion.chunk",
                     "created": 1795514401, "model": "gpt-4o-mini-2024-07-18",
                     "system_fingerprint": "fp_560af6e559",
                     "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Revenue"},
                                  "logprobs": None, "finish_reason": None}]}
            err = {"error": {"message": "The server had an error while processing your request. Sorry about that!",
                             "type": "server_error", "param": None, "code": None}}
            payload = ("data: " + json.dumps(first) + "\n\n" + "data: " + json.dumps(err) + "\n\n").encode()
            headers = [(k, v) for k, v in headers if k.lower() != "content-type"]
            headers.insert(1, ("Content-Type", "text/event-stream; charset=utf-8"))
            self._send(200, headers, payload)
            return

        if isinstance(body, (dict, list)):
            if flavour == "azure":
                payload = json.dumps(body, separators=(",", ":")).encode()
            else:
                payload = (json.dumps(body, indent=2 if status == 200 else 4) + "\n").encode()
        else:
            payload = body.encode()
        self._send(status, headers, payload)


class StubServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_stub(port: int = 0, tls: tuple[str, str] | None = None, verbose: bool = False):
    srv = StubServer(("127.0.0.1", port), Handler)
    srv.verbose = verbose
    if tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(tls[0], tls[1])
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    return srv, srv.server_address[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    ap.add_argument("--list", action="store_true", help="list scenarios with their path tokens")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    if a.list:
        for n in SCENARIOS:
            print(f"{n:24s} /s/{n}/v1   /x/{token(n)}/v1")
        return
    srv, port = start_stub(a.port, tuple(a.tls) if a.tls else None, a.v)
    print("PORT", port, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        srv.shutdown()


if __name__ == "__main__":
    main()
