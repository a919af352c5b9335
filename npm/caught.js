// What a program catches, turned into the text an SDK would have printed, so that `explain(err)` reads a caught
// error with the same readers as a paste: an openai-node APIError (status, headers, the `error` body, request id,
// the `cause` chain), a Vercel AI SDK APICallError (`statusCode`, `responseHeaders`, `responseBody`, and the
// RetryError around it), an axios error (`response.status`, `.headers`, `.data`), any Error (name, message,
// stack, cause).
//
// The object is only read, never run: own data properties are taken as they are; accessors are not called
// (save the engine's own `stack`), no method of the object is called (no toString, no toJSON, no iterator of its
// own), and every read is guarded, so a throwing getter or a hostile Proxy costs that one field. Depth, key
// count, string length and the whole text are bounded, and cycles are cut.

const MAX_DEPTH = 6;
const MAX_KEYS = 64;
const MAX_STRING = 64 * 1024;
const MAX_TEXT = 1024 * 1024;
const MAX_CAUSES = 8;

const nativeToString = Object.prototype.toString;

/** An own property's value when it is plain data, else undefined; never throws. */
function own(obj, key) {
  try {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    if (d && 'value' in d) return d.value;
  } catch {
    // A Proxy trap or a revoked Proxy: this field is missing, the rest is read.
  }
  return undefined;
}

/** The stack the engine wrote: a data property, or an accessor of the engine's own (the only getter called). */
function stackOf(err) {
  let o = err;
  for (let i = 0; i < 16 && o; i++) {
    try {
      const d = Object.getOwnPropertyDescriptor(o, 'stack');
      if (d) {
        if ('value' in d) return d.value;
        return typeof d.get === 'function' && isNative(d.get) ? d.get.call(err) : undefined;
      }
      o = Object.getPrototypeOf(o);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A property found along the prototype chain as plain data (`name` lives on the class's prototype). */
function inherited(obj, key) {
  let o = obj;
  for (let i = 0; i < 16 && o; i++) {
    const v = own(o, key);
    if (v !== undefined) return v;
    try {
      o = Object.getPrototypeOf(o);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isNative(fn) {
  try {
    return /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(fn));
  } catch {
    return false;
  }
}

function isError(v) {
  try {
    return v instanceof Error || nativeToString.call(v) === '[object Error]';
  } catch {
    return false;
  }
}

function className(obj) {
  const ctor = inherited(obj, 'constructor');
  const name = typeof ctor === 'function' ? own(ctor, 'name') : undefined;
  return typeof name === 'string' && name ? name : undefined;
}

function clip(s) {
  return s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}… (${s.length - MAX_STRING} more characters)` : s;
}

/** A header collection as [name, value] pairs: a Fetch `Headers` (read with the engine's own methods), or an object. */
function headerPairs(h) {
  if (h == null || typeof h !== 'object') return [];
  const out = [];
  if (typeof Headers === 'function') {
    try {
      // Headers.prototype's own iterator: throws for anything that is not a real Headers.
      for (const [k, v] of Headers.prototype.entries.call(h)) {
        out.push([k, v]);
        if (out.length >= MAX_KEYS) break;
      }
      return out;
    } catch {
      // Not a Headers: a plain object below.
    }
  }
  let keys = [];
  try {
    keys = Object.keys(h).slice(0, MAX_KEYS);
  } catch {
    return [];
  }
  for (const k of keys) {
    const v = own(h, k);
    if (typeof v === 'string' || typeof v === 'number') out.push([k, String(v)]);
    else if (Array.isArray(v)) out.push([k, v.filter((x) => typeof x === 'string').join(', ')]);
  }
  return out;
}

/** A value as plain data (bounded, cycles cut, accessors and functions left out), or undefined. */
function data(value) {
  const seen = new Set();
  const walk = (v, depth) => {
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'string') return clip(v);
    if (typeof v === 'bigint') return v.toString();
    if (typeof v !== 'object' || depth > MAX_DEPTH || seen.has(v)) return undefined;
    seen.add(v);
    let keys;
    try {
      keys = Array.isArray(v) ? null : Object.keys(v).slice(0, MAX_KEYS);
    } catch {
      return undefined;
    }
    if (!keys) {
      const out = [];
      const n = Math.min(Number(own(v, 'length')) || 0, MAX_KEYS);
      for (let i = 0; i < n; i++) out.push(walk(own(v, String(i)), depth + 1) ?? null);
      return out;
    }
    const out = {};
    for (const k of keys) {
      const x = walk(own(v, k), depth + 1);
      if (x !== undefined) out[k] = x;
    }
    return out;
  };
  return walk(value, 0);
}

/** Plain data as Node's util.inspect prints it (`{ status: 429, error: { code: 'x' } }`), which the readers know. */
function inspect(v, indent) {
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
  if (v === null || typeof v !== 'object') return String(v);
  const pad = '  '.repeat(indent + 1);
  const items = Array.isArray(v)
    ? v.map((x) => inspect(x, indent + 1))
    : Object.entries(v).map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : inspect(k, 0)}: ${inspect(x, indent + 1)}`);
  if (!items.length) return Array.isArray(v) ? '[]' : '{}';
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.map((i) => pad + i).join(',\n')}\n${'  '.repeat(indent)}${close}`;
}

/** A response body: the parsed JSON of a string body (parsing runs nothing), else the value as data. */
function body(v) {
  if (typeof v === 'string') {
    try {
      return data(JSON.parse(v.length > MAX_STRING ? '' : v));
    } catch {
      return clip(v);
    }
  }
  return data(v);
}

/**
 * The HTTP part of a caught error, under the names openai-node uses (status, headers, requestID, error), whichever
 * library's names it came under: openai-node's own, the AI SDK's statusCode/responseHeaders/responseBody, axios's
 * response.status/headers/data.
 */
function http(err) {
  const response = own(err, 'response');
  const r = response && typeof response === 'object' ? response : undefined;
  const out = {};
  const status = [own(err, 'status'), own(err, 'statusCode'), r && own(r, 'status')].find(
    (s) => Number.isInteger(s) && s >= 100 && s <= 599);
  if (status !== undefined) out.status = status;
  const headers = headerPairs(own(err, 'headers') ?? own(err, 'responseHeaders') ?? (r && own(r, 'headers')));
  if (headers.length) out.headers = Object.fromEntries(headers.map(([k, v]) => [k, clip(v)]));
  const requestId = own(err, 'request_id') ?? own(err, 'requestID');
  if (typeof requestId === 'string') out.requestID = clip(requestId);
  const inner = own(err, 'error');
  const sent = own(err, 'responseBody') ?? (r && own(r, 'data'));
  const parsed = sent === undefined ? undefined : body(sent);
  const error = inner && typeof inner === 'object' ? data(inner)
    : parsed && typeof parsed === 'object' && parsed.error !== undefined ? parsed.error : undefined;
  if (error !== undefined) out.error = error;
  else if (parsed !== undefined) out.body = parsed;
  for (const k of ['code', 'param', 'type']) {
    const v = own(err, k);
    if (typeof v === 'string' || typeof v === 'number') out[k] = typeof v === 'string' ? clip(v) : v;
  }
  const config = own(err, 'config');
  const url = own(err, 'url') ?? (config && typeof config === 'object' ? own(config, 'url') : undefined);
  if (typeof url === 'string') out.url = clip(url);
  return out;
}

/** The head of one error: `Name: message`, then the frames of its stack. */
function head(err) {
  const name = own(err, 'name') ?? inherited(err, 'name');
  const cls = className(err);
  const message = own(err, 'message');
  const stack = stackOf(err);
  const shown = typeof name === 'string' && name !== 'Error' ? name : cls ?? (typeof name === 'string' ? name : 'Error');
  const first = `${shown}: ${typeof message === 'string' ? clip(message) : ''}`.trimEnd();
  if (typeof stack !== 'string') return first;
  // A stack starts with `Name: message` as the class was named when it was made; put the real class first.
  const frames = clip(stack).split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 12);
  return [first, ...frames].join('\n');
}

/** Text for one error, as Node prints an uncaught one: its head, then its fields. */
function one(err) {
  const fields = http(err);
  const text = head(err);
  return Object.keys(fields).length ? `${text} ${inspect(fields, 0)}` : text;
}

/**
 * The text of a caught error, or undefined when `value` is no error (a plain `{}`, an array): callers then throw
 * their TypeError. Its causes follow as Node prints them (`[cause]: …`); an AI SDK RetryError is read as its last error.
 */
export function caughtText(value) {
  try {
    return read(value);
  } catch {
    // Something the guards above did not foresee (a revoked Proxy where an array check runs): no error to read.
    return undefined;
  }
}

function read(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (!isError(value) && ['status', 'statusCode', 'response', 'error', 'message'].every((k) => own(value, k) === undefined)) {
    return undefined;
  }
  const seen = new Set();
  const chain = [];
  // An AI SDK RetryError only says how many attempts failed: the last attempt's error is the one to read.
  const last = own(value, 'lastError');
  let err = isError(last) ? last : value;
  while (err && typeof err === 'object' && !seen.has(err) && chain.length < MAX_CAUSES) {
    seen.add(err);
    const text = one(err);
    chain.push(chain.length ? text.replace(/^/gm, '    ').replace(/^ {4}/, '  [cause]: ') : text);
    err = own(err, 'cause');
  }
  const text = chain.join('\n');
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}
