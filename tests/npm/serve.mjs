// A small static file server on loopback, with the right Content-Type for .wasm (so browsers take the streaming
// path), compressed as static hosts serve a site: brotli or gzip by the request's Accept-Encoding. Used by
// ./build.sh serve, the browser tests and the page's benchmark (through tests/e2e/server.mjs).
//
//   node serve.mjs DIR [PORT]      serves DIR on http://127.0.0.1:PORT/ (PORT 0 picks a free one)

import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

// Images are compressed already; everything else here is text or wasm, which compress 3-4x.
const COMPRESS = /^(text\/|application\/(json|wasm)|image\/svg)/;

/** The encodings the request accepts, best first among the ones served: `br`, `gzip` (q=0 refuses one). */
export function accepted(header = '') {
  const q = new Map();
  for (const part of String(header).toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name.trim(), weight ? Number(weight.slice(2)) : 1);
  }
  const ok = (e) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  return ['br', 'gzip'].filter(ok);
}

// Compressed once per file version, as a host precompresses at deploy: brotli at quality 11, gzip at level 9.
const cache = new Map();
function compressed(file, encoding) {
  const { mtimeMs, size } = statSync(file);
  const key = `${encoding} ${file}`;
  const hit = cache.get(key);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.body;
  const raw = readFileSync(file);
  const body = encoding === 'br'
    ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
    : gzipSync(raw, { level: 9 });
  cache.set(key, { mtimeMs, size, body });
  return body;
}

/**
 * The body and headers for `file` answering `req`: compressed when its type compresses and the request accepts
 * brotli or gzip. `encoding` forces one (`br`, `gzip`, or `identity` for none), for benchmarks.
 */
export function body(req, file, encoding = undefined) {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers = { 'content-type': type };
  if (!COMPRESS.test(type)) return { body: readFileSync(file), headers };
  headers.vary = 'Accept-Encoding';
  const chosen = encoding ?? accepted(req.headers['accept-encoding'])[0] ?? 'identity';
  if (chosen === 'identity') return { body: readFileSync(file), headers };
  headers['content-encoding'] = chosen;
  return { body: compressed(file, chosen), headers };
}

/** Serves `dir` on 127.0.0.1:`port`; resolves to the listening server (its URL in `server.url`). */
export function serve(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    const out = body(req, file);
    res.writeHead(200, { ...out.headers, 'content-length': out.body.length, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : out.body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.url = `http://127.0.0.1:${server.address().port}/`;
      ok(server);
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = '.', port = '8080'] = process.argv.slice(2);
  serve(dir, Number(port)).then(
    (server) => console.log(`Serving ${resolve(dir)} at ${server.url} (brotli or gzip, as the browser accepts)`),
    (e) => {
      console.error(`serve.mjs: cannot listen on 127.0.0.1:${port}: ${e.message}`);
      process.exit(1);
    },
  );
}
