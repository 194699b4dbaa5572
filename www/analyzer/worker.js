// The module worker that owns the wasm. It initialises the module once (a memoized promise) and
// answers { id, text, options } with { id, result } or { id, error }.
import init, { analyze } from '../pkg/article_analyzer.js';

let ready = null;
const wasmReady = () => (ready ??= init({ module_or_path: new URL('../pkg/article_analyzer_bg.wasm', import.meta.url) }));

self.addEventListener('message', async (event) => {
  const { id, text, options } = event.data;
  try {
    await wasmReady();
    const started = performance.now();
    const result = analyze(text, options);
    self.postMessage({ id, result, ms: performance.now() - started });
  } catch (e) {
    self.postMessage({ id, error: { message: String(e?.message ?? e), name: e?.name ?? 'Error' } });
  }
});
