"""Node drivers: run the REAL openai-node SDKs (4.104.0, 6.49.0, 7.57.0) against the stub and capture
what the user sees: an uncaught error (node prints the error with its properties), console.error(err),
or console.error of the message only."""
from __future__ import annotations

N_MAIN = """\
import OpenAI from 'openai';

const client = new OpenAI({ @CLIENT@ });

async function main() {
  const completion = await client.chat.completions.create({
    model: '@MODEL@',
    messages: [
      { role: 'system', content: 'You are a support assistant for an online bookshop.' },
      { role: 'user', content: 'Where is my order #10442?' },
    ],@EXTRA@
  });
  console.log(completion.choices[0].message.content);
}

main();
"""

N_TLA = """\
import OpenAI from 'openai';

const openai = new OpenAI({ @CLIENT@ });

const response = await openai.chat.completions.create({
  model: '@MODEL@',
  messages: [{ role: 'user', content: 'Generate a SQL query that lists overdue invoices.' }],@EXTRA@
});
console.log(response.choices[0].message.content);
"""

N_CATCH = """\
import OpenAI from 'openai';

const client = new OpenAI({ @CLIENT@ });

async function reply(text) {
  const res = await client.chat.completions.create({
    model: '@MODEL@',
    messages: [{ role: 'user', content: text }],@EXTRA@
  });
  return res.choices[0].message.content;
}

reply('Translate "see you tomorrow" into Spanish.')
  .then(console.log)
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
"""

N_CATCH_MSG = """\
import OpenAI from 'openai';

const client = new OpenAI({ @CLIENT@ });

try {
  const res = await client.chat.completions.create({
    model: '@MODEL@',
    messages: [{ role: 'user', content: 'Suggest a name for a coffee shop.' }],
  });
  console.log(res.choices[0].message.content);
} catch (err) {
  console.error('OpenAI request failed:', err.message);
  process.exit(1);
}
"""

N_STREAM = """\
import OpenAI from 'openai';

const client = new OpenAI({ @CLIENT@ });

const stream = await client.chat.completions.create({
  model: '@MODEL@',
  messages: [{ role: 'user', content: 'Write a short release note for v2.3.' }],
  stream: true,
});
for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta?.content || '');
}
process.stdout.write('\\n');
"""

N_IMAGES = """\
import OpenAI from 'openai';

const client = new OpenAI({ @CLIENT@ });

const image = await client.images.generate({
  model: 'dall-e-3',
  prompt: '@PROMPT@',
  size: '1024x1024',
});
console.log(image.data[0].url);
"""

N_PARSE = """\
import OpenAI from 'openai';

const client = new OpenAI({ @CLIENT@ });

const completion = await client.@PARSE@({
  model: 'gpt-4o-2024-08-06',
  messages: [{ role: 'user', content: 'Extract the event: Alice and Bob meet for lunch on Friday.' }],
  response_format: {
    type: 'json_schema',
    json_schema: {
      name: 'calendar_event',
      strict: true,
      schema: {
        type: 'object',
        properties: { name: { type: 'string' }, date: { type: 'string' }, participants: { type: 'array', items: { type: 'string' } } },
        required: ['name', 'date', 'participants'],
        additionalProperties: false,
      },
    },
  },
  max_completion_tokens: 16,
});
console.log(completion.choices[0].message.parsed);
"""

N_AZURE = """\
import { AzureOpenAI } from 'openai';

const client = new AzureOpenAI({
  endpoint: process.env.AZURE_OPENAI_ENDPOINT,
  apiKey: process.env.AZURE_OPENAI_API_KEY,
  apiVersion: '2024-08-01-preview',
  deployment: 'gpt-4o-prod',
  maxRetries: 0,
});

const result = await client.chat.completions.create({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'Classify this email as spam or not spam.' }],
});
console.log(result.choices[0].message.content);
"""

N_ABORT = """\
import OpenAI from 'openai';

const client = new OpenAI({ maxRetries: 0 });
const controller = new AbortController();
setTimeout(() => controller.abort(), 300);

const completion = await client.chat.completions.create(
  {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Write a long essay about the history of typography.' }],
  },
  { signal: controller.signal },
);
console.log(completion.choices[0].message.content);
"""

N_MISSING = """\
import OpenAI from 'openai';

const openai = new OpenAI();

export async function summarize(text) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  return r.choices[0].message.content;
}

console.log(await summarize('hello'));
"""


def fill(t: str, **kw) -> str:
    for k, v in kw.items():
        t = t.replace("@" + k.upper() + "@", v)
    return t


IMG_PROMPT = "A photorealistic portrait of a famous politician in a prison cell"


class NodeCase:
    def __init__(self, shape, name, env, script, scenario=None, *, base="stub", env_extra=None, netns=False,
                 unset_key=False, labels=None, source_extra="", script_name="index.mjs", timeout=120):
        self.shape, self.name, self.env, self.script, self.scenario = shape, name, env, script, scenario
        self.base, self.env_extra, self.netns, self.unset_key = base, env_extra or {}, netns, unset_key
        self.labels, self.source_extra, self.script_name, self.timeout = labels, source_extra, script_name, timeout


def main_(model="gpt-4o-mini", client="maxRetries: 0", extra=""):
    return fill(N_MAIN, client=client, model=model, extra=("\n    " + extra) if extra else "")


def tla(model="gpt-4o-mini", client="maxRetries: 0", extra=""):
    return fill(N_TLA, client=client, model=model, extra=("\n  " + extra) if extra else "")


def catch(model="gpt-4o-mini", client="maxRetries: 0", extra=""):
    return fill(N_CATCH, client=client, model=model, extra=("\n    " + extra) if extra else "")


def build_cases() -> list[NodeCase]:
    C = []

    def add(*a, **k):
        C.append(NodeCase(*a, **k))

    conn = ("APIConnectionError", ["APIConnectionError"])

    # ---------------- openai-node 4.104.0 ----------------
    e = "node4"
    add("node4", "quota_uncaught", e, main_(), "quota")
    add("node4", "ratelimit_tpm_tla", e, tla(model="gpt-4"), "ratelimit_tpm")
    add("node4", "request_too_large_console_error", e, catch(model="gpt-4o"), "too_large")
    add("node4", "incorrect_api_key", e, main_(), "bad_key")
    add("node4", "ip_not_authorized", e, catch(), "ip_not_authorized")
    add("node4", "mismatched_organization", e, tla(), "mismatched_org",
        env_extra={"OPENAI_ORG_ID": "org-Xb7pQw2LmN9sRt4vKd1yHe6c"})
    add("node4", "unsupported_region", e, main_(), "region")
    add("node4", "project_model_access", e, catch(), "project_model")
    add("node4", "model_not_found", e, tla(model="gpt-5x"), "model_not_found")
    add("node4", "context_length", e, main_(model="gpt-4"), "context")
    add("node4", "unsupported_parameter", e, catch(model="o3-mini", extra="max_tokens: 800,"), "unsupported_param")
    add("node4", "org_not_verified_stream", e, fill(N_STREAM, client="maxRetries: 0", model="o3"), "org_verify")
    add("node4", "content_policy_image", e, fill(N_IMAGES, client="maxRetries: 0", prompt=IMG_PROMPT), "content_policy")
    add("node4", "server_error", e, main_(), "server_error")
    add("node4", "cloudflare_502_html", e, catch(), "cf502")
    add("node4", "unprocessable_422", e, main_(), "unprocessable")
    add("node4", "status_413", e, catch(), "too_big_413", labels=("APIStatusError", ["APIStatusError"]))
    add("node4", "azure_deployment_not_found", e, N_AZURE, "azure_deploy", base="azure")
    add("node4", "azure_rate_limit_short", e, N_AZURE, "azure_429b", base="azure")
    add("node4", "stream_error_event", e, fill(N_STREAM, client="maxRetries: 0", model="gpt-4o-mini"), "stream_error")
    add("node4", "length_finish_reason", e, fill(N_PARSE, client="maxRetries: 0", parse="beta.chat.completions.parse"),
        "length")
    add("node4", "connection_refused", e, main_(), None, base="refused", labels=conn)
    add("node4", "timeout", e, tla(client="maxRetries: 0, timeout: 1000"), "slow")
    add("node4", "tls_unable_to_get_issuer", e, catch(), "success", base="tls", labels=conn)
    add("node4", "dns_failure", e, main_(), None, base="dns", netns=True, labels=conn)
    add("node4", "user_abort", e, N_ABORT, "slow", labels=("APIUserAbortError", ["APIUserAbortError"]))
    add("node4", "missing_key_client", e, N_MISSING, None, base=None, unset_key=True,
        labels=("401-missing-api-key", ["401-missing-api-key"]))
    add("node4", "retries_debug_log_server_error", e, main_(client=""), "server_error",
        env_extra={"DEBUG": "true"}, source_extra=" default retries DEBUG=true")

    # ---------------- openai-node 6.49.0 ----------------
    e = "node6"
    add("node6", "quota_uncaught", e, main_(), "quota")
    add("node6", "quota_credit_console_error", e, catch(), "quota_credit")
    add("node6", "incorrect_api_key", e, catch(), "bad_key")
    add("node6", "invalid_authentication", e, main_(), "invalid_auth")
    add("node6", "no_organization", e, tla(), "no_org")
    add("node6", "invalid_organization", e, catch(), "invalid_org",
        env_extra={"OPENAI_ORG_ID": "org-Xb7pQw2LmN9sRt4vKd1yHe6c"})
    add("node6", "missing_key_server", e, main_(), "missing_key")
    add("node6", "missing_key_client", e, N_MISSING, None, base=None, unset_key=True,
        labels=("401-missing-api-key", ["401-missing-api-key"]))
    add("node6", "unsupported_region", e, catch(), "region")
    add("node6", "invalid_url", e, main_(), "invalid_url", base="stub_no_v1")
    add("node6", "context_length", e, tla(model="gpt-3.5-turbo"), "context2")
    add("node6", "unsupported_parameter", e, main_(model="gpt-5", extra="max_tokens: 1024,"), "unsupported_param")
    add("node6", "content_policy_image", e, fill(N_IMAGES, client="maxRetries: 0", prompt=IMG_PROMPT), "content_policy2")
    add("node6", "server_error_request_id", e, catch(), "server_error2")
    add("node6", "cloudflare_502_page", e, main_(), "cf502_page")
    add("node6", "slow_down_503", e, tla(), "slow_down")
    add("node6", "conflict_409", e, main_(), "conflict")
    add("node6", "azure_access_denied", e, N_AZURE, "azure_401", base="azure")
    add("node6", "azure_resource_not_found", e, N_AZURE, "azure_404", base="azure")
    add("node6", "azure_content_filter", e, N_AZURE, "azure_filter", base="azure")
    add("node6", "stream_error_event", e, fill(N_STREAM, client="maxRetries: 0", model="gpt-4.1"), "stream_error")
    add("node6", "length_finish_reason", e, fill(N_PARSE, client="maxRetries: 0", parse="chat.completions.parse"), "length")
    add("node6", "content_filter_finish_reason", e, fill(N_PARSE, client="maxRetries: 0", parse="chat.completions.parse"),
        "content_filter_finish")
    add("node6", "connection_refused", e, catch(), None, base="refused", labels=conn)
    add("node6", "timeout", e, main_(client="maxRetries: 0, timeout: 1000"), "slow")
    add("node6", "tls_unable_to_get_issuer", e, main_(), "success", base="tls", labels=conn)
    add("node6", "dns_failure", e, catch(), None, base="dns", netns=True, labels=conn)
    add("node6", "user_abort", e, N_ABORT, "slow", labels=("APIUserAbortError", ["APIUserAbortError"]))
    add("node6", "retries_openai_log_quota", e, main_(client=""), "quota", env_extra={"OPENAI_LOG": "info"},
        source_extra=" default retries OPENAI_LOG=info")
    add("node6", "retries_openai_log_refused", e, catch(client=""), None, base="refused", labels=conn,
        env_extra={"OPENAI_LOG": "info"}, source_extra=" default retries OPENAI_LOG=info")
    # openai-node 7.57.0 (npm latest on the day): same printing as v6, kept under node6
    e = "node7"
    add("node6", "v7_quota", e, main_(), "quota")
    add("node6", "v7_incorrect_api_key", e, tla(), "bad_key")

    # ---------------- message-only outputs (console.error(msg, err.message)) ----------------
    add("message", "node4_console_message_quota", "node4", fill(N_CATCH_MSG, client="maxRetries: 0", model="gpt-4o-mini"), "quota")
    add("message", "node6_console_message_deployment", "node6", fill(N_CATCH_MSG, client="maxRetries: 0", model="gpt-4o"),
        "model_not_found")
    add("message", "node6_console_message_refused", "node6", fill(N_CATCH_MSG, client="maxRetries: 0", model="gpt-4o"),
        None, base="refused", labels=conn)
    return C
