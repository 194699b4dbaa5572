// The browser benchmark: our wasm analysis against what a user would use instead, in one run of
// headless Chromium, plus page-level figures (cold start, long tasks, page weight) and the native
// criterion figures if `cargo bench` wrote them. Prints tables; writes target/bench/results.json.
//
//   node bench/run.mjs [--quick] [--only throughput,memory,tasks,cold,size] [--repeats N] [--cold-root DIR]
//
// --repeats: cold loads per page (default 3; the median is reported). --cold-root: serve the cold
// loads from another checkout's root (it must hold www/, bench/cold.html, seeds/, dist/), to
// compare a change with the same harness.
//
// Needs www/pkg (`make build`); `make bench` runs the whole chain. Inputs come from
// ../shared/data (see bench/inputs.mjs); without them the throughput parts are skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { openBrowser, root } from '../tests/e2e/browser.mjs';

/** The page as shipped under `dir` (dist/www, minified by `make build`), or www/ before it. */
const pagePath = (dir) => (existsSync(join(dir, 'dist/www/index.html')) ? 'dist/www/index.html' : 'www/index.html');
import { prepare } from './inputs.mjs';
import { startServer, loadCold } from './cold-load.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const part = (name) => !onlyArg || onlyArg.includes(name);
const log = (...a) => console.error('[bench]', ...a);
const outDir = join(root, 'target/bench');
mkdirSync(outDir, { recursive: true });

if (!existsSync(join(root, 'www/pkg/article_analyzer_bg.wasm'))) {
  console.error('[bench] www/pkg is missing: run `make build` (or `make bench`, which builds it)');
  process.exit(1);
}
log('bundling the JavaScript baselines (esbuild) into target/bench/vendor.js');
execFileSync(join(root, 'node_modules/.bin/esbuild'), ['bench/vendor.js', '--bundle', '--format=esm',
  '--minify', '--log-level=error', '--outfile=target/bench/vendor.js'], { cwd: root, stdio: 'inherit' });

const manifest = prepare({ log });
const results = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, loadavgAtStart: loadavg() },
  browser: null,
  inputs: manifest,
  throughput: [],
  memory: [],
  longTasks: [],
  cold: {},
  size: {},
  native: [],
  targets: [],
  notes: [],
};

const mb = (bytes, ms) => bytes / 1e6 / (ms / 1000);
const fmt = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
function table(title, header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const w = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(`\n## ${title}\n`);
  console.log(line(all[0]));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
}

async function benchPage(browser) {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(`${browser.url}bench/page.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60000 });
  return page;
}

const browser = await openBrowser({ serveRoot: root });
results.browser = browser.context.browser()?.version() ?? execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
try {
  const inputNames = Object.keys(manifest);
  // ---------------------------------------------------------------- throughput
  if (part('throughput') && inputNames.length) {
    const page = await benchPage(browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;
    const info = await page.evaluate(() => ({ engines: bench.engines, english: bench.english,
      lean: bench.leanOptions, full: bench.fullLeanOptions, known: bench.knownOptionNames }));
    results.options = { 'ours/full': info.full, 'ours/full+lists': {}, 'ours/tokfreq': info.lean, known: info.known };
    log('options the seam knows:', info.known.join(', '), '| tokens+frequency mode:', JSON.stringify(info.lean));
    const sizes = quick ? ['article', '100kb'] : ['article', '5kwords', '100kb', '5mb'];
    for (const name of inputNames.filter((n) => sizes.includes(manifest[n].size))) {
      const { lang, size, bytes } = manifest[name];
      const list = [];
      for (const engine of info.engines) {
        if (lang !== 'en' && info.english.includes(engine)) continue;
        // Slow baselines on 5 MB: estimate from 100 KB and skip what would take minutes a run.
        if (size === '5mb') {
          const small = results.throughput.find((r) => r.engine === engine && r.input === `${lang}-100kb`);
          const estimate = small ? small.median * (bytes / manifest[`${lang}-100kb`].bytes) : 0;
          if (estimate > 60000) {
            results.throughput.push({ engine, input: name, lang, size, bytes, skipped: `estimated ${(estimate / 1000).toFixed(0)} s per run` });
            log(`${name} ${engine}: skipped (estimated ${(estimate / 1000).toFixed(0)} s per run)`);
            continue;
          }
        }
        list.push(engine);
      }
      const budgetMs = size === '5mb' ? (quick ? 20000 : 90000) : 30000;
      const rows = await page.evaluate(([l, n, b]) => bench.measureSet(l, n, { budgetMs: b }), [list, name, budgetMs]);
      for (const r of rows) {
        // CPU time of the page's main thread around k runs (CDP Performance.getMetrics ThreadTime):
        // on a machine shared with other work it shows what wall-clock time hides.
        const k = Math.max(1, Math.min(1000, Math.ceil(300 / Math.max(r.median, 0.001))));
        const before = await threadTime();
        await page.evaluate(([e, n, kk]) => bench.repeat(e, n, kk), [r.engine, name, k]);
        r.cpuMs = ((await threadTime()) - before) * 1000 / k;
        r.cpuMbPerS = mb(bytes, r.cpuMs);
        const row = { ...r, lang, size, bytes, mbPerS: mb(bytes, r.median) };
        results.throughput.push(row);
        log(`${name.padEnd(11)} ${r.engine.padEnd(19)} ${fmt(r.median, 2).padStart(9)} ms  ${fmt(row.mbPerS).padStart(6)} MB/s  (${r.runs} runs × ${r.repeats}; best ${fmt(r.min, 2)} ms; CPU ${fmt(r.cpuMs, 2)} ms = ${fmt(r.cpuMbPerS)} MB/s)`);
      }
    }
    // words/s with one reference count (ours) so engines compare on the same work.
    for (const row of results.throughput) {
      const ref = results.throughput.find((r) => r.input === row.input && r.engine === 'ours/full');
      if (ref && !row.skipped) row.refWordsPerS = ref.words / (row.median / 1000);
    }
    await page.close();
  }

  // ---------------------------------------------------------------- memory at 5 MB
  if (part('memory') && inputNames.some((n) => manifest[n].size === '5mb')) {
    for (const name of inputNames.filter((n) => manifest[n].size === '5mb')) {
      const { lang, bytes, utf16 } = manifest[name];
      for (const engine of ['ours/full', 'ours/full+lists', 'ours/full+packed', 'ours/tokfreq', 'segmenter', 'regex', 'wink/full', 'wink/tokfreq']) {
        if (lang !== 'en' && engine.startsWith('wink')) continue;
        const page = await benchPage(browser);
        const cdp = await page.context().newCDPSession(page);
        await page.evaluate((n) => bench.load(n), name);
        const heap = async (gc) => {
          if (gc) await cdp.send('HeapProfiler.collectGarbage');
          return (await cdp.send('Runtime.getHeapUsage')).usedSize;
        };
        const base = await heap(true);
        const wasmBefore = await page.evaluate(() => bench.wasmMemory());
        await page.evaluate(([e, n]) => bench.runAndKeep(e, n), [engine, name]);
        const afterNoGc = await heap(false);
        const retained = await heap(true);
        const wasmAfter = await page.evaluate(() => bench.wasmMemory());
        const row = { engine, input: name, bytes, jsHeapAfterRun: afterNoGc - base, jsHeapRetained: retained - base,
          wasmMemory: engine.startsWith('ours') ? wasmAfter : 0, wasmMemoryBefore: wasmBefore };
        row.peakEstimate = Math.max(0, row.jsHeapAfterRun) + row.wasmMemory;
        row.ratio = row.peakEstimate / bytes;
        results.memory.push(row);
        log(`memory ${name} ${engine}: js +${kb(row.jsHeapAfterRun)} (retained ${kb(row.jsHeapRetained)}), wasm ${kb(row.wasmMemory)} → ${fmt(row.ratio)}× input`);
        await cdp.detach();
        await page.close();
      }
    }
  }

  // ---------------------------------------------------------------- long tasks via the worker client
  if (part('tasks') && inputNames.length) {
    const page = await benchPage(browser);
    for (const name of inputNames) {
      for (const [label, options] of [['lean', { tokens: false, sentences: false }], ['full+lists', {}]]) {
        if (quick && manifest[name].size === '5mb') continue;
        const runs = await page.evaluate(([n, o]) => bench.clientRun(n, o, 3), [name, options]);
        const longest = Math.max(...runs.map((r) => r.longest));
        const totals = runs.map((r) => r.total).sort((a, b) => a - b);
        results.longTasks.push({ input: name, result: label, longestMs: longest, totalMs: totals[1], workerMs: runs[1].workerMs, runs });
        log(`client ${name} ${label}: ${fmt(totals[1])} ms to the result (${fmt(runs[1].workerMs)} in the worker), longest main-thread task ${fmt(longest)} ms`);
      }
    }
    await page.close();
    // The real page with 5 MB pasted: the whole path, the paste included.
    for (const name of inputNames.filter((n) => manifest[n].size === '5mb')) {
      const p = await browser.context.newPage();
      await p.addInitScript(() => {
        globalThis.__longTasks = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) globalThis.__longTasks.push(e.duration); })
          .observe({ type: 'longtask', buffered: true });
      });
      await p.goto(`${browser.url}${pagePath(root)}`);
      await p.waitForFunction(() => document.body.dataset.analyzed === 'true', null, { timeout: 30000 }).catch(() => {});
      const text = readFileSync(join(root, manifest[name].file), 'utf8');
      // The harness's own work, each in tasks of its own before the measurement: 5 MB handed to
      // the page over CDP, then put on a clipboard object (a reader's clipboard is filled by the
      // browser, outside the page).
      await p.evaluate((t) => { globalThis.__benchText = t; }, text);
      await p.evaluate(async () => {
        globalThis.__benchClipboard = new DataTransfer();
        globalThis.__benchClipboard.setData('text/plain', globalThis.__benchText);
        await new Promise((r) => setTimeout(r, 300)); // (its long task reported before the reset)
      });
      const words = await p.evaluate(async () => {
        const t = globalThis.__benchText;
        const area = document.querySelector('textarea');
        globalThis.__longTasks.length = 0;
        delete document.body.dataset.analyzed;
        const a = performance.now();
        // Pasted as a reader pastes: a paste event on the text box (the page takes a text this
        // long out of the box, see LARGE in app.js). Until the next frames are painted, the
        // tasks are the paste's, reported apart from the analysis's.
        area.value = '';
        area.focus();
        area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: globalThis.__benchClipboard, bubbles: true, cancelable: true }));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
        const textareaMs = performance.now() - a;
        const textareaTasks = globalThis.__longTasks.splice(0);
        // The page marks each result; wait for the words count to change from the old one.
        // Never forever: a page that shows no result within three minutes is reported as such.
        const gaveUp = performance.now() + 180000;
        const timedOut = await new Promise((resolve) => {
          const done = () => (document.body.dataset.analyzedLength !== undefined
            ? Number(document.body.dataset.analyzedLength) === t.length
            : document.body.dataset.analyzed === 'true');
          const check = () => {
            if (done()) resolve(false);
            else if (performance.now() > gaveUp) resolve(true);
            else setTimeout(check, 10);
          };
          check();
        });
        if (timedOut) {
          return { timedOut, ms: performance.now() - a, textareaMs, textareaTasks, status: document.querySelector('#status')?.textContent, tasks: [...globalThis.__longTasks] };
        }
        await new Promise((r) => setTimeout(r, 200));
        return { ms: performance.now() - a, textareaMs, textareaTasks, shown: document.querySelector('[data-stat="words"]')?.textContent, tasks: [...globalThis.__longTasks] };
      });
      // The page keeps the text it was given (IndexedDB, shared by every page of this browser
      // profile): forget it, so the next page does not start by restoring and analyzing it.
      await p.evaluate(() => new Promise((resolve) => {
        const request = indexedDB.deleteDatabase('article-analyzer');
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }));
      if (words.timedOut) {
        log(`page ${name}: no result shown within 3 minutes (status: ${words.status}); skipped`);
        results.longTasks.push({ input: name, result: 'page: no result within 3 minutes', longestMs: Math.max(0, ...words.tasks), totalMs: words.ms, tasks: words.tasks });
        await p.close();
        continue;
      }
      results.longTasks.push({ input: name, result: 'page: 5 MB pasted into its text box', longestMs: Math.max(0, ...words.textareaTasks), totalMs: words.textareaMs, tasks: words.textareaTasks });
      results.longTasks.push({ input: name, result: 'page: then analyzed and shown', longestMs: Math.max(0, ...words.tasks), totalMs: words.ms - words.textareaMs, tasks: words.tasks, shown: words.shown });
      log(`page ${name}: paste ${fmt(words.textareaMs)} ms (long tasks ${words.textareaTasks.map((t) => fmt(t)).join(', ') || 'none'}), then ${fmt(words.ms - words.textareaMs)} ms to the shown result (${words.shown} words), long tasks: ${words.tasks.map((t) => fmt(t)).join(', ') || 'none'}`);
      await p.close();
    }
  }
} finally {
  await browser.close();
}

// ---------------------------------------------------------------- cold start and page weight
// Each load: a fresh browser and profile, nothing cached; see bench/cold-load.mjs for how the
// harness keeps out of the way of what it measures.
const coldRoot = args.includes('--cold-root') ? args[args.indexOf('--cold-root') + 1] : root;
const coldRepeats = Number(args.includes('--repeats') ? args[args.indexOf('--repeats') + 1] : 3);
async function coldLoad(server, path, { inject = true, repeats = coldRepeats } = {}) {
  const out = [];
  for (let i = 0; i < repeats; i++) {
    const b = await openBrowser({ serveRoot: root }); // (its own server stays unused)
    try {
      const { page, seen, firstResultMs } = await loadCold(b.context, server, path, { inject });
      await page.waitForTimeout(300);
      const responses = [];
      for (const res of seen) {
        try {
          responses.push({ url: res.url().replace(server.url, '/'), body: await res.body() });
        } catch { /* redirects and the like have no body */ }
      }
      for (const r of responses) {
        r.raw = r.body.length;
        r.gzip = gzipSync(r.body, { level: 9 }).length;
        delete r.body;
      }
      out.push({ firstResultMs, responses });
    } finally {
      await b.close();
    }
  }
  const ms = out.map((o) => o.firstResultMs).filter((x) => x !== null).sort((a, b) => a - b);
  if (!ms.length) return { medianMs: null, runs: [], responses: out[0].responses, gzipBytes: out[0].responses.reduce((s, r) => s + r.gzip, 0), rawBytes: 0, failed: 'no result within 30 s' };
  const responses = out[0].responses;
  return { medianMs: ms[Math.floor(ms.length / 2)], runs: ms, responses,
    gzipBytes: responses.reduce((s, r) => s + r.gzip, 0), rawBytes: responses.reduce((s, r) => s + r.raw, 0) };
}
if (part('cold')) {
  const server = await startServer(coldRoot);
  try {
    results.cold.page = await coldLoad(server, pagePath(coldRoot));
    log(`cold start ${pagePath(coldRoot)}: ${fmt(results.cold.page.medianMs)} ms to the seed's counts (runs: ${results.cold.page.runs.map((x) => fmt(x, 0)).join(', ')}); downloads ${kb(results.cold.page.gzipBytes)} gzipped`);
    results.cold.client = await coldLoad(server, 'bench/cold.html', { inject: false });
    log(`cold start, worker client alone: ${fmt(results.cold.client.medianMs)} ms (runs: ${results.cold.client.runs.map((x) => fmt(x, 0)).join(', ')})`);
    if (existsSync(join(coldRoot, 'dist/article-analyzer.html'))) {
      results.cold.singleFile = await coldLoad(server, 'dist/article-analyzer.html');
      log(`cold start dist/article-analyzer.html: ${fmt(results.cold.singleFile.medianMs)} ms (runs: ${results.cold.singleFile.runs.map((x) => fmt(x, 0)).join(', ')})`);
    } else {
      results.notes.push('dist/article-analyzer.html is absent: single-file cold start not measured');
      log('skipping the single-file build: dist/article-analyzer.html is absent');
    }
  } finally {
    server.close();
  }
}

// ---------------------------------------------------------------- sizes
const wasmFile = readFileSync(join(root, 'www/pkg/article_analyzer_bg.wasm'));
results.size.wasmRaw = wasmFile.length;
results.size.wasmGzip = gzipSync(wasmFile, { level: 9 }).length;
if (results.cold.page) results.size.pageGzip = results.cold.page.gzipBytes;
if (results.cold.singleFile) results.size.singleFileGzip = results.cold.singleFile.gzipBytes;

// ---------------------------------------------------------------- native (criterion's estimates)
const crit = join(root, 'target/criterion');
if (existsSync(crit)) {
  for (const group of readdirSync(crit)) {
    const m = manifest[group];
    if (!m) continue;
    for (const id of readdirSync(join(crit, group))) {
      const f = join(crit, group, id, 'new/estimates.json');
      if (!existsSync(f)) continue;
      const est = JSON.parse(readFileSync(f, 'utf8'));
      const ns = est.median?.point_estimate ?? est.mean.point_estimate;
      results.native.push({ input: group, stage: id, ms: ns / 1e6, mbPerS: mb(m.bytes, ns / 1e6) });
    }
  }
}
results.machine.loadavgAtEnd = loadavg();

// ---------------------------------------------------------------- tables
const T = results.throughput;
const get = (engine, input) => T.find((r) => r.engine === engine && r.input === input);
if (T.length) {
  const engines = [...new Set(T.map((r) => r.engine))];
  for (const input of [...new Set(T.map((r) => r.input))]) {
    const m = manifest[input];
    const base = get('ours/full', input);
    const tokf = get('ours/tokfreq', input);
    table(`${input}: ${m.corpus}, ${(m.bytes / 1e3).toFixed(1)} KB, ${m.words} words (median of ≥ 10 runs after warm-up unless noted)`,
      ['engine', 'ms/run', 'best ms', 'MB/s', 'CPU ms/run', 'MB/s by CPU', 'words/s', 'runs', 'time ÷ ours/full', 'time ÷ ours/tokfreq'],
      engines.map((e) => get(e, input)).filter(Boolean).map((r) => r.skipped
        ? [r.engine, 'skipped', '', '', '', '', '', '', r.skipped, '']
        : [r.engine, fmt(r.median, 2), fmt(r.min, 2), fmt(r.mbPerS), fmt(r.cpuMs, 2), fmt(r.cpuMbPerS), r.refWordsPerS ? `${(r.refWordsPerS / 1e6).toFixed(2)} M` : '—', r.repeats > 1 ? `${r.runs}×${r.repeats}` : r.runs,
          base ? `${fmt(r.median / base.median, 2)}×` : '—', tokf ? `${fmt(r.median / tokf.median, 2)}×` : '—']));
  }
}
if (results.memory.length) {
  table('Memory at 5 MB (JS heap growth measured with CDP after the run, before and after GC; wasm = linear memory, which never shrinks, so it is the peak)',
    ['input / engine', 'JS after run', 'JS retained', 'wasm memory', 'peak est. / input'],
    results.memory.map((r) => [`${r.input} ${r.engine}`, kb(r.jsHeapAfterRun), kb(r.jsHeapRetained), r.wasmMemory ? kb(r.wasmMemory) : '—', `${fmt(r.ratio)}×`]));
}
if (results.longTasks.length) {
  table('Main thread while analyzing (the page\'s worker client; longest task > 50 ms counts as a long task)',
    ['input', 'result', 'to result ms', 'in worker ms', 'longest task ms'],
    results.longTasks.map((r) => [r.input, r.result, fmt(r.totalMs), fmt(r.workerMs), fmt(r.longestMs)]));
}
if (results.cold.page) {
  table('Cold start (fresh profile, nothing cached) and page weight',
    ['what', `first result ms (median of ${coldRepeats})`, 'downloads gzipped', 'raw'],
    [[`${pagePath(coldRoot)} + seed pasted at DOMContentLoaded`, fmt(results.cold.page.medianMs), kb(results.cold.page.gzipBytes), kb(results.cold.page.rawBytes)],
      ['worker client alone (bench/cold.html)', fmt(results.cold.client.medianMs), '—', '—'],
      ...(results.cold.singleFile ? [['dist/article-analyzer.html', fmt(results.cold.singleFile.medianMs), kb(results.cold.singleFile.gzipBytes), kb(results.cold.singleFile.rawBytes)]] : [])]);
  table('What the page downloads (cold load)', ['url', 'raw', 'gzip -9'],
    results.cold.page.responses.map((r) => [r.url, kb(r.raw), kb(r.gzip)]));
}
table('wasm size', ['file', 'raw', 'gzip -9'], [['www/pkg/article_analyzer_bg.wasm', kb(results.size.wasmRaw), kb(results.size.wasmGzip)]]);
if (results.native.length) {
  const stages = [...new Set(results.native.map((r) => r.stage))];
  const inputs = [...new Set(results.native.map((r) => r.input))];
  table('Native (criterion, release) MB/s per stage', ['input', ...stages],
    inputs.map((i) => [i, ...stages.map((s) => fmt(results.native.find((r) => r.input === i && r.stage === s)?.mbPerS))]));
}

// ---------------------------------------------------------------- targets
function target(name, met, figure) {
  results.targets.push({ name, met, figure });
}
for (const lang of ['en', 'ar']) {
  for (const size of ['100kb', '5mb']) {
    const r = get('ours/full', `${lang}-${size}`);
    if (r) target(`full analysis ≥ 20 MB/s (${lang}, ${size}, lean result)`, r.mbPerS >= 20, `${fmt(r.mbPerS)} MB/s (with token+sentence lists: ${fmt(get('ours/full+lists', `${lang}-${size}`)?.mbPerS)} MB/s)`);
    const t = get('ours/tokfreq', `${lang}-${size}`);
    const seg = get('segmenter', `${lang}-${size}`);
    const rx = get('regex', `${lang}-${size}`);
    if (t) target(`tokens+frequency ≥ 40 MB/s (${lang}, ${size})`, t.mbPerS >= 40, `${fmt(t.mbPerS)} MB/s`);
    if (t && seg && rx) target(`tokens+frequency faster than Intl.Segmenter+Map and /\\p{L}+/gu+Map (${lang}, ${size})`,
      t.median < seg.median && t.median < rx.median, `${fmt(t.mbPerS)} vs ${fmt(seg.mbPerS)} and ${fmt(rx.mbPerS)} MB/s`);
  }
}
for (const size of ['100kb', '5mb']) {
  const o = get('ours/full', `en-${size}`);
  const w = get('wink/full', `en-${size}`);
  if (o && w) target(`full analysis ≥ 4× wink-nlp (en, ${size})`, w.median / o.median >= 4, `${fmt(w.median / o.median, 2)}× (${fmt(o.mbPerS)} vs ${fmt(w.mbPerS)} MB/s)`);
}
for (const lang of ['en', 'ar']) {
  const r = get('ours/full', `${lang}-5kwords`);
  if (r) target(`one 5,000-word article ≤ 3 ms warm (${lang}, ${manifest[`${lang}-5kwords`].words} words)`, r.median <= 3, `${fmt(r.median, 2)} ms (with lists: ${fmt(get('ours/full+lists', `${lang}-5kwords`)?.median, 2)} ms)`);
  const a = get('ours/full', `${lang}-article`);
  const b = get('ours/full', `${lang}-5mb`);
  if (a && b) {
    const perByteRatio = (b.median / manifest[`${lang}-5mb`].bytes) / (a.median / manifest[`${lang}-article`].bytes);
    target(`linear scaling: 5 MB ≤ 1.2 × (1000 × 5 KB) per byte (${lang})`, perByteRatio <= 1.2, `${fmt(perByteRatio, 2)}× the per-byte time of one article`);
  }
}
if (results.cold.page) target(`cold start to first result ≤ 300 ms (${pagePath(coldRoot)})`, results.cold.page.medianMs <= 300, `${fmt(results.cold.page.medianMs)} ms (worker client alone: ${fmt(results.cold.client.medianMs)} ms)`);
if (results.cold.singleFile) target('cold start to first result ≤ 300 ms (dist/article-analyzer.html)', results.cold.singleFile.medianMs <= 300, `${fmt(results.cold.singleFile.medianMs)} ms`);
if (results.longTasks.length) {
  const clientLean = results.longTasks.filter((r) => r.result === 'lean');
  const worst = Math.max(...clientLean.map((r) => r.longestMs));
  target('no main-thread task over 50 ms at any size (worker client, lean result)', worst <= 50, `longest ${fmt(worst)} ms`);
  const full = results.longTasks.filter((r) => r.result === 'full+lists');
  if (full.length) {
    const w = Math.max(...full.map((r) => r.longestMs));
    target('no main-thread task over 50 ms at any size (worker client, full result with lists)', w <= 50, `longest ${fmt(w)} ms`);
  }
  for (const [label, pick] of [['the page analyzing and showing 5 MB', 'page: then'], ['the page taking 5 MB pasted into its text box', 'page: 5 MB']]) {
    const rows = results.longTasks.filter((r) => r.result.startsWith(pick));
    if (!rows.length) continue;
    const w = Math.max(...rows.map((r) => r.longestMs));
    target(`no main-thread task over 50 ms (${label})`, w <= 50, `longest ${fmt(w)} ms`);
  }
}
if (results.size.pageGzip) target('page weight ≤ 600 KB gzipped', results.size.pageGzip <= 600 * 1024, kb(results.size.pageGzip));
for (const r of results.memory.filter((m) => m.engine === 'ours/full')) {
  target(`memory ≤ 8× input at 5 MB (${r.input}, lean result)`, r.ratio <= 8, `${fmt(r.ratio)}× (wasm ${kb(r.wasmMemory)} + JS ${kb(Math.max(0, r.jsHeapAfterRun))} for ${kb(r.bytes)})`);
}
table('Targets', ['target', 'met', 'figure'], results.targets.map((t) => [t.name, t.met ? 'met' : 'NOT MET', t.figure]));
console.log(`\nChromium ${results.browser}; ${results.machine.cpu}, ${results.machine.cores} cores; load average ${results.machine.loadavgAtStart.map((x) => x.toFixed(1)).join(' ')} at start, ${results.machine.loadavgAtEnd.map((x) => x.toFixed(1)).join(' ')} at end`);
writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2));

// ---------------------------------------------------------------- markdown for the README
const md = [];
const mdTable = (header, rows) => {
  md.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
  for (const r of rows) md.push(`| ${r.join(' | ')} |`);
  md.push('');
};
if (T.length) {
  const inputs = [...new Set(T.map((r) => r.input))];
  const engines = [...new Set(T.map((r) => r.engine))];
  md.push('Throughput, MB/s of UTF-8 input: wall-clock median / main-thread CPU time (higher is better).', '');
  mdTable(['engine', ...inputs.map((i) => `${i} (${(manifest[i].bytes / 1e3).toFixed(0)} KB)`)],
    engines.map((e) => [e, ...inputs.map((i) => {
      const r = get(e, i);
      if (!r) return '';
      return r.skipped ? 'skipped' : `${fmt(r.mbPerS)} / ${fmt(r.cpuMbPerS)}`;
    })]));
  md.push('Milliseconds per run, wall-clock median (CPU):', '');
  mdTable(['engine', ...inputs],
    engines.map((e) => [e, ...inputs.map((i) => {
      const r = get(e, i);
      if (!r) return '';
      return r.skipped ? r.skipped : `${fmt(r.median, r.median < 10 ? 2 : 0)} (${fmt(r.cpuMs, r.cpuMs < 10 ? 2 : 0)})`;
    })]));
}
if (results.targets.length) {
  md.push('Targets:', '');
  mdTable(['target', 'met', 'measured'], results.targets.map((t) => [t.name.replace(/\|/g, '\\|'), t.met ? 'met' : '**not met**', t.figure.replace(/\|/g, '\\|')]));
}
writeFileSync(join(outDir, 'summary.md'), md.join('\n'));
console.log('results: target/bench/results.json (and summary.md, the tables as markdown)');
