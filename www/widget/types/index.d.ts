// `import { analyze } from 'article-analyzer'` — analysis in a worker shared by the page.
import type { Options, Report } from './report.js';
export type * from './report.js';

/** The promise API over the analysis worker (one per worker URL and page via sharedClient()). */
export declare class AnalyzerClient {
  constructor(workerUrl?: string | URL);
  analyze(text: string, options?: Options, init?: { signal?: AbortSignal }): Promise<{ result: Report; ms: number }>;
  terminate(): void;
}

/** The worker that owns the wasm, next to the package's files. */
export declare const defaultWorkerUrl: URL;

/** Analyzes `text` in the page's shared worker. Rejects on an unknown option or when `signal` aborts. */
export declare function analyze(text: string, options?: Options, init?: { signal?: AbortSignal; workerUrl?: string | URL }): Promise<Report>;

/** The page's shared client for `workerUrl` (no worker starts before the first analysis). */
export declare function sharedClient(workerUrl?: string | URL): AnalyzerClient;

/** A URL `new Worker(…, { type: 'module' })` accepts here: a blob: wrapper when `workerUrl` is cross-origin. */
export declare function workerScriptUrl(workerUrl?: string | URL): URL | string;

/** Loads the wasm on the main thread (once); `input` goes to wasm-bindgen's init. */
export declare function init(input?: { module_or_path: RequestInfo | URL | Response | BufferSource | WebAssembly.Module }): Promise<unknown>;

/** Analyzes on the main thread after `await init()`; blocks, so keep it for small texts. */
export declare function analyzeSync(text: string, options?: Options): Report;
