// The package as a package: arethetypeswrong passes (configured for what is intended: ESM only, which Node 20.19+
// also loads with require(); the .wasm export is a file, not a module), require() works from CommonJS as engines
// promises, the Custom Elements Manifest names what the element really has, and the licences ship.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CONSUMER, INSTALLED, requireTool } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8'));

test('attw (Are the Types Wrong?) finds no problem in the packed tarball', () => {
  const attw = join(CONSUMER, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
  let out;
  try {
    out = execFileSync(process.execPath, [attw, process.env.OEE_TARBALL, '--no-definitely-typed', '--profile', 'esm-only',
      '--exclude-entrypoints', './explainer_bg.wasm', '--format', 'ascii', '--no-color', '--no-emoji'], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`attw found problems:\n${e.stdout}${e.stderr}`);
  }
  assert.match(out, /openai-error-explainer\/element/);
});

test('engines says what works: require() of the ESM package from CommonJS on this Node', () => {
  assert.equal(pkg.engines.node, '>=20.19', 'require(esm) is unflagged from Node 20.19');
  const file = join(CONSUMER, 'consumer.cjs');
  writeFileSync(file, `const { explain } = require('openai-error-explainer');
process.stdout.write(explain('Error code: 429 - You exceeded your current quota').matches[0].id);\n`);
  assert.equal(execFileSync(process.execPath, [file], { encoding: 'utf8', cwd: CONSUMER }), '429-quota-exceeded');
});

test('the Custom Elements Manifest matches the element: attributes, properties, events, CSS properties, parts', async () => {
  assert.equal(pkg.customElements, './custom-elements.json');
  assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
  const cem = JSON.parse(readFileSync(join(INSTALLED, 'custom-elements.json'), 'utf8'));
  const decl = cem.modules.find((m) => m.path === 'element.js').declarations[0];
  assert.equal(decl.tagName, 'openai-error-explainer');
  assert.ok(cem.modules.find((m) => m.path === 'define.js').exports.some((e) => e.kind === 'custom-element-definition'
    && e.name === 'openai-error-explainer'));
  const { OpenAIErrorExplainerElement } = await import('openai-error-explainer/element');
  assert.deepEqual(decl.attributes.map((a) => a.name).sort(), [...OpenAIErrorExplainerElement.observedAttributes].sort());
  const proto = Object.getOwnPropertyNames(OpenAIErrorExplainerElement.prototype);
  for (const m of decl.members) assert.ok(proto.includes(m.name), `the element has no ${m.name}`);
  const source = readFileSync(join(INSTALLED, 'element.js'), 'utf8');
  const used = new Set(source.match(/--oee-[a-z-]+[a-z]/g));
  assert.deepEqual(decl.cssProperties.map((p) => p.name).sort(), [...used].sort());
  const parts = new Set([...source.matchAll(/part: '([a-z]+)'/g)].map((m) => m[1]));
  assert.deepEqual(decl.cssParts.map((p) => p.name).sort(), [...parts].sort());
  assert.deepEqual(decl.events.map((e) => e.name), ['explained']);
});

test('the licences ship with the package', () => {
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.match(readFileSync(join(INSTALLED, 'LICENSE-MIT'), 'utf8'), /^MIT License/);
  assert.match(readFileSync(join(INSTALLED, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
});
