// The module worker that owns the wasm (the served page and the widget). It initialises the module
// once (a memoized promise); what it answers is in worker-core.js.
//
// Cold start: this file has no static import, so its first statement runs as soon as the worker
// does. It imports the wasm-bindgen glue and worker-core.js at once, alongside the wasm (one round
// trip for all, instead of worker.js → glue + core → store.js and .wasm in a row). The
// wasm comes either compiled from the page (a worker named POSTED_MODULE, see client.js: the page
// preloads and compiles it while this worker starts) or fetched and compiled here, streaming.
// Then, while no request is waiting, it warms the module up in small steps (requestLoop() in
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
const wasmReady = Promise.all([import('../pkg/article_analyzer.js'), compiled])
  .then(async ([glue, module]) => {
    exports = await glue.default({ module_or_path: module });
    return { analyze: glue.analyze, version: glue.version, get memory() { return exports?.memory; } };
  });
// The listener below is added now (a message that came before it would be lost); the loop that
// answers comes with worker-core.js, imported alongside the glue and the wasm.
const receive = import('./worker-core.js')
  .then((core) => core.requestLoop(wasmReady, (m, transfer = []) => self.postMessage(m, transfer)));
receive.catch(() => {});

self.addEventListener('message', async (event) => {
  const { kind } = event.data ?? {};
  if (kind === 'module') {
    // The page's compiled module; null when the page could not compile it: fetch it here.
    receiveModule?.(event.data.module ?? compileHere());
    receiveModule = null;
    return;
  }
  if (kind === 'warm') return; // the client starting this worker: nothing to answer
  let loop;
  try {
    loop = await receive;
  } catch (e) {
    // worker-core.js itself could not load: the same answer the loop gives when the wasm cannot.
    self.postMessage({ id: event.data.id, error: { message: `the analyzer could not start: ${e?.message ?? e}`, name: 'Error' } });
    return;
  }
  await loop(event.data);
});
