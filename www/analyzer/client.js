// The analysis client: a promise API over the worker. UI code never sees postMessage.
//
//   const client = new AnalyzerClient();             // or new AnalyzerClient(workerUrl, { type: 'classic', module })
//   const { result, ms } = await client.analyze(text, options, { signal });
//
// A newer call does not wait for older ones: callers abort stale requests with an AbortSignal,
// whose promise then rejects with an AbortError. If the worker dies (a wasm trap), it is
// restarted and pending calls reject with a clear message.
//
// A result's long lists (a 5 MB text has ~100,000 entities) come in slices, one message each, and
// are joined here: the browser copies a message into this thread in one task, and one message of
// the whole result took 130–160 ms (a long task) where each slice takes a few. Tokens: see tokensFrom.
//
// The page also uses request(message, { signal, onProgress, hard }) for the worker's other answers
// (a lean "view" of an analysis, occurrences of a word, exports); see worker-core.js.
//   onProgress({ stage, fraction })  'sending' (fraction of a long text posted), then the worker's
//                                    stages ('analyzing', 'packing')
//   hard: true                       aborting the signal also stops the worker's work: a wasm call
//                                    cannot be interrupted, so the worker is terminated (a fresh
//                                    one starts with the next request; the analysis it held is gone)
//
// Wasm memory grows and never shrinks: after a huge text the worker may hold a gigabyte. When a
// new analysis starts on an idle worker whose memory is over RECYCLE_BYTES, the worker is
// replaced first, so memory follows the current text, not the largest one ever analyzed.

const SLICE = 256 * 1024;
/** A worker with this name waits for a { kind: 'module', module } message (see worker.js). */
export const POSTED_MODULE = 'article-analyzer (module posted)';
export const RECYCLE_BYTES = 256 * 1024 * 1024;

export class AnalyzerClient {
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #workerUrl;
  #type;
  #module;
  /** How many times the worker died and was replaced. */
  restarts = 0;
  /** How many times a hard abort terminated the worker. */
  cancels = 0;
  /** How many times a worker with a large memory was replaced before an analysis. */
  recycles = 0;
  /** The wasm memory size (bytes) the worker reported with its last analysis. */
  memory = 0;
  /** The largest wasm memory size reported by any worker of this client. */
  peakMemory = 0;

  /**
   * workerUrl: the worker script; type: 'module' or 'classic'. module: the compiled wasm (a
   * WebAssembly.Module, or a promise of one) when the caller compiles it itself — the page does,
   * from a <link rel="preload">, while the worker is still starting: each worker this client
   * starts is then posted the module instead of fetching and compiling the .wasm (a promise that
   * rejects makes it fetch after all). Without it, the worker fetches the .wasm at once.
   */
  constructor(workerUrl = new URL('./worker.js', import.meta.url), { type = 'module', module = null } = {}) {
    this.#workerUrl = workerUrl;
    this.#type = type;
    this.#module = module;
  }

  #start() {
    if (this.#worker) return this.#worker;
    // The worker reads its name to know whether to wait for the module (see worker.js).
    const worker = new Worker(this.#workerUrl, { type: this.#type, name: this.#module ? POSTED_MODULE : 'article-analyzer' });
    if (this.#module) {
      Promise.resolve(this.#module).then((module) => worker.postMessage({ kind: 'module', module }),
        () => worker.postMessage({ kind: 'module', module: null }));
    }
    worker.addEventListener('message', async (event) => {
      const { id, result, error, ms, progress, memory, part } = event.data;
      const call = this.#pending.get(id);
      if (!call) return; // cancelled
      if (progress) {
        call.onProgress?.(progress);
        return;
      }
      if (part) {
        // A slice of one of the result's long lists, ahead of the result (see worker-core.js).
        call.parts ??= new Map();
        if (!call.parts.has(part.key)) call.parts.set(part.key, []);
        call.parts.get(part.key).push(part.columns ?? part.items);
        return;
      }
      const columns = !error && call.parts?.get('tokens')?.[0];
      if (columns?.packed) {
        call.parts.set('tokens', [await tokensFrom(columns, () => this.#pending.get(id) === call)]);
        if (this.#pending.get(id) !== call) return; // aborted, or the worker died, meanwhile
      }
      this.#pending.delete(id);
      if (memory) {
        this.memory = memory;
        this.peakMemory = Math.max(this.peakMemory, memory);
      }
      if (error?.fatal) {
        // The wasm trapped: its memory may be corrupt. A fresh worker serves the next request.
        const crash = this.#crashed(error.message);
        call.reject(crash);
        if (this.#worker === worker) this.#restart(crash);
      } else if (error) call.reject(Object.assign(new Error(error.message), { name: error.name }));
      else {
        for (const [key, slices] of call.parts ?? []) result[key] = slices.length === 1 ? slices[0] : [].concat(...slices);
        call.resolve({ result, ms });
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#restart(this.#crashed(event.message || 'worker error'));
    });
    this.#worker = worker;
    return worker;
  }

  #crashed(detail) {
    this.restarts += 1;
    return Object.assign(new Error(`The analyzer stopped unexpectedly (${detail}). It has been restarted; your text is unchanged.`), { name: 'AnalyzerCrash' });
  }

  #restart(reason) {
    this.#worker?.terminate();
    this.#worker = null;
    this.memory = 0;
    for (const call of this.#pending.values()) call.reject(reason);
    this.#pending.clear();
  }

  /** Analyzes text with the wasm API's options; resolves to { result, ms }. */
  analyze(text, options = {}, { signal } = {}) {
    return this.request({ text, options }, { signal });
  }

  /** Sends one message to the worker (an id is added); resolves to { result, ms }. */
  request(message, { signal, onProgress, hard = false } = {}) {
    if (signal?.aborted) return Promise.reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const id = this.#nextId++;
    if (message.kind === 'view' && this.#pending.size === 0 && this.memory > RECYCLE_BYTES) {
      this.#worker?.terminate();
      this.#worker = null;
      this.memory = 0;
      this.recycles += 1;
    }
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      signal?.addEventListener('abort', () => {
        if (!this.#pending.delete(id)) return;
        const reason = signal.reason ?? new DOMException('Aborted', 'AbortError');
        reject(reason);
        if (hard) {
          this.cancels += 1;
          this.#restart(new DOMException('Cancelled with another analysis', 'AbortError'));
        }
      }, { once: true });
      this.#post({ ...message, id }, signal, onProgress);
    });
  }

  // Long texts go in slices, one task each: a single postMessage of 5 MB of text copies it in
  // one go on the main thread (tens of milliseconds); slices keep every task short.
  async #post(message, signal, onProgress) {
    const worker = this.#start();
    const { text } = message;
    if (typeof text !== 'string' || text.length <= SLICE) {
      worker.postMessage(message);
      return;
    }
    let at = 0;
    for (; at + SLICE < text.length; at += SLICE) {
      worker.postMessage({ kind: 'text-part', id: message.id, part: text.slice(at, at + SLICE) });
      onProgress?.({ stage: 'sending', fraction: at / text.length });
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted || this.#worker !== worker) {
        worker.postMessage({ kind: 'text-drop', id: message.id });
        return;
      }
    }
    worker.postMessage({ ...message, text: text.slice(at), textParts: true });
  }

  /** Starts the worker now (it loads and warms the wasm) so the first analysis does not wait. */
  warm() {
    this.#start().postMessage({ kind: 'warm' });
  }

  /** True while a request is waiting for the worker. */
  get busy() {
    return this.#pending.size > 0;
  }

  terminate() {
    this.#restart(new DOMException('The analyzer was closed', 'AbortError'));
  }
}

// Token objects from their columns, 20,000 per task. Literals (not copies from the worker, whose
// million cost 50–120 ms collections) soon go to the engine's old generation; strings are shared.
async function tokensFrom({ length, start, end, kind, kindNames, script, scriptNames, key, keyNames }, live) {
  const tokens = new Array(length);
  for (let i = 0; i < length && live();) {
    for (const stop = Math.min(length, i + 20000); i < stop; i++) {
      tokens[i] = { start: start[i], end: end[i], kind: kindNames[kind[i]], script: scriptNames[script[i]], key: keyNames[key[i]] };
    }
    await (globalThis.scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve))); // the next task
  }
  return tokens;
}
