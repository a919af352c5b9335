// Shared by the package tests. They run from a temporary project that has the packed tarball installed (see
// test_npm in build.sh), so `openai-error-explainer` below is the installed package, resolved through its exports.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (build.sh sets OEE_ROOT). */
export const ROOT = process.env.OEE_ROOT;
if (!ROOT) {
  throw new Error('These tests run against the packed package: run them with ./build.sh test');
}

/** The temporary consumer project the tests run in. */
export const CONSUMER = dirname(fileURLToPath(import.meta.url));

/** Where npm installed the package. */
export const INSTALLED = join(CONSUMER, 'node_modules', 'openai-error-explainer');

/** The native CLI that the wasm answers are compared with. */
export const CLI = join(ROOT, 'target', 'release', 'openai-error-explainer');

/** Every corpus case, as paths relative to tests/corpus/cases (the corpus may still be growing: read it now). */
export function corpusCases() {
  const base = join(ROOT, 'tests', 'corpus', 'cases');
  const out = [];
  const walk = (dir) => {
    let names;
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.txt')) out.push(relative(base, path));
    }
  };
  walk(base);
  return out.map((rel) => ({ name: rel, path: join(base, rel) }));
}

/** Bytes to text the way the CLI does it (String::from_utf8_lossy: U+FFFD for bad bytes, a BOM kept). */
export function decodeLossy(bytes) {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

export function readCase(path) {
  return decodeLossy(readFileSync(path));
}

/** playwright-core, driving Debian's Chromium (nothing is downloaded). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--no-first-run',
    ],
  });
}

/** Resolves a dev tool (vite, typescript) from the consumer project, where build.sh linked them. */
export const requireTool = createRequire(join(CONSUMER, 'package.json'));
