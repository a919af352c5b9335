"""Python drivers: run the REAL openai-python SDKs (0.28.1, 1.109.1, 1.55.0, 2.54.0, 3.37.0, 3.57.0)
against the stub and capture what the user sees (an uncaught exception's traceback, log lines)."""
from __future__ import annotations

import textwrap

from common import ENVS, fake_key, azure_key, label, proj, run_capture

# ------------------------------------------------------------------------------------------------
# Script templates (openai >= 1.0). Placeholders: @CLIENT@ (client kwargs), @MODEL@, @EXTRA@
# ------------------------------------------------------------------------------------------------
T_CHAT = '''\
import os

from openai import OpenAI

client = OpenAI(@CLIENT@)


def summarize(notes: str) -> str:
    response = client.chat.completions.create(
        model="@MODEL@",
        messages=[
            {"role": "system", "content": "You summarize meeting notes in three bullet points."},
            {"role": "user", "content": notes},
        ],@EXTRA@
    )
    return response.choices[0].message.content


if __name__ == "__main__":
    print(summarize("Standup: API migration blocked on review; release moved to Friday; Ana is out."))
'''

T_CHAT_TOP = '''\
from openai import OpenAI

client = OpenAI(@CLIENT@)
completion = client.chat.completions.create(model="@MODEL@", messages=[{"role": "user", "content": "Write a haiku about recursion."}]@EXTRA@)
print(completion.choices[0].message.content)
'''

T_STREAM = '''\
from openai import OpenAI

client = OpenAI(@CLIENT@)

stream = client.chat.completions.create(
    model="@MODEL@",
    messages=[{"role": "user", "content": "Explain the CAP theorem to a new engineer."}],
    stream=True,
)
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        print(chunk.choices[0].delta.content, end="", flush=True)
print()
'''

T_IMAGES = '''\
from openai import OpenAI

client = OpenAI(@CLIENT@)

result = client.images.generate(
    model="dall-e-3",
    prompt="@PROMPT@",
    size="1024x1024",
    n=1,
)
print(result.data[0].url)
'''

T_EMBED = '''\
from openai import OpenAI

client = OpenAI(@CLIENT@)

chunks = [
    "Invoices are due within 30 days of receipt.",
    "Refunds are processed to the original payment method.",
    "Support is available Monday to Friday, 9am to 5pm CET.",
]


def embed(texts):
    resp = client.embeddings.create(model="text-embedding-3-small", input=texts)
    return [d.embedding for d in resp.data]


vectors = embed(chunks)
print(len(vectors), "vectors")
'''

T_AUDIO = '''\
from pathlib import Path

from openai import OpenAI

client = OpenAI(@CLIENT@)

audio_file = Path(__file__).parent / "all-hands-recording.mp3"
with audio_file.open("rb") as f:
    transcript = client.audio.transcriptions.create(model="whisper-1", file=f)
print(transcript.text)
'''

T_PARSE = '''\
from openai import OpenAI
from pydantic import BaseModel


class Summary(BaseModel):
    title: str
    bullets: list[str]


client = OpenAI(@CLIENT@)

completion = client.chat.completions.parse(
    model="gpt-4o-2024-08-06",
    messages=[{"role": "user", "content": "Summarize the quarterly report as a title and bullets."}],
    response_format=Summary,
    max_completion_tokens=16,
)
print(completion.choices[0].message.parsed)
'''

T_AZURE = '''\
import os

from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-08-01-preview",@CLIENT@
)

response = client.chat.completions.create(
    model="gpt-4o-prod",  # deployment name
    messages=[{"role": "user", "content": "Draft a polite reply declining the meeting."}],
)
print(response.choices[0].message.content)
'''

T_AZURE_IMAGE = '''\
import os

from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-02-01",@CLIENT@
)

result = client.images.generate(model="dalle3", prompt="A knight fighting a dragon in a burning village", n=1)
print(result.data[0].url)
'''

T_MISSING_KEY = '''\
from openai import OpenAI

client = OpenAI()
reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "ping"}])
print(reply.choices[0].message.content)
'''

T_EMPTY_KEY = '''\
import os

from openai import OpenAI

client = OpenAI(api_key=os.environ.get("OPENAI_KEY", ""), max_retries=0)
reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "ping"}])
print(reply.choices[0].message.content)
'''

T_REMOVED = '''\
import openai

messages = [{"role": "user", "content": "Translate 'good morning' to French."}]
response = openai.ChatCompletion.create(api_key="@KEY@", model="gpt-3.5-turbo", messages=messages)
print(response["choices"][0]["message"]["content"])
'''

T_REMOVED_COMPLETION = '''\
import os
import openai

openai.api_key = os.getenv("OPENAI_API_KEY")


def complete(prompt):
    return openai.Completion.create(engine="text-davinci-003", prompt=prompt, max_tokens=64)


print(complete("Once upon a time")["choices"][0]["text"])
'''

T_ERROR_ATTR = '''\
import time

import openai
from openai import OpenAI

client = OpenAI(max_retries=0)


def ask(question, attempts=3):
    for attempt in range(attempts):
        try:
            r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
            return r.choices[0].message.content
        except openai.error.RateLimitError:
            time.sleep(2 ** attempt)
    raise RuntimeError("gave up")


print(ask("What is the capital of Australia?"))
'''

T_PROXIES = '''\
import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
print(client.models.list())
'''

T_LOGGER = '''\
import logging

from openai import OpenAI

logging.basicConfig(format="%(asctime)s %(levelname)s [%(name)s] %(message)s", level=logging.INFO)
log = logging.getLogger("ticket_worker")
client = OpenAI(max_retries=0)


def classify(ticket_id, text):
    try:
        r = client.chat.completions.create(model="@MODEL@", messages=[{"role": "user", "content": text}])
        return r.choices[0].message.content
    except Exception:
        log.exception("classification failed for ticket %s", ticket_id)
        return None


classify(48213, "My invoice shows the wrong VAT number.")
'''

T_LOGGER_STR = '''\
import logging
import sys

import openai
from openai import OpenAI

logging.basicConfig(stream=sys.stdout, format="%(asctime)s | %(levelname)-8s | %(name)s:%(funcName)s:%(lineno)d - %(message)s", level=logging.INFO)
logger = logging.getLogger("app.services.llm")
client = OpenAI(max_retries=0)

for doc_id in ("doc-001", "doc-002"):
    try:
        client.chat.completions.create(model="@MODEL@", messages=[{"role": "user", "content": "tag " + doc_id}])
    except openai.APIError as e:
        logger.error("OpenAI request failed for %s: %s", doc_id, e)
'''

# ---- wrapped in a fake framework --------------------------------------------------------------
WRAP_FILES = {
    "agentkit/__init__.py": "",
    "agentkit/llm.py": '''\
from openai import OpenAI


class LLMClient:
    def __init__(self, model: str = "gpt-4o-mini"):
        self.model = model
        self._client = OpenAI(max_retries=0)

    def complete(self, prompt: str) -> str:
        try:
            resp = self._client.chat.completions.create(
                model=self.model,
                messages=[{"role": "user", "content": prompt}],
            )
        except Exception as e:
            raise RuntimeError("LLM call failed") from e
        return resp.choices[0].message.content
''',
    "agentkit/pipeline.py": '''\
from agentkit.llm import LLMClient


class Step:
    def __init__(self, name, template):
        self.name = name
        self.template = template

    def run(self, llm, **ctx):
        return llm.complete(self.template.format(**ctx))


class Pipeline:
    def __init__(self, steps, model="gpt-4o-mini"):
        self.steps = steps
        self.llm = LLMClient(model)

    def run(self, **ctx):
        for step in self.steps:
            ctx[step.name] = step.run(self.llm, **ctx)
        return ctx
''',
}
T_WRAPPED = '''\
from agentkit.pipeline import Pipeline, Step

pipeline = Pipeline([
    Step("outline", "Write an outline for a blog post about {topic}."),
    Step("draft", "Expand this outline into a draft: {outline}"),
])

if __name__ == "__main__":
    result = pipeline.run(topic="zero-downtime database migrations")
    print(result["draft"])
'''

# ---- a LangChain-shaped call stack (fake modules, no langchain installed) ------------------------
LC_FILES = {
    "langchain_core/__init__.py": "",
    "langchain_core/runnables/__init__.py": "",
    "langchain_core/runnables/base.py": '''\
"""Base classes for runnables (stand-in with the same call shape)."""


class Runnable:
    def __or__(self, other):
        return RunnableSequence(self, other)


class RunnableSequence(Runnable):
    def __init__(self, *steps):
        self.steps = steps

    def invoke(self, input, config=None, **kwargs):
        context = _Context()
        for i, step in enumerate(self.steps):
            # mark each step as a child run
            input = context.run(step.invoke, input, config)
        return input


class _Context:
    def run(self, fn, *args):
        return fn(*args)
''',
    "langchain_core/prompts.py": '''\
from langchain_core.runnables.base import Runnable


class ChatPromptTemplate(Runnable):
    def __init__(self, messages):
        self.messages = messages

    @classmethod
    def from_messages(cls, messages):
        return cls(messages)

    def invoke(self, input, config=None):
        return [{"role": r, "content": t.format(**input)} for r, t in self.messages]
''',
    "langchain_core/language_models/__init__.py": "",
    "langchain_core/language_models/chat_models.py": '''\
from langchain_core.runnables.base import Runnable


class BaseChatModel(Runnable):
    def invoke(self, input, config=None, *, stop=None, **kwargs):
        config = config or {}
        return self.generate_prompt(
            [input],
            stop=stop,
            callbacks=config.get("callbacks"),
            **kwargs,
        )

    def generate_prompt(self, prompts, stop=None, callbacks=None, **kwargs):
        prompt_messages = [p for p in prompts]
        return self.generate(prompt_messages, stop=stop, callbacks=callbacks, **kwargs)

    def generate(self, messages, stop=None, callbacks=None, **kwargs):
        results = []
        for i, m in enumerate(messages):
            try:
                results.append(
                    self._generate_with_cache(
                        m,
                        stop=stop,
                        **kwargs,
                    )
                )
            except BaseException as e:
                raise e
        return results[0]

    def _generate_with_cache(self, messages, stop=None, **kwargs):
        result = self._generate(
            messages, stop=stop, **kwargs
        )
        return result
''',
    "langchain_openai/__init__.py": "from langchain_openai.chat_models.base import ChatOpenAI\n",
    "langchain_openai/chat_models/__init__.py": "",
    "langchain_openai/chat_models/base.py": '''\
import openai
from langchain_core.language_models.chat_models import BaseChatModel


class ChatOpenAI(BaseChatModel):
    def __init__(self, model="gpt-3.5-turbo", temperature=0.7, max_retries=2):
        self.model_name = model
        self.temperature = temperature
        self.root_client = openai.OpenAI(max_retries=max_retries)
        self.client = self.root_client.chat.completions

    def _get_request_payload(self, messages, stop=None, **kwargs):
        return {"messages": messages, "model": self.model_name, "temperature": self.temperature, "stream": False}

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        payload = self._get_request_payload(messages, stop=stop, **kwargs)
        generation_info = None
        if "response_format" in payload:
            response = self.root_client.beta.chat.completions.parse(**payload)
        else:
            response = self.client.create(**payload)
        return response.choices[0].message.content
''',
}
T_LANGCHAIN = '''\
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

prompt = ChatPromptTemplate.from_messages([
    ("system", "You are a helpful assistant that answers questions about the docs."),
    ("user", "{question}"),
])
llm = ChatOpenAI(model="@MODEL@", temperature=0, max_retries=0)
chain = prompt | llm

answer = chain.invoke({"question": "How do I rotate the signing keys?"})
print(answer)
'''

# ------------------------------------------------------------------------------------------------
# openai 0.28 templates
# ------------------------------------------------------------------------------------------------
T0_CHAT = '''\
import os

import openai

openai.api_key = os.getenv("OPENAI_API_KEY")


def ask(question):
    completion = openai.ChatCompletion.create(
        model="@MODEL@",
        messages=[{"role": "user", "content": question}],@EXTRA@
    )
    return completion.choices[0].message["content"]


print(ask("Give me three names for a bakery."))
'''

T0_IMAGE = '''\
import os

import openai

openai.api_key = os.getenv("OPENAI_API_KEY")
response = openai.Image.create(prompt="@PROMPT@", n=1, size="1024x1024")
print(response["data"][0]["url"])
'''

T0_EMBED = '''\
import os

import openai

openai.api_key = os.getenv("OPENAI_API_KEY")
emb = openai.Embedding.create(input=["hello world", "goodbye world"], model="text-embedding-ada-002")
print(len(emb["data"]))
'''

T0_FT = '''\
import os

import openai

openai.api_key = os.getenv("OPENAI_API_KEY")
job = openai.FineTuningJob.create(training_file="file-7Qp2rXbN4mKzLwY8vT1sHc3d", model="gpt-3.5-turbo")
print(job.id)
'''

T0_AZURE = '''\
import os

import openai

openai.api_type = "azure"
openai.api_base = os.getenv("AZURE_OPENAI_ENDPOINT")
openai.api_version = "2023-05-15"
openai.api_key = os.getenv("AZURE_OPENAI_KEY")

response = openai.ChatCompletion.create(
    engine="gpt35-turbo-prod",
    messages=[{"role": "user", "content": "Summarize this support ticket."}],
)
print(response["choices"][0]["message"]["content"])
'''


def fill(t: str, **kw) -> str:
    for k, v in kw.items():
        t = t.replace("@" + k.upper() + "@", v)
    return t


IMG_PROMPT = "A photorealistic portrait of a famous politician in a prison cell"
IMG_PROMPT_OK = "A watercolor painting of a lighthouse at dawn"


class PyCase:
    def __init__(self, shape, name, env, script, scenario=None, *, base="stub", env_extra=None,
                 files=None, netns=False, unset_key=False, labels=None, source_extra="", script_name="app.py",
                 sdk=None, shows_502_text=False, timeout=120):
        self.shape, self.name, self.env, self.script = shape, name, env, script
        self.scenario, self.base, self.env_extra = scenario, base, env_extra or {}
        self.files, self.netns, self.unset_key = files or {}, netns, unset_key
        self.labels, self.source_extra, self.script_name = labels, source_extra, script_name
        self.sdk, self.shows_502_text, self.timeout = sdk, shows_502_text, timeout


def sdk_kind(env: str) -> str:
    if env == "py0":
        return "py0"
    if env == "py3":
        return "py3new"
    return "py"


def client_args(retries=0, timeout=None):
    parts = []
    if retries is not None:
        parts.append(f"max_retries={retries}")
    if timeout is not None:
        parts.append(f"timeout={timeout}")
    return ", ".join(parts)


def chat(model="gpt-4o-mini", extra="", retries=0, timeout=None, top=False):
    t = T_CHAT_TOP if top else T_CHAT
    if extra and not top:
        extra = "\n        " + extra
    elif extra:
        extra = ", " + extra
    return fill(t, client=client_args(retries, timeout), model=model, extra=extra)


def build_cases() -> list[PyCase]:
    C = []

    def add(*a, **k):
        C.append(PyCase(*a, **k))

    # ---------------- openai 1.109.1 (shape py1) ----------------
    e = "py1"
    add("py1", "quota", e, chat(), "quota")
    add("py1", "ratelimit_tpm_gpt4", e, chat(model="gpt-4"), "ratelimit_tpm")
    add("py1", "request_too_large", e, chat(model="gpt-4o"), "too_large")
    add("py1", "incorrect_api_key", e, chat(), "bad_key")
    add("py1", "no_organization", e, chat(), "no_org")
    add("py1", "mismatched_organization", e, chat(), "mismatched_org",
        env_extra={"OPENAI_ORG_ID": "org-Xb7pQw2LmN9sRt4vKd1yHe6c"})
    add("py1", "invalid_organization", e, chat(), "invalid_org",
        env_extra={"OPENAI_ORG_ID": "org-Xb7pQw2LmN9sRt4vKd1yHe6c"})
    add("py1", "ip_not_authorized", e, T_EMBED.replace("@CLIENT@", "max_retries=0"), "ip_not_authorized")
    add("py1", "missing_key_server", e, T_EMPTY_KEY, "missing_key", unset_key=True)
    add("py1", "missing_key_client", e, T_MISSING_KEY, None, base=None, unset_key=True,
        labels=("401-missing-api-key", ["401-missing-api-key"]))
    add("py1", "unsupported_region", e, chat(), "region")
    add("py1", "project_model_access", e, chat(), "project_model")
    add("py1", "invalid_url", e, chat(), "invalid_url", base="stub_no_v1")
    add("py1", "context_length", e, chat(model="gpt-4"), "context")
    add("py1", "unsupported_parameter", e, chat(model="o3-mini", extra="max_tokens=1000,"), "unsupported_param")
    add("py1", "org_not_verified_stream", e, fill(T_STREAM, client="max_retries=0", model="o3"), "org_verify")
    add("py1", "content_policy_image", e, fill(T_IMAGES, client="max_retries=0", prompt=IMG_PROMPT), "content_policy")
    add("py1", "billing_hard_limit", e, fill(T_IMAGES, client="max_retries=0", prompt=IMG_PROMPT_OK), "billing_limit")
    add("py1", "server_error", e, chat(), "server_error")
    add("py1", "overloaded_503", e, chat(model="gpt-4"), "overloaded")
    add("py1", "slow_down_503", e, chat(), "slow_down")
    add("py1", "conflict_409", e, chat(top=True), "conflict")
    add("py1", "status_413_audio", e, fill(T_AUDIO, client="max_retries=0"), "too_big_413",
        files={"all-hands-recording.mp3": b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 2048})
    add("py1", "azure_access_denied", e, fill(T_AZURE, client="\n    max_retries=0,"), "azure_401", base="azure")
    add("py1", "azure_deployment_not_found", e, fill(T_AZURE, client="\n    max_retries=0,"), "azure_deploy", base="azure")
    add("py1", "azure_content_filter", e, fill(T_AZURE, client="\n    max_retries=0,"), "azure_filter", base="azure")
    add("py1", "azure_image_moderation_blocked", e, fill(T_AZURE_IMAGE, client="\n    max_retries=0,"),
        "azure_image_blocked", base="azure")
    add("py1", "stream_error_event", e, fill(T_STREAM, client="max_retries=0", model="gpt-4o-mini"), "stream_error")
    add("py1", "length_finish_reason", e, fill(T_PARSE, client="max_retries=0"), "length")
    add("py1", "content_filter_finish_reason", e, fill(T_PARSE, client="max_retries=0"), "content_filter_finish")
    add("py1", "connection_refused", e, chat(), None, base="refused", labels=("APIConnectionError", ["APIConnectionError"]))
    add("py1", "timeout", e, chat(timeout=1.0), "slow")
    add("py1", "tls_certificate_verify_failed", e, chat(), "success", base="tls",
        labels=("APIConnectionError", ["APIConnectionError"]))
    add("py1", "dns_failure", e, chat(), None, base="dns", netns=True,
        labels=("APIConnectionError", ["APIConnectionError"]))
    add("py1", "wrapped_runtime_error", e, T_WRAPPED, "quota", files=WRAP_FILES)
    add("py1", "langchain_style_rate_limit", e, fill(T_LANGCHAIN, model="gpt-4"), "ratelimit_tpm",
        files={".venv/lib/python3.11/site-packages/" + k: v for k, v in LC_FILES.items()})
    add("py1", "retries_openai_log_quota", e, chat(retries=None), "quota", env_extra={"OPENAI_LOG": "info"},
        source_extra=" default retries OPENAI_LOG=info")
    add("py1", "retries_logging_server_error", e,
        "import logging\n\nlogging.basicConfig(level=logging.INFO)\n\n" + chat(retries=None), "server_error",
        source_extra=" default retries logging.basicConfig(INFO)")
    add("py1", "retries_logging_timeout", e,
        "import logging\n\nlogging.basicConfig(level=logging.INFO)\n\n" + chat(retries=None, timeout=1.0), "slow",
        source_extra=" default retries logging.basicConfig(INFO) timeout=1.0", timeout=200)
    add("py1", "api_removed_in_v1", e, None, None, base="stub", labels=("APIRemovedInV1", ["APIRemovedInV1"]))
    add("py1", "openai_error_attribute", e, T_ERROR_ATTR, "quota",
        labels=("sdk-openai-error-removed", ["sdk-openai-error-removed", "429-quota-exceeded", "RateLimitError"]))
    add("py1", "httpx_proxies_typeerror", "py155", T_PROXIES, None, base="stub",
        labels=("sdk-httpx-proxies", ["sdk-httpx-proxies"]))

    # ---------------- openai 2.54.0 (shape py2) ----------------
    e = "py2"
    add("py2", "quota", e, chat(), "quota")
    add("py2", "ratelimit_tpm", e, chat(model="gpt-4"), "ratelimit_tpm")
    add("py2", "incorrect_api_key", e, chat(top=True), "bad_key")
    add("py2", "model_not_found", e, chat(model="gpt-4", top=True), "model_not_found_gpt4")
    add("py2", "cloudflare_502_page", e, chat(), "cf502_page")
    add("py2", "azure_deployment_not_found", e, fill(T_AZURE, client="\n    max_retries=0,"), "azure_deploy", base="azure")
    add("py2", "connection_refused", e, chat(), None, base="refused", labels=("APIConnectionError", ["APIConnectionError"]))
    add("py2", "timeout", e, chat(timeout=1.0, top=True), "slow")
    add("py2", "status_413", e, fill(T_AUDIO, client="max_retries=0"), "too_big_413",
        files={"all-hands-recording.mp3": b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 2048})
    add("py2", "api_removed_in_v1_completion", e, T_REMOVED_COMPLETION, None, labels=("APIRemovedInV1", ["APIRemovedInV1"]))
    add("py2", "openai_error_attribute", e, T_ERROR_ATTR, "ratelimit_rpm",
        labels=("sdk-openai-error-removed", ["sdk-openai-error-removed", "429-rate-limit", "RateLimitError"]))
    add("py2", "retries_openai_log_rpm", e, chat(retries=None), "ratelimit_rpm", env_extra={"OPENAI_LOG": "info"},
        source_extra=" default retries OPENAI_LOG=info")
    add("py2", "stream_error_event", e, fill(T_STREAM, client="max_retries=0", model="gpt-4.1"), "stream_error")

    # ---------------- openai 3.37.0 (shape py3: last version with the dict-repr message) ----------------
    e = "py337"
    add("py3", "quota", e, chat(), "quota")
    add("py3", "request_too_large", e, chat(model="gpt-4o"), "too_large")
    add("py3", "unsupported_region", e, chat(top=True), "region")
    add("py3", "unsupported_parameter", e, chat(model="gpt-5", extra="max_tokens=2048,"), "unsupported_param")
    add("py3", "cloudflare_502_html", e, chat(), "cf502")
    add("py3", "overloaded_503", e, chat(), "overloaded_engine")
    add("py3", "mismatched_organization", e, chat(), "mismatched_org",
        env_extra={"OPENAI_ORG_ID": "org-Xb7pQw2LmN9sRt4vKd1yHe6c"})
    add("py3", "org_not_verified_stream", e, fill(T_STREAM, client="max_retries=0", model="o3"), "org_verify")
    add("py3", "azure_rate_limit", e, fill(T_AZURE, client="\n    max_retries=0,"), "azure_429", base="azure")
    add("py3", "connection_refused", e, chat(), None, base="refused", labels=("APIConnectionError", ["APIConnectionError"]))
    add("py3", "tls_certificate_verify_failed", e, chat(top=True), "success", base="tls",
        labels=("APIConnectionError", ["APIConnectionError"]))
    add("py3", "retries_logging_quota", e,
        "import logging\n\nlogging.basicConfig(level=logging.INFO)\n\n" + chat(retries=None), "quota",
        source_extra=" default retries logging.basicConfig(INFO)")

    # ---------------- openai 3.57.0 (shape py3new: message-only format) ----------------
    e = "py3"
    add("py3new", "quota", e, chat(), "quota")
    add("py3new", "ratelimit_rpd", e, chat(model="gpt-3.5-turbo", top=True), "ratelimit_rpd")
    add("py3new", "request_too_large", e, chat(model="gpt-4o"), "too_large")
    add("py3new", "incorrect_api_key", e, chat(), "bad_key")
    add("py3new", "invalid_authentication", e, chat(), "invalid_auth")
    add("py3new", "invalid_organization_access", e, chat(), "invalid_org2",
        env_extra={"OPENAI_ORG_ID": "org-Xb7pQw2LmN9sRt4vKd1yHe6c"})
    add("py3new", "missing_key_client", e, T_MISSING_KEY, None, base=None, unset_key=True,
        labels=("401-missing-api-key", ["401-missing-api-key"]))
    add("py3new", "missing_bearer", e, chat(), "missing_bearer")
    add("py3new", "unsupported_region", e, chat(), "region")
    add("py3new", "project_model_access", e, chat(), "project_model")
    add("py3new", "model_not_found", e, chat(model="gpt-5x"), "model_not_found")
    add("py3new", "context_length", e, chat(model="gpt-3.5-turbo"), "context2")
    add("py3new", "unsupported_parameter", e, chat(model="o4-mini", extra="max_tokens=512,"), "unsupported_param")
    add("py3new", "org_not_verified_stream", e, fill(T_STREAM, client="max_retries=0", model="o3"), "org_verify")
    add("py3new", "content_policy_image", e, fill(T_IMAGES, client="max_retries=0", prompt=IMG_PROMPT), "content_policy2")
    add("py3new", "billing_hard_limit", e, fill(T_IMAGES, client="max_retries=0", prompt=IMG_PROMPT_OK), "billing_limit")
    add("py3new", "server_error_request_id", e, chat(), "server_error2")
    add("py3new", "bare_502", e, chat(), "cf502")
    add("py3new", "bare_502_with_retry_log", e,
        "import logging\n\nlogging.basicConfig(level=logging.INFO)\n\n" + chat(retries=None), "cf502",
        shows_502_text=True, source_extra=" default retries logging.basicConfig(INFO)")
    add("py3new", "cf_bad_gateway_json", e, chat(top=True), "cf502_json")
    add("py3new", "overloaded_code", e, chat(), "overloaded_code")
    add("py3new", "slow_down_503", e, fill(T_EMBED, client="max_retries=0"), "slow_down")
    add("py3new", "status_413_audio", e, fill(T_AUDIO, client="max_retries=0"), "too_big_413",
        files={"all-hands-recording.mp3": b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 2048})
    add("py3new", "azure_access_denied", e, fill(T_AZURE, client="\n    max_retries=0,"), "azure_401", base="azure")
    add("py3new", "azure_deployment_not_found", e, fill(T_AZURE, client=""), "azure_deploy", base="azure")
    add("py3new", "azure_rate_limit_86400_no_retry", e,
        "import logging\n\nlogging.basicConfig(level=logging.INFO)\n\n" + fill(T_AZURE, client=""), "azure_429",
        base="azure", source_extra=" default retries logging.basicConfig(INFO)")
    add("py3new", "azure_content_filter", e, fill(T_AZURE, client="\n    max_retries=0,"), "azure_filter", base="azure")
    add("py3new", "stream_error_event", e, fill(T_STREAM, client="max_retries=0", model="gpt-4o"), "stream_error")
    add("py3new", "length_finish_reason", e, fill(T_PARSE, client="max_retries=0"), "length")
    add("py3new", "connection_refused", e, chat(), None, base="refused", labels=("APIConnectionError", ["APIConnectionError"]))
    add("py3new", "timeout", e, chat(timeout=1.0), "slow")
    add("py3new", "tls_certificate_verify_failed", e, chat(), "success", base="tls",
        labels=("APIConnectionError", ["APIConnectionError"]))
    add("py3new", "server_disconnected", e, chat(), "disconnect")
    add("py3new", "wrapped_runtime_error", e, T_WRAPPED, "ratelimit_tpm", files=WRAP_FILES)
    add("py3new", "retries_logging_rpm", e,
        "import logging\n\nlogging.basicConfig(level=logging.INFO)\n\n" + chat(retries=None, top=True), "ratelimit_rpm",
        source_extra=" default retries logging.basicConfig(INFO)")
    add("py3new", "api_removed_in_v1", e, None, None, labels=("APIRemovedInV1", ["APIRemovedInV1"]))
    add("py3new", "openai_error_attribute", e, T_ERROR_ATTR, "quota",
        labels=("sdk-openai-error-removed", ["sdk-openai-error-removed", "429-quota-exceeded", "RateLimitError"]))

    # ---------------- openai 0.28.1 (shape py0) ----------------
    e = "py0"
    add("py0", "quota", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), "quota")
    add("py0", "quota_old_message", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), "quota_old")
    add("py0", "ratelimit_tpm", e, fill(T0_CHAT, model="gpt-4", extra=""), "ratelimit_tpm")
    add("py0", "incorrect_api_key", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), "bad_key")
    add("py0", "missing_key_client", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), None, base=None,
        unset_key=True, labels=("401-missing-api-key", ["401-missing-api-key", "AuthenticationError"]))
    add("py0", "unsupported_region", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), "region")
    add("py0", "model_not_found", e, fill(T0_CHAT, model="gpt-4", extra=""), "model_not_found_gpt4")
    add("py0", "context_length", e, fill(T0_CHAT, model="gpt-4", extra=""), "context")
    add("py0", "content_policy_image", e, fill(T0_IMAGE, prompt=IMG_PROMPT), "content_policy")
    add("py0", "billing_hard_limit", e, fill(T0_IMAGE, prompt=IMG_PROMPT_OK), "billing_limit")
    add("py0", "server_error_apierror_headers", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), "server_error")
    add("py0", "cloudflare_502_html", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), "cf502")
    add("py0", "service_unavailable", e, fill(T0_CHAT, model="gpt-4", extra=""), "overloaded")
    add("py0", "service_unavailable_slow_down", e, fill(T0_CHAT, model="gpt-4", extra=""), "slow_down")
    add("py0", "try_again_409", e, T0_FT, "conflict")
    add("py0", "azure_access_denied", e, T0_AZURE, "azure_401", base="azure0")
    add("py0", "azure_deployment_not_found", e, T0_AZURE, "azure_deploy", base="azure0")
    add("py0", "connection_refused", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), None, base="refused",
        labels=("APIConnectionError", ["APIConnectionError"]))
    add("py0", "timeout", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra="\n        request_timeout=1,"), "slow",
        labels=("APITimeoutError", ["APITimeoutError"]))
    add("py0", "tls_certificate_verify_failed", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), "success",
        base="tls", labels=("APIConnectionError", ["APIConnectionError"]))
    add("py0", "dns_failure", e, fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), None, base="dns", netns=True,
        labels=("APIConnectionError", ["APIConnectionError"]))

    # ---------------- log shape (python) ----------------
    add("log", "py1_logger_exception_quota", "py1", fill(T_LOGGER, model="gpt-4o-mini"), "quota")
    add("log", "py3new_logger_error_str_rate_limit", "py3", fill(T_LOGGER_STR, model="gpt-4"), "ratelimit_tpm",
        sdk="message")
    add("log", "py1_logger_error_str_context", "py1", fill(T_LOGGER_STR, model="gpt-4"), "context", sdk="message")
    add("log", "py0_openai_log_info_quota", "py0", fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), "quota",
        env_extra={"OPENAI_LOG": "info"}, source_extra=" OPENAI_LOG=info")
    add("log", "py0_openai_log_info_bad_key", "py0", fill(T0_CHAT, model="gpt-3.5-turbo", extra=""), "bad_key",
        env_extra={"OPENAI_LOG": "info"}, source_extra=" OPENAI_LOG=info")
    add("log", "py2_openai_log_debug_region", "py2", chat(), "region", env_extra={"OPENAI_LOG": "debug"},
        source_extra=" OPENAI_LOG=debug")
    return [c for c in C if c is not None]


def removed_script(env_key: str) -> str:
    return fill(T_REMOVED, key=env_key)
