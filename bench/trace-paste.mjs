// What each long main-thread task is while the page takes a big paste and shows its result: the
// page (www/index.html) gets a text pasted as a reader pastes it, under a Chrome trace (CDP
// Tracing, forced-layout stacks included) and the JS sampling profiler; every main-thread task
// over --over ms (default 40) is printed with its style, layout and paint events over 1 ms and
// the JS functions it spent its samples in. The raw trace is written to
// target/bench/trace-paste-NAME.json (DevTools' Performance panel opens it).
//
//   node bench/trace-paste.mjs [ar-5mb | en-5mb | any name in target/bench/inputs] [--over MS]
//
// Needs `make build` and the inputs (`node bench/inputs.mjs`). Tracing slows the page: compare
// runs with each other, and take the figures themselves from `node bench/run.mjs --only tasks`.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, root } from '../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--')) ?? 'ar-5mb';
const over = Number(args.includes('--over') ? args[args.indexOf('--over') + 1] : 40);
const input = join(root, `target/bench/inputs/${name}.txt`);
if (!existsSync(input)) {
  console.log(`[trace-paste] ${input} is missing: run \`node bench/inputs.mjs\` first (skipped)`);
  process.exit(0);
}
mkdirSync(join(root, 'target/bench'), { recursive: true });
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack', 'v8.execute', 'blink.user_timing', 'toplevel', 'v8'];

const b = await openBrowser({ serveRoot: root });
try {
  const p = await b.context.newPage();
  await p.goto(`${b.url}www/index.html`);
  await p.waitForFunction(() => document.querySelector('textarea'));
  await p.evaluate((t) => {
    globalThis.__clip = new DataTransfer();
    globalThis.__clip.setData('text/plain', t);
  }, readFileSync(input, 'utf8'));
  const cdp = await b.context.newCDPSession(p);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  await p.evaluate(async () => {
    const length = globalThis.__clip.getData('text/plain').length;
    const area = document.querySelector('textarea');
    area.value = '';
    area.focus();
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: globalThis.__clip, bubbles: true, cancelable: true }));
    const gaveUp = performance.now() + 180000;
    await new Promise((resolve) => {
      const check = () => (Number(document.body.dataset.analyzedLength) === length || performance.now() > gaveUp ? resolve() : setTimeout(check, 10));
      check();
    });
    await new Promise((r) => setTimeout(r, 500));
  });
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;
  const file = join(root, `target/bench/trace-paste-${name}.json`);
  writeFileSync(file, JSON.stringify({ traceEvents: events }));

  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = events.filter((e) => e.ph === 'X' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > over * 1000);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (id) => {
    const f = nodes.get(id).callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  };
  let at = profile.startTime;
  const samples = profile.samples.map((id, i) => [(at += profile.timeDeltas[i]), id]);
  console.log(`${name}: ${tasks.length} main-thread task(s) over ${over} ms; trace in ${file}`);
  for (const t of tasks) {
    console.log(`task ${(t.dur / 1000).toFixed(1)} ms`);
    for (const e of main) {
      if (e === t || e.ts < t.ts || e.ts + (e.dur ?? 0) > t.ts + t.dur || (e.dur ?? 0) < 1000) continue;
      if (!/Layout|Style|Paint|Commit|GC|Intersection/.test(e.name)) continue;
      const data = e.args?.beginData ?? e.args?.data ?? {};
      const where = data.stackTrace?.[0] ? ` forced by ${data.stackTrace[0].functionName} ${data.stackTrace[0].url.split('/').pop()}:${data.stackTrace[0].lineNumber + 1}` : '';
      const objects = data.dirtyObjects != null ? ` (${data.dirtyObjects} of ${data.totalObjects} objects)` : '';
      console.log(`  ${(e.dur / 1000).toFixed(1).padStart(6)} ms ${e.name}${objects}${where}`);
    }
    const self = new Map();
    for (const [ts, id] of samples) if (ts >= t.ts && ts <= t.ts + t.dur) self.set(label(id), (self.get(label(id)) ?? 0) + 0.2);
    const top = [...self].sort((x, y) => y[1] - x[1]).slice(0, 8);
    if (top.length) console.log(`  JS samples: ${top.map(([k, ms]) => `${k} ${ms.toFixed(1)} ms`).join(' | ')}`);
  }
} finally {
  await b.close();
}
