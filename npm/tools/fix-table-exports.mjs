// Used by build.sh after wasm-opt; not part of the package.
//
//   node fix-table-exports.mjs BEFORE.wasm AFTER.wasm
//
// Binaryen up to 109 writes every table export with index 0 (WebAssembly/binaryen#4711, fixed in 110; Debian 12
// ships 108). That points wasm-bindgen's `__wbindgen_externrefs` at the funcref table, and the module fails at start
// ("WebAssembly.Table.set(): Argument 1 is invalid for table"). The module is otherwise written correctly, so this
// re-points each table export of AFTER at the table with the element type that export had in BEFORE. With a
// binaryen that writes exports correctly it changes nothing.

import { readFileSync, writeFileSync } from 'node:fs';

const SECTION = { import: 2, table: 4, export: 7 };
const KIND = { func: 0, table: 1, memory: 2, global: 3 };

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = readLeb(bytes, at);
  if (flags & 1) [, at] = readLeb(bytes, at);
  return at;
}

function skipName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return start + length;
}

/** The sections, the element type of every table (imported ones first) and every export. */
function parse(bytes) {
  const sections = [];
  for (let at = 8; at < bytes.length; ) {
    const [size, start] = readLeb(bytes, at + 1);
    sections.push({ id: bytes[at], at, start, end: start + size });
    at = start + size;
  }
  const tables = [];
  const exports = [];
  for (const section of sections) {
    let [count, at] = readLeb(bytes, section.start);
    for (; count > 0; count--) {
      if (section.id === SECTION.import) {
        at = skipName(bytes, skipName(bytes, at));
        const kind = bytes[at++];
        if (kind === KIND.func) [, at] = readLeb(bytes, at);
        else if (kind === KIND.table) {
          tables.push(bytes[at]);
          at = skipLimits(bytes, at + 1);
        }
        else if (kind === KIND.memory) at = skipLimits(bytes, at);
        else if (kind === KIND.global) at += 2;
        else throw new Error(`unexpected import kind ${kind}`);
      } else if (section.id === SECTION.table) {
        tables.push(bytes[at]);
        at = skipLimits(bytes, at + 1);
      } else if (section.id === SECTION.export) {
        const [, nameStart] = readLeb(bytes, at);
        const nameEnd = skipName(bytes, at);
        const name = bytes.subarray(nameStart, nameEnd).toString();
        const kind = bytes[nameEnd];
        const [index, end] = readLeb(bytes, nameEnd + 1);
        exports.push({ name, kind, index, at: nameEnd + 1, end });
        at = end;
      } else {
        break;
      }
    }
  }
  return { sections, tables, exports };
}

const [beforePath, afterPath] = process.argv.slice(2);
const before = parse(readFileSync(beforePath));
const bytes = readFileSync(afterPath);
const after = parse(bytes);

const patches = [];
for (const exp of after.exports.filter((e) => e.kind === KIND.table)) {
  const was = before.exports.find((e) => e.kind === KIND.table && e.name === exp.name);
  if (!was) continue;
  const type = before.tables[was.index];
  if (after.tables[exp.index] === type) continue;
  const candidates = after.tables.flatMap((t, i) => (t === type ? [i] : []));
  if (candidates.length !== 1) {
    throw new Error(`fix-table-exports: cannot tell which table the export ${exp.name} means`);
  }
  patches.push({ exp, index: candidates[0] });
}

if (patches.length > 0) {
  const section = after.sections.find((s) => s.id === SECTION.export);
  const parts = [];
  let from = section.start;
  for (const { exp, index } of patches.sort((a, b) => a.exp.at - b.exp.at)) {
    parts.push(bytes.subarray(from, exp.at), leb(index));
    from = exp.end;
    console.log(`    re-pointed the export ${exp.name} from table ${exp.index} to table ${index} (binaryen < 110 bug)`);
  }
  parts.push(bytes.subarray(from, section.end));
  const body = Buffer.concat(parts);
  const head = bytes.subarray(0, section.at + 1);
  writeFileSync(afterPath, Buffer.concat([head, leb(body.length), body, bytes.subarray(section.end)]));
}
