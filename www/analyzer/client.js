// The analysis client: a promise API over the worker. UI code never sees postMessage.
//
//   const client = new AnalyzerClient();
//   const { result, ms } = await client.analyze(text, options, { signal });
//
// A newer call does not wait for older ones: callers abort stale requests with an AbortSignal,
// whose promise then rejects with an AbortError. If the worker dies (a wasm trap), it is
// restarted and pending calls reject with a clear message.

export class AnalyzerClient {
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #workerUrl;

  constructor(workerUrl = new URL('./worker.js', import.meta.url)) {
    this.#workerUrl = workerUrl;
  }

  #start() {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#workerUrl, { type: 'module' });
    worker.addEventListener('message', (event) => {
      const { id, result, error, ms } = event.data;
      const call = this.#pending.get(id);
      if (!call) return; // cancelled
      this.#pending.delete(id);
      if (error) call.reject(Object.assign(new Error(error.message), { name: error.name }));
      else call.resolve({ result, ms });
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#restart(new Error(`The analyzer stopped unexpectedly (${event.message || 'worker error'}). It has been restarted; your text is unchanged.`));
    });
    this.#worker = worker;
    return worker;
  }

  #restart(reason) {
    this.#worker?.terminate();
    this.#worker = null;
    for (const call of this.#pending.values()) call.reject(reason);
    this.#pending.clear();
  }

  analyze(text, options = {}, { signal } = {}) {
    if (signal?.aborted) return Promise.reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      signal?.addEventListener('abort', () => {
        if (this.#pending.delete(id)) reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      }, { once: true });
      this.#start().postMessage({ id, text, options });
    });
  }

  terminate() {
    this.#restart(new DOMException('The analyzer was closed', 'AbortError'));
  }
}
