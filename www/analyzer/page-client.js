// The page's analyzer client, created as early as the page can: index.html loads this module on
// its own (`<script type="module" async>`, ahead of app.js and its eight imports), so the worker
// starts while the rest of the page is still loading. app.js imports the same module (one
// instance per page) and uses this client.
//
// The wasm is compiled here, not in the worker: index.html preloads the .wasm with the page's
// first requests, and compileStreaming (whose work runs off the main thread) has it compiled
// about when the worker has started, instead of the worker starting, then fetching, then
// compiling. The compiled module is posted to the worker (each one this client starts). The
// single-file build (dist/article-analyzer.html) sets ARTICLE_ANALYZER_BOOT first: a classic
// worker from a blob: URL, and the module compiled from the base64 inlined in the page.
import { AnalyzerClient } from './client.js';

const boot = globalThis.ARTICLE_ANALYZER_BOOT ?? {};

function compileWasm(url) {
  // compileStreaming needs the application/wasm MIME type; a server that sends another one gets
  // the slower path (download, then compile) rather than a broken page.
  return WebAssembly.compileStreaming(fetch(url))
    .catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
}

const module = boot.module ?? compileWasm(new URL('../pkg/article_analyzer_bg.wasm', import.meta.url));
module.catch(() => {}); // the worker is told, and fetches the .wasm itself
export const client = boot.workerUrl
  ? new AnalyzerClient(boot.workerUrl, { type: 'classic', module })
  : new AnalyzerClient(undefined, { module });
client.warm();
