#!/usr/bin/env node
// Prints the page weight without a browser (issue #8's size budget: everything the page downloads,
// gzipped, including the entity models, at most 600 KB):
//   - the release wasm raw and gzipped (www/pkg, as `make build` leaves it);
//   - the entity models gzipped on their own (src/entity/data/ner-*.bin, embedded in the wasm);
//   - every file a cold load of www/index.html fetches, gzipped one by one as a server would send
//     them, and the total.
// The file list is found statically, from www/index.html: its href/src links, then in CSS every
// url(...) and @import, in JS every static or dynamic import, `new URL('…', import.meta.url)` (the
// worker, the wasm) and the service worker it registers. Samples fetched on demand are not counted
// (the service worker pre-caches them once the page has loaded; listed separately). The browser
// benchmark (`make bench`) measures the same total from a real cold load in Chromium.
//
//   node scripts/page-weight.mjs            a table
//   node scripts/page-weight.mjs --json     the figures as JSON
//   node scripts/page-weight.mjs --summary  one line (printed by `make build`)
//   node scripts/page-weight.mjs --root www the sources as written (default: dist/www, the
//                                           shipped page with minified JavaScript, when built)
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rootArg = process.argv.indexOf('--root');
const shipped = join(root, 'dist/www');
const www = rootArg > 0 ? resolve(process.argv[rootArg + 1])
  : existsSync(join(shipped, 'index.html')) ? shipped : join(root, 'www');
const wwwName = relative(root, www);
const budget = 600 * 1024;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

const wasmPath = join(www, 'pkg/article_analyzer_bg.wasm');
if (!existsSync(wasmPath)) {
  console.error(`[page-weight] ${wwwName}/pkg/article_analyzer_bg.wasm is missing: run \`make build\` first`);
  process.exit(1);
}

const local = (ref) => ref && !/^([a-z]+:|\/\/|#)/i.test(ref) && !ref.includes('${');
function references(file, text) {
  const refs = [];
  const add = (re) => { for (const m of text.matchAll(re)) if (local(m[1])) refs.push(m[1]); };
  if (file.endsWith('.html')) add(/\s(?:href|src)="([^"]+)"/g);
  if (file.endsWith('.css')) { add(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g); add(/@import\s+['"]([^'"]+)['"]/g); }
  if (file.endsWith('.js') || file.endsWith('.mjs')) {
    // Written or minified (`import{a as b}from"./x.js"`), and re-exports.
    add(/\b(?:import|export)\s*[\w{*$][^'"]*?from\s*['"]([^'"]+)['"]/g);
    add(/\bimport\s*['"]([^'"]+)['"]/g);
    add(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g);
    add(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g);
    add(/serviceWorker\.register\(\s*['"]([^'"]+)['"]/g);
  }
  return refs.map((r) => r.split(/[?#]/)[0]);
}

// The page itself; a service worker's scope is the page's directory, like the links of index.html.
const seen = new Map();
const queue = [join(www, 'index.html')];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file) || !existsSync(file)) continue;
  const bytes = readFileSync(file);
  seen.set(file, { raw: bytes.length, gzip: gz(bytes) });
  for (const ref of references(file, bytes.toString('utf8'))) {
    // register('sw.js') resolves against the page, everything else against the referring file.
    const base = /serviceWorker/.test(ref) ? www : dirname(file);
    queue.push(resolve(base, ref));
  }
}

const rows = [...seen].map(([file, s]) => ({ file: relative(root, file), ...s }))
  .sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
const wasm = rows.find((r) => r.file === `${wwwName}/pkg/article_analyzer_bg.wasm`) ?? { raw: 0, gzip: 0 };
const models = readdirSync(join(root, 'src/entity/data')).filter((f) => /^ner-.*\.bin$/.test(f)).sort()
  .map((f) => { const b = readFileSync(join(root, 'src/entity/data', f)); return { file: `src/entity/data/${f}`, raw: b.length, gzip: gz(b) }; });
const modelsGzip = models.reduce((s, m) => s + m.gzip, 0);
const samplesDir = join(www, 'samples');
const samples = existsSync(samplesDir) ? readdirSync(samplesDir).reduce((s, f) => s + gz(readFileSync(join(samplesDir, f))), 0) : 0;

const figures = {
  wasm: { raw: wasm.raw, gzip: wasm.gzip },
  models: { gzip: modelsGzip, files: models },
  wasmWithoutModelsGzip: wasm.gzip - modelsGzip,
  otherFilesGzip: total.gzip - wasm.gzip,
  page: { raw: total.raw, gzip: total.gzip, files: rows },
  samplesGzip: samples,
  budgetGzip: budget,
  withinBudget: total.gzip <= budget,
};
if (process.argv.includes('--summary')) {
  const n = (x) => x.toLocaleString('en-US');
  console.log(`[page-weight] ${wwwName}: page download ${n(total.gzip)} B gzipped (budget ${n(budget)}${total.gzip <= budget ? '' : ', OVER'}): wasm ${n(wasm.gzip)} (models ${n(modelsGzip)}), other files ${n(total.gzip - wasm.gzip)}; details: make size`);
} else if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const n = (x) => x.toLocaleString('en-US');
  const line = (what, raw, gzip) => console.log(`${what.padEnd(44)} ${(raw === '' ? '' : n(raw)).padStart(11)} ${n(gzip).padStart(11)}`);
  console.log(`${'what'.padEnd(44)} ${'raw B'.padStart(11)} ${'gzip -9 B'.padStart(11)}`);
  line(`release wasm (${wwwName}/pkg)`, wasm.raw, wasm.gzip);
  for (const m of models) line(`  of which ${m.file} (alone)`, m.raw, m.gzip);
  line('  the rest of the wasm (wasm − models, approx.)', '', wasm.gzip - modelsGzip);
  line('everything else the page loads', total.raw - wasm.raw, total.gzip - wasm.gzip);
  for (const r of rows) if (r !== wasm) line(`  ${r.file}`, r.raw, r.gzip);
  line(`TOTAL page download (budget ${n(budget)})`, total.raw, total.gzip);
  console.log(`samples the service worker pre-caches after load (not counted): ${n(samples)} B gzipped`);
  console.log(total.gzip <= budget ? `[page-weight] within budget by ${n(budget - total.gzip)} B`
    : `[page-weight] OVER budget by ${n(total.gzip - budget)} B`);
}
