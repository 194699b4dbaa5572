// The module worker that owns the wasm (the served page and the widget). It initialises the module
// once (a memoized promise); what it answers is in worker-core.js.
import init, { analyze, version } from '../pkg/article_analyzer.js';
import { createHandler, warm } from './worker-core.js';

let ready = null;
const wasmReady = () => (ready ??= init({ module_or_path: new URL('../pkg/article_analyzer_bg.wasm', import.meta.url) })
  .then((exports) => {
    warm({ analyze });
    return exports;
  }));
const handle = createHandler({ analyze, version });
// Start at once, not on the first message: fetching, compiling and warming the wasm then
// overlaps whatever the page does before it sends its first text (init streams the .wasm,
// served as application/wasm, through WebAssembly.instantiateStreaming).
wasmReady().catch(() => {});

self.addEventListener('message', async (event) => {
  try {
    await wasmReady();
  } catch (e) {
    self.postMessage({ id: event.data.id, error: { message: `the analyzer could not start: ${e?.message ?? e}`, name: 'Error' } });
    return;
  }
  const { message, transfer } = await handle(event.data);
  if (message) self.postMessage(message, transfer ?? []);
});
