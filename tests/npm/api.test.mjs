// The installed package in Node: it loads on import (no init call), returns plain objects, checks its arguments,
// survives a Rust panic, and is packaged as its package.json says.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';

import init, { catalogue, entry, explain, report, version } from 'openai-error-explainer';
import { CONSUMER, INSTALLED, ROOT } from './helpers.mjs';

// The same module instance the package uses (same file URL), for what the API does not expose.
const internals = await import(pathToFileURL(join(INSTALLED, 'core.js')).href);

const QUOTA =
  "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check " +
  "your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}";

test('explain works right after import, with no init call, and returns a plain object', () => {
  const answer = explain(QUOTA);
  assert.equal(Object.getPrototypeOf(answer), Object.prototype);
  assert.equal(answer.matches[0].id, '429-quota-exceeded');
  assert.equal(answer.evidence.status, 429);
  assert.equal(answer.evidence.error_code, 'insufficient_quota');
  assert.equal(answer.retry.verdict, 'never');
  assert.equal(typeof answer.report, 'string');
  assert.ok(Array.isArray(answer.notes));
});

test('init() exists in Node too, resolves, and changes nothing', async () => {
  await init();
  assert.equal(explain(QUOTA).matches[0].id, '429-quota-exceeded');
});

test('a paste may be given as bytes: the same answer as the string, and invalid UTF-8 is repaired', () => {
  assert.deepStrictEqual(explain(Buffer.from(QUOTA)), explain(QUOTA));
  assert.deepStrictEqual(explain(new TextEncoder().encode(QUOTA)), explain(QUOTA));
  assert.equal(report(Buffer.from(QUOTA)), report(QUOTA));
  const broken = explain(Buffer.concat([Buffer.from([0xff, 0xc3]), Buffer.from(QUOTA), Buffer.from([0xe2, 0x82])]));
  assert.equal(broken.matches[0].id, '429-quota-exceeded');
  for (const bad of [new ArrayBuffer(4), new Uint16Array(4), new DataView(new ArrayBuffer(4))]) {
    assert.throws(() => explain(bad), { name: 'TypeError', message: /needs a string or a Uint8Array/ });
  }
});

test('explain of text that is no OpenAI error has no matches and no retry verdict', () => {
  const answer = explain('hello world');
  assert.deepEqual(answer.matches, []);
  assert.equal(answer.retry, null);
  assert.deepEqual(explain('').matches, []);
});

test('report returns the support report as a string, equal to explain().report', () => {
  const text = report(QUOTA);
  assert.equal(typeof text, 'string');
  assert.ok(text.length > 0);
  assert.equal(text, explain(QUOTA).report);
});

test('catalogue returns every entry as plain objects, and fresh copies', () => {
  const all = catalogue();
  assert.ok(all.length > 10, `only ${all.length} entries`);
  const ids = all.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const e of all) {
    assert.ok(['api', 'sdk', 'guide'].includes(e.kind), `${e.id}: kind ${e.kind}`);
    assert.equal(typeof e.why_html, 'string');
    for (const l of e.links) assert.match(l.url, /^https:\/\//);
  }
  all[0].title = 'changed';
  assert.notEqual(catalogue()[0].title, 'changed');
});

test('entry(id) returns the entry, and undefined for an unknown id', () => {
  const e = entry('429-quota-exceeded');
  assert.equal(e.id, '429-quota-exceeded');
  assert.deepEqual(e, catalogue().find((x) => x.id === '429-quota-exceeded'));
  assert.equal(entry('no-such-entry'), undefined);
  assert.equal(entry(''), undefined);
});

test('version equals package.json, the crate and the WebAssembly module', () => {
  const pkg = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8'));
  assert.equal(version, pkg.version);
  assert.equal(internals.wasmVersion(), version);
  const meta = JSON.parse(
    execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { cwd: ROOT, encoding: 'utf8' }),
  );
  assert.equal(version, meta.packages.find((p) => p.name === 'openai-error-explainer').version);
});

test('wrong argument types throw a TypeError with a message, not a trap', () => {
  for (const bad of [undefined, null, 42, {}, ['x'], Symbol('x')]) {
    assert.throws(() => explain(bad), { name: 'TypeError', message: /explain\(text\) needs a string/ });
    assert.throws(() => report(bad), { name: 'TypeError', message: /report\(text\) needs a string/ });
    assert.throws(() => entry(bad), { name: 'TypeError', message: /entry\(id\) needs a string/ });
  }
  assert.equal(explain(QUOTA).matches[0].id, '429-quota-exceeded');
});

test('a Uint8Array whose ArrayBuffer was transferred away is a TypeError, not a failure inside the module', () => {
  for (const fn of [explain, report]) {
    const buffer = new TextEncoder().encode(QUOTA).buffer;
    const view = new Uint8Array(buffer);
    structuredClone(buffer, { transfer: [buffer] });
    assert.throws(() => fn(view), { name: 'TypeError', message: /detached/ });
  }
  // An empty view of a live buffer is an empty paste, not a detached one.
  assert.deepEqual(explain(new Uint8Array(0)).matches, []);
  assert.equal(explain(QUOTA).matches[0].id, '429-quota-exceeded');
});

test('redact() masks keys; excerpt() is the redacted lines around the errors of a large paste', async () => {
  const { redact, excerpt } = await import('openai-error-explainer');
  const key = 'sk-proj-Zq3xVb7NmK2pLw9RtY4uHc6JdF8gS1aE0oIi5TnMbQeWrXy';
  assert.equal(redact(`OPENAI_API_KEY=${key}`).includes(key.slice(8, 40)), false);
  assert.match(redact(`key ${key} here`), /^key sk-proj-\*{4}WrXy here$/);
  const log = `${'INFO ok\n'.repeat(300_000)}${QUOTA}\nINFO done ${key}\n`;
  const shown = excerpt(Buffer.from(log));
  assert.ok(shown.length < 8192, `${shown.length} characters`);
  assert.ok(shown.includes('insufficient_quota'));
  assert.equal(shown.includes(key.slice(8, 40)), false);
  assert.equal(explain(shown).matches[0].id, explain(log).matches[0].id, 'the excerpt gives the same answer');
});

test('a Rust panic becomes an Error with a message, and the module keeps working', () => {
  for (let i = 0; i < 3; i++) {
    assert.throws(
      () => internals.__panic(),
      (e) => {
        assert.ok(e instanceof Error);
        assert.match(e.message, /__panic\(\) failed inside the WebAssembly module/);
        assert.match(e.message, /restarted/);
        assert.ok(e.cause instanceof WebAssembly.RuntimeError, `cause: ${e.cause}`);
        return true;
      },
    );
    assert.equal(explain(QUOTA).matches[0].id, '429-quota-exceeded');
    assert.equal(catalogue().length, catalogue().length);
  }
});

test('hostile input does not break the module', () => {
  const inputs = [
    '\u0000'.repeat(1000),
    '\uD800 lone surrogate \uDFFF',
    '{'.repeat(20000),
    "{'error': ".repeat(5000),
    'x'.repeat(1_000_000),
    'Error code: 429 - '.repeat(10000),
    '\u202e\u2066 bidi',
  ];
  for (const text of inputs) {
    const answer = explain(text);
    assert.ok(Array.isArray(answer.matches));
  }
  assert.equal(explain(QUOTA).matches[0].id, '429-quota-exceeded');
});

test('package.json: name, version, type, exports with a node condition, types, files, sideEffects', () => {
  const pkg = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'openai-error-explainer');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.types, './index.d.ts');
  const root = pkg.exports['.'];
  assert.deepEqual(Object.keys(root), ['types', 'node', 'default'], 'types first, then node, then default');
  assert.equal(root.node, './node.js');
  assert.equal(root.default, './index.js');
  assert.ok(pkg.exports['./element'] && pkg.exports['./define'], 'the element entries are exported');
  assert.ok(Array.isArray(pkg.sideEffects) && pkg.sideEffects.includes('./define.js'));
  // Modules that only export can be dropped by bundlers when unused; node.js loads the module at import.
  for (const f of ['./element.js', './render.js', './catalogue.js', './core.js', './index.js']) {
    assert.ok(!pkg.sideEffects.includes(f), `${f} has no side effects`);
  }
  assert.ok(pkg.sideEffects.includes('./node.js'), 'node.js instantiates the module at import');
  assert.equal(pkg.exports['./define'].types, './define.d.ts');
  assert.equal(pkg.exports['./element'].types, './element.d.ts');
  for (const f of ['index.js', 'node.js', 'core.js', 'catalogue.js', 'index.d.ts', 'explainer.js', 'explainer_bg.wasm',
    'render.js', 'element.js', 'element.d.ts', 'define.js', 'define.d.ts', 'README.md']) {
    assert.ok(pkg.files.includes(f), `files lists ${f}`);
    assert.ok(existsSync(join(INSTALLED, f)), `${f} is in the tarball`);
  }
});

test('the tarball holds only what files lists', () => {
  const listing = execFileSync('tar', ['-tzf', process.env.OEE_TARBALL], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((p) => p.replace(/^package\//, ''));
  const pkg = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8'));
  const allowed = new Set([...pkg.files, 'package.json']);
  for (const f of listing) assert.ok(allowed.has(f), `unexpected file in the tarball: ${f}`);
});

test('index.d.ts names every field the package returns, and never says any', () => {
  const dts = readFileSync(join(INSTALLED, 'index.d.ts'), 'utf8');
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  assert.doesNotMatch(code, /\bany\b/, 'no `any` in the types');
  const keys = new Set();
  const collect = (v) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        keys.add(k);
        collect(x);
      }
    }
  };
  collect(catalogue());
  collect(explain(QUOTA));
  for (const e of catalogue()) if (e.example) collect(explain(e.example));
  for (const k of keys) assert.match(dts, new RegExp(`^\\s+${k}\\??:`, 'm'), `index.d.ts does not name the field ${k}`);
});

test('the README shows how to use the package in Node and in browsers', () => {
  const readme = readFileSync(join(INSTALLED, 'README.md'), 'utf8');
  assert.match(readme, /import \{[^}]*explain[^}]*\} from 'openai-error-explainer'/);
  assert.match(readme, /await init\(\)/);
});

// The browser entry (index.js) in fresh Node processes: before loading it says what to do; init() and initSync()
// take the module's bytes (what a worker or a custom loader passes).
function runModule(code) {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }).trim();
}

test('the browser entry: a clear Error before init, then init(bytes) and initSync(bytes) load the module', () => {
  const index = JSON.stringify(pathToFileURL(join(INSTALLED, 'index.js')).href);
  const wasm = JSON.stringify(join(INSTALLED, 'explainer_bg.wasm'));
  const early = runModule(`
    import { explain } from ${index};
    try { explain('x'); console.log('no error'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
  `);
  assert.match(early, /^Error: .*before the WebAssembly module was loaded: call `await init\(\)` first/);
  // The catalogue is plain data (catalogue.js): it needs no init.
  const data = runModule(`
    import { catalogue, entry } from ${index};
    console.log(catalogue().length, entry('429-quota-exceeded').why_html.length > 0);
  `);
  assert.equal(data, `${catalogue().length} true`);
  for (const load of [
    `await init(readFileSync(${wasm}));`,
    `await init({ module_or_path: readFileSync(${wasm}) });`,
    `initSync(readFileSync(${wasm}));`,
    `initSync({ module: new WebAssembly.Module(readFileSync(${wasm})) });`,
  ]) {
    const out = runModule(`
      import { readFileSync } from 'node:fs';
      import init, { initSync, explain } from ${index};
      ${load}
      console.log(explain(${JSON.stringify(QUOTA)}).matches[0].id);
    `);
    assert.equal(out, '429-quota-exceeded', load);
  }
  const failed = runModule(`
    import init from ${index};
    try { await init(new Uint8Array([0, 1, 2])); } catch (e) { console.log(e.message); }
  `);
  assert.match(failed, /^openai-error-explainer: could not load the WebAssembly module: /);
});

test("the README's Node example runs as written", () => {
  const readme = readFileSync(join(INSTALLED, 'README.md'), 'utf8');
  const node = readme.slice(readme.indexOf('## Node'));
  const code = node.slice(node.indexOf('```js\n') + 6, node.indexOf('```', node.indexOf('```js\n') + 6));
  const file = join(CONSUMER, 'readme-node.mjs');
  writeFileSync(file, code);
  const out = execFileSync(process.execPath, [file], { encoding: 'utf8', cwd: CONSUMER });
  assert.match(out, /\S/, 'it prints the report');
});
