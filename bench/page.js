// The in-page half of the browser benchmark: every engine as a function of the text, a timing
// harness, and probes for memory, long tasks and the worker client. bench/run.mjs drives it.
//
// Each engine does the closest comparable work to ours, written as a user of that library would
// write it (the engine object is built once; the text is analyzed per run):
// - ours/full: `analyze(text, {tokens:false, sentences:false})`: every stage (tokens, sentences,
//   frequency, entities, statistics…) computed; the result without the per-token and
//   per-sentence lists (what the page asks for). ours/full+lists: the same with both lists
//   (default options), so the cost of building a million JS objects shows separately.
//   ours/full+packed: `analyzePacked(text, {})`, the same lists as typed arrays.
// - ours/tokfreq: the stages that can be switched off, off (see `leanOptions`).
// - segmenter: `Intl.Segmenter(lang, {granularity:'word'})` over the whole text, word-like
//   segments lower-cased and counted in a Map.
// - regex: `text.match(/\p{L}+/gu)`, lower-cased, counted in a Map.
// - wink/full: wink-nlp + wink-eng-lite-web-model, default pipe (sbd, negation, sentiment, pos,
//   ner, cer); `readDoc`, frequency table of word tokens' normal forms, entities, sentences.
//   wink/tokfreq: an empty pipe (tokenization only) + the frequency table.
// - compromise/full: `nlp(text)` (tokenize + tag), `.terms().out('freq')`, `.topics().json()`,
//   `.sentences().length`; compromise/tokfreq: `nlp.tokenize(text)` + counting terms' `normal`.
// wink and compromise are English-only: they run on the English inputs only.
import init, * as aa from '../www/pkg/article_analyzer.js';
import { winkNLP, model, nlp as compromise } from '../target/bench/vendor.js';
import { AnalyzerClient } from '../www/analyzer/client.js';

const wasm = await init({ module_or_path: new URL('../www/pkg/article_analyzer_bg.wasm', import.meta.url) });
export const wasmMemory = () => wasm.memory.buffer.byteLength;

/** The option names the seam accepts, read from its error for an unknown option. */
function knownOptions() {
  try {
    aa.analyze('', { __probe__: true });
  } catch (e) {
    const m = /expected one of: (.*)$/.exec(String(e.message));
    if (m) return m[1].split(',').map((s) => s.trim());
  }
  return ['tokens', 'sentences'];
}
const known = knownOptions();
/** Stage switches the tokens+frequency mode turns off, where this version of the seam has them. */
const LEAN_OFF = ['tokens', 'sentences', 'paragraphs', 'entities', 'ngrams', 'keywords', 'summary', 'textStatistics', 'quotes'];
export const leanOptions = Object.fromEntries(LEAN_OFF.filter((k) => known.includes(k)).map((k) => [k, false]));
if (known.includes('summarySentences')) leanOptions.summarySentences = 0;
export const fullLeanOptions = { tokens: false, sentences: false };
export const knownOptionNames = known;

// An earlier build to compare against in the same run (A/B of a change): copy a www/pkg to
// target/bench/pkg-baseline and its engines appear as baseline/…; absent, they are left out.
let baseline = null;
try {
  const url = new URL('../target/bench/pkg-baseline/article_analyzer.js', import.meta.url);
  if ((await fetch(url, { method: 'HEAD' })).ok) {
    baseline = await import(url);
    await baseline.default({ module_or_path: new URL('../target/bench/pkg-baseline/article_analyzer_bg.wasm', import.meta.url) });
  }
} catch {
  baseline = null;
}

const winkFull = winkNLP(model);
const winkTok = winkNLP(model, []);
const count = (map, k) => map.set(k, (map.get(k) ?? 0) + 1);

export const engines = {
  'ours/full': { run: (t) => aa.analyze(t, fullLeanOptions).statistics.words },
  'ours/full+lists': {
    run: (t) => {
      const r = aa.analyze(t, {});
      return r.tokens.length && r.statistics.words;
    },
  },
  'ours/full+packed': {
    run: (t) => {
      const r = aa.analyzePacked(t, {});
      return r.tokens.length && r.statistics.words;
    },
  },
  'ours/tokfreq': { run: (t) => aa.analyze(t, leanOptions).statistics.words },
  ...(baseline ? {
    'baseline/full': { run: (t) => baseline.analyze(t, fullLeanOptions).statistics.words },
    'baseline/full+lists': { run: (t) => { const r = baseline.analyze(t, {}); return r.tokens.length && r.statistics.words; } },
    'baseline/tokfreq': { run: (t) => baseline.analyze(t, leanOptions).statistics.words },
  } : {}),
  segmenter: {
    run: (t, lang) => {
      const counts = new Map();
      let n = 0;
      for (const s of new Intl.Segmenter(lang, { granularity: 'word' }).segment(t)) {
        if (s.isWordLike) { n++; count(counts, s.segment.toLowerCase()); }
      }
      return n;
    },
  },
  regex: {
    run: (t) => {
      const counts = new Map();
      const words = t.match(/\p{L}+/gu) ?? [];
      for (const w of words) count(counts, w.toLowerCase());
      return words.length;
    },
  },
  'wink/full': {
    english: true,
    run: (t) => {
      const { its, as } = winkFull;
      const doc = winkFull.readDoc(t);
      const words = doc.tokens().filter((tok) => tok.out(its.type) === 'word');
      words.out(its.normal, as.freqTable);
      doc.entities().out(its.detail);
      doc.sentences().length();
      return words.length();
    },
  },
  'wink/tokfreq': {
    english: true,
    run: (t) => {
      const { its, as } = winkTok;
      const words = winkTok.readDoc(t).tokens().filter((tok) => tok.out(its.type) === 'word');
      words.out(its.normal, as.freqTable);
      return words.length();
    },
  },
  'compromise/full': {
    english: true,
    run: (t) => {
      const doc = compromise(t);
      doc.terms().out('freq');
      doc.topics().json();
      doc.sentences().length;
      return doc.terms().length;
    },
  },
  'compromise/tokfreq': {
    english: true,
    run: (t) => {
      const counts = new Map();
      let n = 0;
      for (const sentence of compromise.tokenize(t).docs) {
        for (const term of sentence) { n++; count(counts, term.normal); }
      }
      return n;
    },
  },
};

const texts = new Map();
export async function load(name) {
  if (!texts.has(name)) {
    const res = await fetch(new URL(`../target/bench/inputs/${name}.txt`, import.meta.url));
    if (!res.ok) throw new Error(`input ${name}: HTTP ${res.status}`);
    texts.set(name, await res.text());
  }
  return texts.get(name);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Times `engine` on input `name`: `warmup` runs, then at least `minRuns` samples; past `budgetMs`
 * it stops once it has `floorRuns` (slow baselines on 5 MB). A sample repeats the run until it
 * lasts ≥ 5 ms (the page's timer is coarsened to 0.1 ms), so small inputs time well too.
 * Returns ms per run (each sample divided by its repeats) and the engine's word count.
 */
export async function measure(engine, name, { warmup = 3, minRuns = 10, floorRuns = 3, budgetMs = 30000 } = {}) {
  const text = await load(name);
  const lang = name.slice(0, 2);
  const { run } = engines[engine];
  let words = 0;
  const t0 = performance.now();
  for (let i = 0; i < warmup && performance.now() - t0 < budgetMs / 3; i++) words = run(text, lang);
  const one = (performance.now() - t0) / warmup;
  const repeats = Math.max(1, Math.min(1000, Math.ceil(5 / Math.max(one, 0.001))));
  const times = [];
  const start = performance.now();
  while (times.length < minRuns) {
    const a = performance.now();
    for (let i = 0; i < repeats; i++) words = run(text, lang);
    times.push((performance.now() - a) / repeats);
    if (performance.now() - start > budgetMs && times.length >= floorRuns) break;
  }
  return { engine, input: name, times, median: median(times), min: Math.min(...times), runs: times.length, repeats, words };
}

/**
 * Times several engines on input `name` in interleaved rounds (each round runs every engine once,
 * in a rotating order), so that load from other processes falls on all of them alike. Engines
 * slower than 300 ms a run are timed alone afterwards with `measure`.
 */
export async function measureSet(list, name, { warmup = 3, minRuns = 10, floorRuns = 3, budgetMs = 60000 } = {}) {
  const text = await load(name);
  const lang = name.slice(0, 2);
  const plan = [];
  const slow = [];
  for (const engine of list) {
    const { run } = engines[engine];
    const a = performance.now();
    let words = run(text, lang);
    const first = performance.now() - a;
    if (first > 300) { slow.push(engine); continue; }
    const b = performance.now();
    for (let i = 1; i < warmup; i++) words = run(text, lang);
    const one = warmup > 1 ? (performance.now() - b) / (warmup - 1) : first;
    plan.push({ engine, run, words, times: [], repeats: Math.max(1, Math.min(1000, Math.ceil(5 / Math.max(one, 0.001)))) });
  }
  const start = performance.now();
  for (let round = 0; round < minRuns; round++) {
    for (let k = 0; k < plan.length; k++) {
      const p = plan[(k + round) % plan.length];
      const a = performance.now();
      for (let i = 0; i < p.repeats; i++) p.words = p.run(text, lang);
      p.times.push((performance.now() - a) / p.repeats);
    }
    if (performance.now() - start > budgetMs && round + 1 >= floorRuns) break;
  }
  const out = plan.map((p) => ({ engine: p.engine, input: name, times: p.times, median: median(p.times),
    min: Math.min(...p.times), runs: p.times.length, repeats: p.repeats, words: p.words }));
  // Slow engines get a shorter budget: at 5 MB a run of compromise takes ~15 s here.
  for (const engine of slow) out.push(await measure(engine, name, { warmup: 1, minRuns, floorRuns, budgetMs: Math.min(budgetMs, 30000) }));
  return out;
}

/** Runs `engine` `k` times on an input already loaded (the runner reads CPU time around it). */
export function repeat(engine, name, k) {
  const text = texts.get(name);
  const { run } = engines[engine];
  let words = 0;
  for (let i = 0; i < k; i++) words = run(text, name.slice(0, 2));
  return words;
}

/** One run kept alive (for the memory probe): returns the engine's word count. */
export async function runAndKeep(engine, name) {
  const text = await load(name);
  const r = engines[engine].run(text, name.slice(0, 2));
  globalThis.__kept = r;
  return r;
}

/**
 * The worker client the page uses, on input `name`: ms to the result on the main thread and the
 * main thread's long tasks meanwhile (PerformanceObserver 'longtask', > 50 ms by definition).
 */
export async function clientRun(name, options, repeats = 3) {
  const text = await load(name);
  const client = new AnalyzerClient(new URL('../www/analyzer/worker.js', import.meta.url));
  await client.analyze('warm up', options);
  const out = [];
  for (let i = 0; i < repeats; i++) {
    const tasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    const a = performance.now();
    const { result, ms } = await client.analyze(text, options);
    const total = performance.now() - a;
    // Let the observer see tasks that ended just now.
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    out.push({ total, workerMs: ms, words: result.statistics.words, longTasks: tasks, longest: Math.max(0, ...tasks) });
  }
  client.terminate();
  return out;
}

globalThis.bench = { engines: Object.keys(engines), english: Object.keys(engines).filter((e) => engines[e].english),
  measure, measureSet, repeat, runAndKeep, clientRun, wasmMemory, leanOptions, fullLeanOptions, knownOptionNames, load };
document.body.dataset.ready = 'true';
