// Sharing an answer by link: the paste, redacted by the core (the same masking as every answer), compressed
// (deflate-raw, or gzip where an engine lacks it) and base64url-encoded into the URL's fragment, `#x=…` or
// `#xg=…`. Browsers never send a fragment to a server, so the link carries the paste to whoever opens it and to
// no one else; opening it explains it in that browser, with no request.
import { excerpt, redact } from './pkg/index.js';
import { h } from './pkg/render.js';

/** A paste longer than this is shared as its excerpt (the lines around its errors), so the link stays usable. */
const SHARE_WHOLE = 64 * 1024;
/** A link never unpacks to more than this: a small fragment can hold a deflate bomb. */
const MAX_OPENED = 4 * 1024 * 1024;
const FORMATS = { x: 'deflate-raw', xg: 'gzip' };

function base64url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unbase64url(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('the shared paste is too large');
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

/** The link for a paste: this page's address with the redacted, compressed paste in the fragment. */
export async function shareLink(text) {
  const safe = text.length > SHARE_WHOLE ? excerpt(text) : redact(text);
  const bytes = new TextEncoder().encode(safe);
  for (const [key, format] of Object.entries(FORMATS)) {
    let stream;
    try {
      stream = new CompressionStream(format);
    } catch {
      continue;
    }
    const packed = await pipe(bytes, stream);
    return `${location.origin}${location.pathname}#${key}=${base64url(packed)}`;
  }
  throw new Error('this browser cannot compress');
}

/**
 * When `hash` is a shared paste, unpacks it and hands its text to `open` (asynchronously), and returns true;
 * false for any other fragment. A damaged link is ignored (nothing is shown but the empty page).
 */
export function openShared(hash, open) {
  const m = /^#(xg?)=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m || typeof DecompressionStream !== 'function') return false;
  Promise.resolve()
    .then(() => pipe(unbase64url(m[2]), new DecompressionStream(FORMATS[m[1]]), MAX_OPENED))
    .then((bytes) => open(new TextDecoder().decode(bytes)), () => {});
  return true;
}

/** A button that copies the link to this answer (and puts it in the address bar, to bookmark or copy by hand). */
export function shareButton(text) {
  if (typeof CompressionStream !== 'function') return '';
  const label = 'Copy link to this answer';
  const btn = h('button', { type: 'button', class: 'share', title: 'The paste goes in the link, keys redacted; the link is never sent to a server' }, label);
  btn.addEventListener('click', async () => {
    let said = 'Could not make the link';
    try {
      const link = await shareLink(text);
      history.replaceState(null, '', link);
      btn.dataset.link = link;
      try {
        await navigator.clipboard.writeText(link);
        said = 'Link copied';
      } catch {
        said = 'Link is in the address bar';
      }
    } catch {
      // No compression in this engine, or a paste it could not pack: said on the button.
    }
    btn.textContent = said;
    clearTimeout(btn._t);
    btn._t = setTimeout(() => { btn.textContent = label; }, 2500);
  });
  return btn;
}
