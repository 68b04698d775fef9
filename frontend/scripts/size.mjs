#!/usr/bin/env node
// Prints the gzipped size of the initial JavaScript (every script and modulepreload
// that dist/index.html references) and fails when it exceeds the budget.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.SIZE_BUDGET_KB ?? 250);
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error('dist/index.html not found: run `npm run build` first.');
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');
const refs = new Set();
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"[^>]*>/g)) refs.add(m[1]);
const css = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g)].map((m) => m[1]);

const kb = (n) => (n / 1024).toFixed(1);
let total = 0;
let totalRaw = 0;
console.log('Initial JavaScript (referenced by dist/index.html):');
for (const ref of refs) {
  if (/^https?:/.test(ref)) continue;
  const file = join(dist, ref.replace(/^\//, ''));
  const buf = readFileSync(file);
  const gz = gzipSync(buf, { level: 9 }).length;
  total += gz;
  totalRaw += buf.length;
  console.log(`  ${ref.padEnd(44)} ${kb(buf.length).padStart(8)} kB  gzip ${kb(gz).padStart(7)} kB`);
}
for (const ref of css) {
  const buf = readFileSync(join(dist, ref.replace(/^\//, '')));
  console.log(`  (css, not counted) ${ref.padEnd(25)} ${kb(buf.length).padStart(8)} kB  gzip ${kb(gzipSync(buf, { level: 9 }).length).padStart(7)} kB`);
}
console.log(`Total initial JS: ${kb(totalRaw)} kB raw, ${kb(total)} kB gzipped (budget ${BUDGET_KB} kB).`);
if (refs.size === 0) {
  console.error('No scripts found in dist/index.html.');
  process.exit(1);
}
if (total > BUDGET_KB * 1024) {
  console.error(`FAIL: initial JS is over the ${BUDGET_KB} kB gzipped budget.`);
  process.exit(1);
}
console.log('OK');
