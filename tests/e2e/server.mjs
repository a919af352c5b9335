// A tiny static server for the built site (site/, which ./build.sh makes from www/) on loopback, sending the
// page's Content-Security-Policy as a header too, `.wasm` as application/wasm (so the streaming compile path is
// the one tested), and every text file and the .wasm compressed as static hosts send them (brotli or gzip, by
// Accept-Encoding; tests/npm/serve.mjs decides). Also usable alone:
//   node tests/e2e/server.mjs [port]
import { createServer } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { body } from '../npm/serve.mjs';

// OEE_WWW serves another copy of the site (for working on the page while site/ is being rebuilt).
export const WWW = resolve(process.env.OEE_WWW ?? fileURLToPath(new URL('../../site', import.meta.url)));
export const CSP = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; base-uri 'none'; object-src 'none'; form-action 'none'";

/**
 * Starts the server on 127.0.0.1 (a free port unless given); resolves to {url, close, log}. `encoding` (`br`,
 * `gzip`, `identity`) forces one for every compressible file, whatever the browser asks (for the benchmarks).
 */
export function serve(root = WWW, port = 0, { encoding } = {}) {
  const log = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(path);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) return send(res, 403, 'forbidden');
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const out = body(req, file, encoding);
      res.writeHead(200, {
        ...out.headers,
        'Content-Length': out.body.length,
        'Content-Security-Policy': CSP,
        // frame.html is meant for sandboxed iframes, whose opaque origin fetches modules in CORS mode.
        'Access-Control-Allow-Origin': '*',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      res.end(out.body);
    } catch {
      send(res, 404, 'not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}`,
    log,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
  })));
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Security-Policy': CSP });
  res.end(text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serve(WWW, Number(process.argv[2] ?? 8000));
  console.log(`serving ${WWW} at ${url}/`);
}
