// The module worker that owns the wasm (the served page and the widget). It initialises the module
// once (a memoized promise); what it answers is in worker-core.js.
import init, * as glue from '../pkg/article_analyzer.js';
import { createHandler } from './worker-core.js';

let exports = null;
let ready = null;
const wasmReady = () => (ready ??= init({ module_or_path: new URL('../pkg/article_analyzer_bg.wasm', import.meta.url) })
  .then((e) => { exports = e; }));
const handle = createHandler({
  analyze: glue.analyze,
  analyzePacked: glue.analyzePacked,
  version: glue.version,
  get memory() { return exports?.memory; },
});

self.addEventListener('message', async (event) => {
  try {
    await wasmReady();
  } catch (e) {
    self.postMessage({ id: event.data.id, error: { message: `the analyzer could not start: ${e?.message ?? e}`, name: 'Error' } });
    return;
  }
  const { message, transfer } = await handle(event.data, (m) => self.postMessage(m));
  if (message) self.postMessage(message, transfer ?? []);
});
