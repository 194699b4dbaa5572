// The module worker that owns the wasm (the served page and the widget). It initialises the module
// once (a memoized promise); what it answers is in worker-core.js.
//
// Cold start: this file has no static import, so its first statement runs as soon as the worker
// does. It imports the wasm-bindgen glue and worker-core.js at once, alongside the wasm (one round
// trip for all, instead of worker.js → glue + core → store.js and .wasm in a row). The
// wasm comes either compiled from the page (a worker named POSTED_MODULE, see client.js: the page
// preloads and compiles it while this worker starts) or fetched and compiled here, streaming.
// Then, while no request is waiting, it warms the module up in small steps (warmSteps() in
// worker-core.js), each its own task, so a request that arrives meanwhile waits for one step at most.
const wasmUrl = new URL('../pkg/article_analyzer_bg.wasm', import.meta.url);
const POSTED_MODULE = 'article-analyzer (module posted)'; // as in client.js

function compileHere() {
  // compileStreaming needs the application/wasm MIME type; a server that sends another one gets
  // the slower path (download, then compile) rather than a broken page.
  return WebAssembly.compileStreaming(fetch(wasmUrl))
    .catch(async () => WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer()));
}

let receiveModule = null;
const compiled = self.name === POSTED_MODULE
  ? new Promise((resolve) => { receiveModule = resolve; })
  : compileHere();

let exports = null;
let pending = 0; // requests received and not yet answered: warm-up steps wait for them
let warmSteps = [];
let warmTimer = 0;
// One warm-up step per task, only while no request is waiting; after a request the next step
// waits a little, so it does not compete with the page showing that request's result.
const warmSoon = (delay) => {
  clearTimeout(warmTimer);
  if (warmSteps.length) warmTimer = setTimeout(warmStep, delay);
};
function warmStep() {
  if (pending > 0 || !warmSteps.length) return; // the request's end schedules the next step
  warmSteps.shift()();
  warmSoon(0);
}

const ready = Promise.all([import('../pkg/article_analyzer.js'), import('./worker-core.js'), compiled])
  .then(async ([glue, core, module]) => {
    exports = await glue.default({ module_or_path: module });
    const wasm = { analyze: glue.analyze, version: glue.version, get memory() { return exports?.memory; } };
    warmSteps = core.warmSteps(wasm);
    warmSoon(0);
    return core.createHandler(wasm);
  });
ready.catch(() => {});

self.addEventListener('message', async (event) => {
  const { kind } = event.data ?? {};
  if (kind === 'module') {
    // The page's compiled module; null when the page could not compile it: fetch it here.
    receiveModule?.(event.data.module ?? compileHere());
    receiveModule = null;
    return;
  }
  if (kind === 'warm') return; // the client starting this worker: nothing to answer
  pending += 1;
  try {
    let handle;
    try {
      handle = await ready;
    } catch (e) {
      self.postMessage({ id: event.data.id, error: { message: `the analyzer could not start: ${e?.message ?? e}`, name: 'Error' } });
      return;
    }
    const { message, transfer } = await handle(event.data, (m) => self.postMessage(m));
    if (message) self.postMessage(message, transfer ?? []);
  } finally {
    pending -= 1;
    if (pending === 0) warmSoon(300);
  }
});
