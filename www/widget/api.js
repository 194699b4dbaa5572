// The package's main entry ("article-analyzer"): analysis in a worker shared by the whole page.
//
//   import { analyze } from 'article-analyzer';
//   const report = await analyze(text, { tokens: false });      // runs in the shared worker
//
//   import { init, analyzeSync } from 'article-analyzer';
//   await init();                                               // wasm on the main thread
//   const small = analyzeSync('A short text.');
//
// One worker per page: every caller (and every <article-analyzer>, even from a second copy of
// this module) shares one AnalyzerClient per worker URL, kept under a global Symbol.for key.
// The worker and the wasm are fetched relative to this module (import.meta.url), so the package
// works self-hosted, from a CDN, and through bundlers that understand `new URL(…, import.meta.url)`.
//
// A worker cannot be constructed from another origin's URL. When this module was loaded from
// another origin, the worker is a same-origin blob: module whose whole source is
// `import "<absolute worker URL>";` — the host's CSP must then allow `worker-src blob:`, and the
// other origin must send CORS headers for the modules and the wasm (see README, "Embedding").
import { AnalyzerClient } from '../analyzer/client.js';

export { AnalyzerClient };

/** The worker that owns the wasm, next to this module's folder. */
export const defaultWorkerUrl = new URL('../analyzer/worker.js', import.meta.url);

const REGISTRY = Symbol.for('article-analyzer.shared-clients');

/**
 * A URL `new Worker(url, { type: 'module' })` accepts on this page: the worker's own URL when it is
 * same-origin, otherwise a blob: module that imports it (the import keeps the worker's
 * import.meta.url, so its relative imports of the wasm glue still resolve on its origin).
 */
export function workerScriptUrl(workerUrl = defaultWorkerUrl) {
  const url = new URL(workerUrl, globalThis.location?.href);
  if (!globalThis.location || url.origin === globalThis.location.origin || url.protocol === 'blob:') return url;
  const source = `import ${JSON.stringify(url.href)};\n`;
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

/**
 * The page's one client for `workerUrl` (created on first use; no worker starts until the first
 * analysis). Also records which options the loaded wasm accepts, learned from its errors.
 */
export function sharedEntry(workerUrl = defaultWorkerUrl) {
  const registry = (globalThis[REGISTRY] ??= new Map());
  const key = new URL(workerUrl, globalThis.location?.href).href;
  let entry = registry.get(key);
  if (!entry) {
    const script = workerScriptUrl(key);
    entry = { client: new AnalyzerClient(script), known: null, crossOrigin: String(script).startsWith('blob:') ? new URL(key).origin : null };
    registry.set(key, entry);
  }
  return entry;
}

/** The page's shared AnalyzerClient (one worker for every caller on the page). */
export function sharedClient(workerUrl = defaultWorkerUrl) {
  return sharedEntry(workerUrl).client;
}

/**
 * Analyzes `text` in the shared worker. Resolves to the report (plain objects, UTF-16
 * positions); rejects on an unknown or malformed option, or with an AbortError when `signal`
 * aborts.
 */
export async function analyze(text, options = {}, { signal, workerUrl } = {}) {
  const { result } = await sharedClient(workerUrl).analyze(String(text), options, { signal });
  return result;
}

const UNKNOWN_OPTION = /unknown option `([^`]+)`(?:; expected one of: ([^\n]*))?/;

/**
 * Like `client.analyze`, but for options the running wasm may not have yet: options it reports
 * as unknown are dropped (and remembered per client), then the call is retried. Lets the widget
 * ask for `entities`, `top`, `language`… and degrade gracefully on an older build.
 * Resolves to `{ result, ms, options }` with the options actually sent.
 */
export async function analyzeSupported(entry, text, wanted, { signal } = {}) {
  let options = filterOptions(wanted, entry.known, entry.refused);
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      const { result, ms } = await entry.client.analyze(text, options, { signal });
      return { result, ms, options };
    } catch (e) {
      const m = UNKNOWN_OPTION.exec(e?.message ?? '');
      if (entry.crossOrigin && /stopped unexpectedly|could not start/.test(e?.message ?? '')) {
        // The usual cause: the host's CSP blocks the blob: worker or its cross-origin imports.
        throw new Error(`${e.message} A page with a Content-Security-Policy must allow: worker-src blob: ${entry.crossOrigin}; connect-src ${entry.crossOrigin}; script-src ${entry.crossOrigin} 'wasm-unsafe-eval'.`);
      }
      if (!m && /^invalid options/.test(e?.message ?? '')) {
        // A value the wasm does not accept (say `language: "xx"`): leave the optional settings out
        // one by one rather than show nothing.
        const optional = OPTIONAL.find((k) => k in options);
        if (!optional) throw e;
        console.warn(`article-analyzer: option ${optional}=${JSON.stringify(options[optional])} was refused (${e.message}); analyzing without it`);
        (entry.refused ??= new Set()).add(`${optional}=${JSON.stringify(options[optional])}`);
        options = filterOptions(wanted, entry.known, entry.refused);
        continue;
      }
      if (!m || e.name === 'AbortError') throw e;
      entry.known = m[2] !== undefined
        ? new Set(m[2].split(',').map((s) => s.trim()).filter(Boolean))
        : new Set(Object.keys(options).filter((k) => k !== m[1]));
      options = filterOptions(wanted, entry.known, entry.refused);
    }
  }
  throw new Error('article-analyzer: could not agree on options with the analyzer');
}

// Settings the widget can do without when the wasm refuses their value.
const OPTIONAL = ['language', 'top', 'frequencyLevel', 'summarySentences'];

function filterOptions(wanted, known, refused) {
  const out = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (value !== undefined && (!known || known.has(key)) && !refused?.has(`${key}=${JSON.stringify(value)}`)) out[key] = value;
  }
  return out;
}

// Main-thread wasm, for small texts or environments without workers.
let wasmModule = null;
let wasmReady = null;

/**
 * Loads the wasm on the main thread (once). `input` is passed to wasm-bindgen's init: by default
 * the .wasm next to the glue; pass `{ module_or_path: bytes }` where fetch cannot reach a file.
 */
export function init(input) {
  return (wasmReady ??= import('../pkg/article_analyzer.js').then(async (glue) => {
    await glue.default(input ?? { module_or_path: new URL('../pkg/article_analyzer_bg.wasm', import.meta.url) });
    wasmModule = glue;
    return glue;
  }));
}

/** Analyzes on the main thread; call `await init()` first. Blocks: keep it for small texts. */
export function analyzeSync(text, options = {}) {
  if (!wasmModule) throw new Error('article-analyzer: call `await init()` before analyzeSync()');
  return wasmModule.analyze(String(text), options);
}
