// The analysis client: a promise API over the worker. UI code never sees postMessage.
//
//   const client = new AnalyzerClient();             // or new AnalyzerClient(workerUrl, { type: 'classic' })
//   const { result, ms } = await client.analyze(text, options, { signal });
//
// A newer call does not wait for older ones: callers abort stale requests with an AbortSignal,
// whose promise then rejects with an AbortError. If the worker dies (a wasm trap), it is
// restarted and pending calls reject with a clear message.
//
// The page also uses request(message, { signal }) for the worker's other answers (a lean "view"
// of an analysis, occurrences of a word, exports); see worker-core.js.

const SLICE = 256 * 1024;

export class AnalyzerClient {
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #workerUrl;
  #type;
  /** How many times the worker died and was replaced. */
  restarts = 0;

  constructor(workerUrl = new URL('./worker.js', import.meta.url), { type = 'module' } = {}) {
    this.#workerUrl = workerUrl;
    this.#type = type;
  }

  #start() {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#workerUrl, { type: this.#type });
    worker.addEventListener('message', (event) => {
      const { id, result, error, ms } = event.data;
      const call = this.#pending.get(id);
      if (!call) return; // cancelled
      this.#pending.delete(id);
      if (error?.fatal) {
        // The wasm trapped: its memory may be corrupt. A fresh worker serves the next request.
        const crash = this.#crashed(error.message);
        call.reject(crash);
        if (this.#worker === worker) this.#restart(crash);
      } else if (error) call.reject(Object.assign(new Error(error.message), { name: error.name }));
      else call.resolve({ result, ms });
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
    for (const call of this.#pending.values()) call.reject(reason);
    this.#pending.clear();
  }

  /** Analyzes text with the wasm API's options; resolves to { result, ms }. */
  analyze(text, options = {}, { signal } = {}) {
    return this.request({ text, options }, { signal });
  }

  /** Sends one message to the worker (an id is added); resolves to { result, ms }. */
  request(message, { signal } = {}) {
    if (signal?.aborted) return Promise.reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      signal?.addEventListener('abort', () => {
        if (this.#pending.delete(id)) reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      }, { once: true });
      this.#post({ ...message, id }, signal);
    });
  }

  // Long texts go in slices, one task each: a single postMessage of 5 MB of text copies it in
  // one go on the main thread (tens of milliseconds); slices keep every task short.
  async #post(message, signal) {
    const worker = this.#start();
    const { text } = message;
    if (typeof text !== 'string' || text.length <= SLICE) {
      worker.postMessage(message);
      return;
    }
    let at = 0;
    for (; at + SLICE < text.length; at += SLICE) {
      worker.postMessage({ kind: 'text-part', id: message.id, part: text.slice(at, at + SLICE) });
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
