// A tiny static server for www/ on loopback, sending the page's Content-Security-Policy as a header too and
// `.wasm` as application/wasm (so the streaming compile path is the one tested). Also usable alone:
//   node tests/e2e/server.mjs [port]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// OEE_WWW serves another copy of the site (for working on the page while www/pkg is being rebuilt).
export const WWW = resolve(process.env.OEE_WWW ?? fileURLToPath(new URL('../../www', import.meta.url)));
export const CSP = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; base-uri 'none'; object-src 'none'; form-action 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json', '.md': 'text/plain; charset=utf-8',
};

/** Starts the server on 127.0.0.1 (a free port unless given); resolves to {url, close, log}. */
export function serve(root = WWW, port = 0) {
  const log = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(path);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) return send(res, 403, 'forbidden');
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        // frame.html is meant for sandboxed iframes, whose opaque origin fetches modules in CORS mode.
        'Access-Control-Allow-Origin': '*',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      res.end(body);
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
