// Used by build.sh after wasm-opt; not part of the package.
//
//   node fix-table-exports.mjs BEFORE.wasm AFTER.wasm
//
// Binaryen <= 109 writes every table export with index 0 (WebAssembly/binaryen#4711, fixed in 110), which points
// wasm-bindgen's __wbindgen_externrefs at the funcref table. Re-point each table export at the table of the same
// element type it had before wasm-opt.
//
// The fix is a no-op with a binaryen that writes exports correctly.
import { readFileSync, writeFileSync } from 'node:fs';
const [before, after] = process.argv.slice(2);
function leb(b, i) {
  let r = 0, s = 0, x;
  do { x = b[i++]; r |= (x & 0x7f) << s; s += 7; } while (x & 0x80);
  return [r >>> 0, i];
}
function uleb(n) {
  const out = [];
  do { let x = n & 0x7f; n >>>= 7; if (n) x |= 0x80; out.push(x); } while (n);
  return out;
}
function parse(b) {
  const sections = [];
  for (let i = 8; i < b.length; ) {
    const id = b[i];
    const [size, start] = leb(b, i + 1);
    sections.push({ id, at: i, start, end: start + size });
    i = start + size;
  }
  const tables = []; // element type of each table, imported ones first
  const exports = []; // { name, kind, index, at, end } (at..end: the index's bytes)
  const skipLimits = (i) => { const flags = b[i++]; [, i] = leb(b, i); if (flags & 1) [, i] = leb(b, i); return i; };
  for (const s of sections) {
    if (s.id === 2) {
      let [n, i] = leb(b, s.start);
      for (; n > 0; n--) {
        let len; [len, i] = leb(b, i); i += len; [len, i] = leb(b, i); i += len;
        const kind = b[i++];
        if (kind === 0) [, i] = leb(b, i);
        else if (kind === 1) { tables.push(b[i++]); i = skipLimits(i); }
        else if (kind === 2) i = skipLimits(i);
        else if (kind === 3) i += 2;
        else throw new Error(`import kind ${kind}`);
      }
    } else if (s.id === 4) {
      let [n, i] = leb(b, s.start);
      for (; n > 0; n--) { tables.push(b[i++]); i = skipLimits(i); }
    } else if (s.id === 7) {
      let [n, i] = leb(b, s.start);
      for (; n > 0; n--) {
        let len; [len, i] = leb(b, i);
        const name = Buffer.from(b.subarray(i, i + len)).toString(); i += len;
        const kind = b[i++]; const at = i; let index; [index, i] = leb(b, i);
        exports.push({ name, kind, index, at, end: i });
      }
    }
  }
  return { sections, tables, exports };
}
const old = parse(readFileSync(before));
const bytes = readFileSync(after);
const now = parse(bytes);
const patches = [];
for (const e of now.exports.filter((e) => e.kind === 1)) {
  const was = old.exports.find((o) => o.kind === 1 && o.name === e.name);
  if (!was) continue;
  const type = old.tables[was.index];
  if (now.tables[e.index] === type) continue;
  const candidates = now.tables.flatMap((t, i) => (t === type ? [i] : []));
  if (candidates.length !== 1) throw new Error(`cannot tell which table ${e.name} is (${candidates.length} of that type)`);
  patches.push({ e, index: candidates[0] });
}
if (patches.length) {
  const exp = now.sections.find((s) => s.id === 7);
  const parts = [];
  let pos = exp.start;
  for (const { e, index } of patches.sort((a, b) => a.e.at - b.e.at)) {
    parts.push(bytes.subarray(pos, e.at), Buffer.from(uleb(index)));
    pos = e.end;
    console.log(`    re-pointed the export ${e.name} from table ${e.index} to table ${index} (binaryen < 110 bug)`);
  }
  parts.push(bytes.subarray(pos, exp.end));
  const body = Buffer.concat(parts);
  writeFileSync(after, Buffer.concat([bytes.subarray(0, exp.at + 1), Buffer.from(uleb(body.length)), body, bytes.subarray(exp.end)]));
}
