// Where a cold start's time goes: one cold load of a page in a fresh profile under a Chrome
// trace (CDP Tracing), summarized as a timeline from navigation start: each request (start →
// end), each thread's busy time and its longest tasks, wasm compilation, worker start, script
// evaluation, and the first result. The raw trace is written to target/bench/trace-*.json
// (open it in DevTools' Performance panel for the details).
//
//   node bench/trace-cold.mjs [www/index.html | bench/cold.html | dist/article-analyzer.html] [--runs N] [--cold-root DIR] [--verbose]
//
// Needs `make build` (and dist/ for the single file). The load is bench/run.mjs's (bench/cold-load.mjs):
// the seed pasted at DOMContentLoaded; --cold-root serves another checkout, as there.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, root } from '../tests/e2e/browser.mjs';
import { startServer, loadCold } from './cold-load.mjs';

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--')) ?? 'www/index.html';
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 1);
const coldRoot = args.includes('--cold-root') ? args[args.indexOf('--cold-root') + 1] : root;
const inject = !path.includes('bench/cold.html');
const verbose = args.includes('--verbose');
mkdirSync(join(root, 'target/bench'), { recursive: true });

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
  'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'blink.user_timing', 'loading', 'netlog', 'toplevel',
  'disabled-by-default-v8.compile', 'blink', 'navigation', 'worker'];

async function once(i) {
  const server = await startServer(coldRoot);
  const b = await openBrowser({ serveRoot: root });
  try {
    const chunks = [];
    let cdp;
    let done;
    const { page, firstResultMs: first } = await loadCold(b.context, server, path, {
      inject,
      beforeLoad: async (p) => {
        cdp = await b.context.newCDPSession(p);
        cdp.on('Tracing.dataCollected', (e) => chunks.push(...e.value));
        done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
        await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
      },
    });
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
    await page.waitForTimeout(200);
    await cdp.send('Tracing.end');
    await done;
    const file = join(root, `target/bench/trace-${path.replace(/\W+/g, '_')}-${i}.json`);
    writeFileSync(file, JSON.stringify({ traceEvents: chunks }));
    return { first, marks, events: chunks, file };
  } finally {
    await b.close();
    server.close();
  }
}

function summarize({ first, marks, events, file }) {
  const threads = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming')
    ?? events.find((e) => e.name === 'ResourceSendRequest');
  const t0 = nav.ts;
  const ms = (ts) => ((ts - t0) / 1000).toFixed(1);
  const rendererPid = events.find((e) => e.name === 'ResourceSendRequest' && /^http:/.test(e.args?.data?.url ?? ''))?.pid;
  console.log(`\n=== ${file}\nfirst result (performance.now): ${first?.toFixed?.(1)} ms`);
  for (const [n, t] of marks) console.log(`  mark ${n}: ${t.toFixed(1)} ms`);
  // Requests.
  const req = new Map();
  for (const e of events) {
    const id = e.args?.data?.requestId;
    if (!id) continue;
    if (e.name === 'ResourceSendRequest') req.set(id, { url: e.args.data.url, start: e.ts, prio: e.args.data.priority });
    else if (e.name === 'ResourceReceiveResponse' && req.has(id)) req.get(id).response = e.ts;
    else if (e.name === 'ResourceFinish' && req.has(id)) req.get(id).end = e.ts;
  }
  console.log('requests (ms from navigation): start → response → end');
  for (const r of [...req.values()].filter((x) => /^http:/.test(x.url)).sort((a, b) => a.start - b.start)) {
    console.log(`  ${ms(r.start).padStart(7)} → ${r.response ? ms(r.response).padStart(7) : '      ?'} → ${r.end ? ms(r.end).padStart(7) : '      ?'}  ${r.prio ?? ''} ${r.url.replace(/^http:\/\/[^/]+/, '')}`);
  }
  // Busy time per renderer thread, and the top-level tasks over 20 ms.
  const byThread = new Map();
  for (const e of events) {
    if (e.pid !== rendererPid || e.ph !== 'X' || !e.dur) continue;
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  for (const [key, tasks] of byThread) {
    const busy = tasks.reduce((s, e) => s + e.dur, 0) / 1000;
    if (busy < 5) continue;
    const long = tasks.filter((e) => e.dur > 15000).map((e) => `${ms(e.ts)}+${(e.dur / 1000).toFixed(0)}`);
    console.log(`thread ${threads.get(key) ?? key}: busy ${busy.toFixed(0)} ms; tasks > 15 ms at: ${long.join(', ') || 'none'}`);
  }
  // Milestones of the critical path.
  const on = (e, name) => threads.get(`${e.pid}:${e.tid}`) === name;
  const firstOf = (f) => events.filter((e) => e.pid === rendererPid && f(e)).sort((a, b) => a.ts - b.ts)[0];
  const lastOf = (f) => events.filter((e) => e.pid === rendererPid && f(e)).sort((a, b) => b.ts - a.ts)[0];
  const milestones = [
    ['HTML parsed (DOMContentLoaded)', lastOf((e) => e.name === 'MarkDOMContent' && on(e, 'CrRendererMain'))],
    ['worker requested', firstOf((e) => e.name === 'DedicatedWorkerHostFactoryImpl::CreateWorkerHostAndStartScriptLoad' || e.name === 'WorkerScriptFetcher::CreateScriptLoader')],
    ['worker script runs', firstOf((e) => (e.name === 'v8.evaluateModule' || e.name === 'EvaluateScript') && on(e, 'DedicatedWorker thread'))],
    ['wasm compiled', firstOf((e) => e.name === 'wasm.FinishAsyncCompile' || e.name === 'wasm.SyncCompile'), 'end'],
    ['wasm instantiated', firstOf((e) => e.name === 'wasm.InstanceBuilder.Build'), 'end'],
    ['first message handled by the worker', firstOf((e) => e.name === 'HandlePostMessage' && on(e, 'DedicatedWorker thread'))],
    ['first top-tier (optimizing) compile', firstOf((e) => e.name === 'wasm.TopTierCompilation')],
  ];
  console.log('milestones (ms from navigation):');
  for (const [label, e, at] of milestones) {
    if (e) console.log(`  ${ms(at === 'end' ? e.ts + e.dur : e.ts).padStart(7)}  ${label}`);
  }
  console.log(`  ${first?.toFixed?.(1).padStart(7)}  first result shown`);
  const sum = (f) => events.filter((e) => e.pid === rendererPid && e.ph === 'X' && f(e)).reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
  console.log(`wasm CPU: lazy (first-call) compilation ${sum((e) => e.name === 'wasm.CompileLazy').toFixed(0)} ms on the worker; optimizing compilation ${sum((e) => e.name === 'wasm.TopTierCompilation').toFixed(0)} ms in the background`);
  if (!verbose) return;
  // Interesting named events.
  const NAMES = /^(v8\.wasm\.|wasm\.|WebAssembly|v8\.compileModule|EvaluateScript|v8\.evaluateModule|ParseHTML|ParseAuthorStyleSheet|UpdateLayoutTree|Layout|Paint|FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|DedicatedWorker|v8\.run|Compile|CompileScript|ScriptCompiled|WorkerThread|V8\.GCScavenger|MajorGC|MinorGC|v8\.newInstance|ResourceChangePriority|firstContentfulPaint|firstPaint|firstMeaningfulPaint|largestContentfulPaint|domContentLoaded|MarkDOMContent|MarkLoad|navigationStart)/;
  const rows = [];
  for (const e of events) {
    if (e.pid !== rendererPid || !NAMES.test(e.name)) continue;
    if (e.ph === 'X' && e.dur < 3000 && !/wasm|Worker|Mark|first|largest/.test(e.name)) continue;
    const detail = e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.data?.type ?? e.args?.url ?? '';
    rows.push([e.ts, `${ms(e.ts).padStart(7)} ${e.ph === 'X' ? `+${(e.dur / 1000).toFixed(1)}`.padStart(7) : e.ph.padStart(7)}  ${(threads.get(`${e.pid}:${e.tid}`) ?? e.tid).toString().slice(0, 22).padEnd(22)} ${e.name} ${String(detail).replace(/^http:\/\/[^/]+/, '').slice(0, 60)}`]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  console.log('events (ms, duration, thread, name):');
  for (const [, line] of rows.slice(0, 400)) console.log(`  ${line}`);
}

for (let i = 0; i < runs; i++) summarize(await once(i));
