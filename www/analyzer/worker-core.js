// What the worker does, independent of how the wasm was loaded (module worker for the served page,
// classic worker from a blob: URL for the single-file build). `createHandler(wasm)` returns the
// message handler; wasm = { analyze(text, options), version() }.
//
// Messages (each answered with { id, result, ms } or { id, error }; error.fatal is true when the
// wasm trapped, after which this worker must not be used again):
//   { id, text, options }                      the plain API: the wasm result as is (the widget uses it);
//                                              lists longer than PART items come ahead of it in
//                                              slices, tokens as columns (sendLongListsInParts)
//   { id, kind: 'view', text, options, save }  the page's request: the worker keeps the full result
//                                              (and stores the text when save is true)
//                                              and answers a lean "view" — no tokens, and the long
//                                              span lists packed into transferable typed arrays, so
//                                              the main thread never deserializes a million objects
//   { id, kind: 'occurrences', offset | key | entity }   positions of a word or entity in the kept result
//   { id, kind: 'export', format, labels }     a Blob: json | frequencies.csv | entities.csv | html
//   { id, kind: 'capabilities' }               { options: [names], version }
//   { kind: 'warm' }                           nothing: starts the worker (its wasm is loaded and
//                                              warmed, see warmSteps(), as soon as it runs)
//   { id, kind: 'text-part', part }            a slice of a long text; the request that follows
//                                              with textParts: true gets the slices prepended
//   { id, kind: 'save', text }                 stores the text (IndexedDB) without analyzing it
//                                              (the page analyzes a prefix of a text over its limit)
//
// While a 'view' request runs, the worker also posts { id, progress: { stage } } (stage: 'analyzing',
// then 'packing'): the wasm call itself is one synchronous step, so the page estimates its share
// from the speed it measured. View answers carry `memory`: the wasm memory's size in bytes.
// Cancelling a long analysis means terminating the worker (see client.js); nothing here is shared.
//
// Options the wasm build does not know are dropped for 'view' requests (the page is written for
// fields that land over time); the plain API passes options through untouched.

// store.js only when a text is saved (long texts): not part of the worker's start.
const saveText = async (text) => (await import('./store.js')).saveText(text);

const TOP_FREQUENCIES = 500;
const PART = 4096; // list items per message (see sendLongListsInParts)
const TOP_GROUPS_PER_KIND = 300;
const DISPERSION_WORDS = 10;

export function createHandler(wasm) {
  let optionNames = null;
  let last = null; // { text, options, result }

  const capabilities = () => {
    if (optionNames) return optionNames;
    try {
      wasm.analyze('', { __probe__: true });
      optionNames = [];
    } catch (e) {
      const match = /expected one of: (.*)$/.exec(String(e?.message ?? e));
      optionNames = match ? match[1].split(',').map((x) => x.trim().replace(/[`.]/g, '')).filter(Boolean) : ['tokens', 'sentences'];
    }
    return optionNames;
  };

  const known = (options) => {
    const names = capabilities();
    return Object.fromEntries(Object.entries(options ?? {}).filter(([k]) => names.includes(k)));
  };

  const parts = new Map(); // id → slices of a long text sent ahead of its request

  // The kept analysis's token list, made on first need by a second, lean analysis (the same
  // language option, so the same keys; every stage the tokens do not need switched off).
  const tokensOf = (kept) => {
    if (kept.options.tokens !== false && Array.isArray(kept.result.tokens)) return kept.result.tokens;
    if (!kept.tokens) {
      const lean = { tokens: true, sentences: false, paragraphs: false, entities: false, ngrams: false,
        keywords: false, summary: false, textStatistics: false };
      kept.tokens = wasm.analyze(kept.text, known({ ...kept.options, ...lean })).tokens ?? [];
    }
    return kept.tokens;
  };

  const memory = () => wasm.memory?.buffer?.byteLength ?? 0;

  // post(message): sends a message ahead of the answer (progress, slices of long lists); without
  // it, progress is not reported and long lists stay in the answer.
  return async function onMessage(data, post = null) {
    const progress = post ?? (() => {});
    const { id, kind } = data;
    if (kind === 'text-part') {
      if (!parts.has(id)) parts.set(id, []);
      parts.get(id).push(data.part);
      return {};
    }
    if (kind === 'warm') return {};
    if (kind === 'text-drop') {
      parts.delete(id);
      return {};
    }
    if (data.textParts) {
      data = { ...data, text: (parts.get(id) ?? []).join('') + data.text };
      parts.delete(id);
    }
    const started = performance.now();
    try {
      if (!kind) {
        const result = wasm.analyze(data.text, data.options);
        const ms = performance.now() - started;
        return { message: { id, result: post ? sendLongListsInParts(result, id, post) : result, ms } };
      }
      if (kind === 'capabilities') {
        return { message: { id, result: { options: capabilities(), version: wasm.version?.() ?? '' } } };
      }
      if (kind === 'save') {
        if (typeof indexedDB !== 'undefined') await saveText(data.text);
        return { message: { id, result: true, ms: 0 } };
      }
      if (kind === 'view') {
        // The page asks the worker to keep long texts (IndexedDB): cheaper here than there.
        if (data.save && typeof indexedDB !== 'undefined') saveText(data.text).catch(() => {});
        progress({ id, progress: { stage: 'analyzing', length: data.text.length } });
        last = null; // the previous result is not needed any more: let it go before the next one
        // No per-token list: the view needs none (sentences carry their word counts), and one JS
        // object per token cost more than the analysis itself. A word click asks for the tokens
        // later (tokensOf), with every other stage off.
        const options = known({ ...data.options, tokens: false, sentences: true });
        const result = wasm.analyze(data.text, options);
        last = { text: data.text, options, result, tokens: null };
        const ms = performance.now() - started;
        progress({ id, progress: { stage: 'packing' } });
        const { view, transfer } = makeView(data.text, result);
        // The options the kept result (and so the JSON export, tokens added) answers to.
        view.options = { ...options, tokens: true };
        return { message: { id, result: view, ms, memory: memory() }, transfer };
      }
      if (!last) throw new Error('Nothing has been analyzed yet.');
      if (kind === 'occurrences') {
        const found = occurrences(last, data, () => tokensOf(last));
        return { message: { id, result: found, ms: 0 }, transfer: [found.positions.buffer] };
      }
      if (kind === 'export') {
        // The JSON export is the whole analysis, token list included.
        const kept = data.format === 'json' ? { ...last, result: { ...last.result, tokens: tokensOf(last) } } : last;
        return { message: { id, result: exportBlob(kept, data.format, data.labels ?? {}), ms: 0 } };
      }
      throw new Error(`unknown request kind: ${kind}`);
    } catch (e) {
      // A wasm trap (a panic: the build aborts on panic) may leave the module's memory in any
      // state: the answer says so (fatal), and the client replaces this worker with a fresh one.
      const fatal = typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError;
      if (fatal) last = null;
      return { message: { id, error: { message: String(e?.message ?? e), name: e?.name ?? 'Error', fatal } } };
    }
  };
}

/**
 * The warm-up: small analyses that pay, while the page is still starting or idle, what the first
 * real analysis would pay for once — the wasm functions compiled on their first call (most of
 * it), the entity model of each language decoded into its tables, the word lists built. One
 * step per language, Arabic first (the page's first language); the caller runs each step in a
 * task of its own and none while a request waits (requestLoop). Errors are ignored: the real
 * request reports its own.
 */
export function warmSteps(wasm) {
  const step = (text) => () => {
    try {
      wasm.analyze(text, { tokens: false });
    } catch { /* reported by the first real request */ }
  };
  return [
    step('قال الرئيس محمد علي في القاهرة يوم الاثنين 5 مايو إن الشركة دفعت 20% من المبلغ.'),
    step('The president said in London on Monday, May 5, that Acme Corp. paid 20% ($5 million).'),
  ];
}

/**
 * The worker's request loop, shared by analyzer/worker.js and the single-file build's worker:
 * once `wasmReady` resolves, each request is answered by createHandler's handler, with `post`
 * (the worker's postMessage); in between, the module warms up one step per task (warmSteps),
 * only while no request waits, and a little after the last answer, so a step does not compete
 * with the page showing that answer. Returns `receive(data)` for the worker's message listener.
 */
export function requestLoop(wasmReady, post) {
  let pending = 0; // requests received and not yet answered: warm-up steps wait for them
  let steps = [];
  let timer = 0;
  const warmSoon = (delay) => {
    clearTimeout(timer);
    if (steps.length) timer = setTimeout(warmStep, delay);
  };
  function warmStep() {
    if (pending > 0 || !steps.length) return; // the request's end schedules the next step
    steps.shift()();
    warmSoon(0);
  }
  const ready = wasmReady.then((wasm) => {
    steps = warmSteps(wasm);
    warmSoon(0);
    return createHandler(wasm);
  });
  ready.catch(() => {});
  return async function receive(data) {
    pending += 1;
    try {
      let handle;
      try {
        handle = await ready;
      } catch (e) {
        post(startFailed(data.id, e));
        return;
      }
      const { message, transfer } = await handle(data, post);
      if (message) post(message, transfer ?? []);
    } finally {
      pending -= 1;
      if (pending === 0) warmSoon(300);
    }
  };
}

/** The answer to request `id` when the analyzer could not start (error `e`). */
function startFailed(id, e) {
  return { id, error: { message: `the analyzer could not start: ${e?.message ?? e}`, name: 'Error' } };
}

/**
 * Posts each list of the result longer than PART items in slices, one message each
 * ({ id, part: { key, items } }), and returns the result with those lists emptied: the client
 * joins the slices back in place (client.js). A message is copied into the receiving thread in one
 * task; the slices keep each of those tasks short whatever the text's length. Tokens go as
 * columns ({ id, part: { key, columns } }).
 */
function sendLongListsInParts(result, id, post) {
  if (!result || typeof result !== 'object') return result;
  for (const [key, value] of Object.entries(result)) {
    if (!Array.isArray(value) || value.length <= PART) continue;
    // Tokens as columns (client.js rebuilds them) while they have the fields the client knows.
    const columns = key === 'tokens' && Object.keys(value[0]).join() === 'start,end,kind,script,key'
      ? packSpans(value, ['kind', 'script', 'key']) : null;
    if (columns) post({ id, part: { key, columns } }, Object.values(columns).filter(ArrayBuffer.isView).map((a) => a.buffer));
    else for (let at = 0; at < value.length; at += PART) post({ id, part: { key, items: value.slice(at, at + PART) } });
    result[key] = [];
  }
  return result;
}

/** Packs a list of { start, end, …strings } into typed arrays (+ a name table per string field:
 * `field[i]` indexes `fieldNames`). */
export function packSpans(list, fields = []) {
  const n = list.length;
  const packed = { packed: true, length: n, start: new Uint32Array(n), end: new Uint32Array(n) };
  const tables = {};
  for (const f of fields) {
    packed[f] = new Uint32Array(n); // a long text can have more than 65,536 distinct token keys
    packed[`${f}Names`] = [];
    tables[f] = new Map();
  }
  for (let i = 0; i < n; i++) {
    const item = list[i];
    packed.start[i] = item.start;
    packed.end[i] = item.end;
    for (const f of fields) {
      const value = item[f] ?? '';
      let index = tables[f].get(value);
      if (index === undefined) {
        index = packed[`${f}Names`].length;
        packed[`${f}Names`].push(value);
        tables[f].set(value, index);
      }
      packed[f][i] = index;
    }
  }
  return packed;
}

/** Paragraph blocks when the build does not report them: runs of text between newlines. */
function blocksOf(text) {
  const list = [];
  const re = /[^\n]+/g;
  let m;
  while ((m = re.exec(text))) {
    if (m[0].trim()) list.push({ start: m.index, end: m.index + m[0].length });
  }
  return list;
}

const normalizeEntity = (text) => text.normalize('NFKC').toLowerCase().replace(/[\u064B-\u065F\u0670\u0640]/g, '');

function makeView(text, result) {
  const transfer = [];
  const view = {};
  for (const [key, value] of Object.entries(result)) {
    if (key === 'tokens' || key === 'quotes') continue;
    view[key] = value;
  }
  const keep = (packed) => {
    transfer.push(packed.start.buffer, packed.end.buffer);
    for (const [k, v] of Object.entries(packed)) if (ArrayBuffer.isView(v) && k !== 'start' && k !== 'end') transfer.push(v.buffer);
    return packed;
  };
  view.hasParagraphs = Array.isArray(result.paragraphs) && result.paragraphs.length > 0;
  view.paragraphs = keep(packSpans(view.hasParagraphs ? result.paragraphs : blocksOf(text), ['language']));
  view.sentences = keep(packSpans(result.sentences ?? []));
  const entities = Array.isArray(result.entities) ? result.entities : [];
  view.entities = keep(packSpans(entities, ['kind']));

  // Words per sentence, for the histogram: each sentence's `words`.
  const sentences = result.sentences ?? [];
  const sentenceWords = Uint32Array.from(sentences, (s) => s.words ?? 0);
  view.sentenceWords = sentenceWords;
  transfer.push(sentenceWords.buffer);

  // Entity counts per kind, and unique entities (the wasm's entityGroups, grouped by key).
  const kindCounts = {};
  for (const e of entities) kindCounts[e.kind] = (kindCounts[e.kind] ?? 0) + 1;
  view.kindCounts = kindCounts;
  const groups = result.entityGroups ?? [];
  const perKind = {};
  view.entityGroups = groups.filter((g) => (perKind[g.kind] = (perKind[g.kind] ?? 0) + 1) <= TOP_GROUPS_PER_KIND);

  if (Array.isArray(result.frequencies)) {
    view.frequencies = result.frequencies.slice(0, TOP_FREQUENCIES).map((f, i) => {
      const { positions, ...rest } = f;
      if (i < DISPERSION_WORDS && Array.isArray(positions)) {
        const starts = Uint32Array.from(positions, (p) => (typeof p === 'number' ? p : p.start));
        transfer.push(starts.buffer);
        return { ...rest, starts };
      }
      return rest;
    });
    view.frequenciesTotal = result.frequencies.length;
  }
  if (Array.isArray(result.ngrams)) view.ngrams = result.ngrams.slice(0, 100);
  if (Array.isArray(result.keywords)) view.keywords = result.keywords.slice(0, 100);
  view.textLength = text.length;
  return { view, transfer };
}

function lowerBound(list, offset) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions ([start, end] pairs) of a word (by offset or key) or of an entity (kind + text). */
function occurrences({ text, result }, query, tokensOf) {
  const keyOf = (tok) => tok.key ?? text.slice(tok.start, tok.end).toLowerCase();
  const pairs = [];
  let label = '';
  if (query.entity) {
    const wanted = normalizeEntity(query.entity.text);
    label = query.entity.text;
    for (const e of result.entities ?? []) {
      if (e.kind === query.entity.kind && normalizeEntity(e.text) === wanted) pairs.push(e.start, e.end);
    }
  } else {
    let list = null;
    const toks = () => (list ??= tokensOf());
    let key = query.key;
    if (key == null && query.offset != null) {
      let i = lowerBound(toks(), query.offset);
      // A click just after a word's end still means that word.
      if (toks()[i] && toks()[i].kind !== 'word' && toks()[i - 1]?.end === query.offset) i--;
      const tok = toks()[i];
      if (!tok || tok.start > query.offset || tok.kind !== 'word') return { label: '', key: null, positions: new Uint32Array(0) };
      key = keyOf(tok);
      label = text.slice(tok.start, tok.end);
    }
    const entry = query.key != null ? result.frequencies?.find((f) => f.key === key || f.text === key) : null;
    if (entry && Array.isArray(entry.positions) && entry.positions.length) {
      label = entry.text;
      for (const p of entry.positions) {
        const start = typeof p === 'number' ? p : p.start;
        const tok = toks()[lowerBound(toks(), start)];
        pairs.push(start, typeof p === 'number' ? (tok && tok.start === start ? tok.end : start + entry.text.length) : p.end);
      }
    } else {
      for (const tok of toks()) {
        if (tok.kind === 'word' && keyOf(tok) === key) {
          pairs.push(tok.start, tok.end);
          if (!label) label = text.slice(tok.start, tok.end);
        }
      }
      if (!label) label = String(key ?? '');
    }
    return { label, key, positions: Uint32Array.from(pairs) };
  }
  return { label, key: null, positions: Uint32Array.from(pairs) };
}

/** A CSV cell: quoted, and never read as a formula by a spreadsheet. */
function cell(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows) => '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function exportBlob({ text, result }, format, labels) {
  if (format === 'json') {
    return new Blob([JSON.stringify(result, null, 2)], { type: 'application/json' });
  }
  if (format === 'frequencies.csv') {
    const rows = [['word', 'count', 'perThousand', 'forms']];
    for (const f of result.frequencies ?? []) {
      rows.push([f.text, f.count, f.perThousand ?? '', (f.forms ?? []).map((x) => `${x.text} (${x.count})`).join('; ')]);
    }
    return new Blob([csv(rows)], { type: 'text/csv;charset=utf-8' });
  }
  if (format === 'entities.csv') {
    const rows = [['start', 'end', 'kind', 'text']];
    for (const e of result.entities ?? []) rows.push([e.start, e.end, e.kind, e.text]);
    return new Blob([csv(rows)], { type: 'text/csv;charset=utf-8' });
  }
  if (format === 'html') return new Blob([articleHtml(text, result, labels)], { type: 'text/html;charset=utf-8' });
  throw new Error(`unknown export format: ${format}`);
}

/** The article as a standalone HTML document with its entities marked; every text is escaped. */
export function articleHtml(text, result, labels) {
  const entities = [...(result.entities ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  const blocks = Array.isArray(result.paragraphs) && result.paragraphs.length ? result.paragraphs : blocksOf(text);
  const kindName = (k) => labels.kinds?.[k] ?? k;
  const out = [];
  let e = 0;
  for (const block of blocks) {
    let html = '';
    let at = block.start;
    const stack = []; // open entity ends
    while (e < entities.length && entities[e].end <= block.start) e++;
    let i = e;
    const closeUntil = (pos) => {
      while (stack.length && stack[stack.length - 1] <= pos) {
        const end = stack.pop();
        html += escapeHtml(text.slice(at, end)) + '</mark>';
        at = end;
      }
    };
    for (; i < entities.length && entities[i].start < block.end; i++) {
      const ent = entities[i];
      if (ent.start < at) continue; // overlaps one already open past its start: skip
      closeUntil(ent.start);
      const parentEnd = stack.length ? stack[stack.length - 1] : block.end;
      const end = Math.min(ent.end, parentEnd, block.end);
      html += escapeHtml(text.slice(at, ent.start));
      html += `<mark class="k-${escapeHtml(ent.kind)}" title="${escapeHtml(kindName(ent.kind))}">`;
      at = ent.start;
      stack.push(end);
    }
    closeUntil(block.end);
    html += escapeHtml(text.slice(at, block.end));
    const lang = block.language && block.language !== 'und' ? ` lang="${escapeHtml(block.language)}"` : '';
    out.push(`<p dir="auto"${lang}>${html}</p>`);
  }
  const legend = Object.entries(labels.kinds ?? {})
    .filter(([k]) => (result.entities ?? []).some((x) => x.kind === k))
    .map(([k, name]) => `<mark class="k-${escapeHtml(k)}">${escapeHtml(name)}</mark>`).join(' ');
  return `<!doctype html>
<html lang="${escapeHtml(labels.lang ?? 'en')}" dir="${labels.lang === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(labels.title ?? 'Article')}</title>
<style>
body { font: 1.1rem/1.8 system-ui, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d22; background: #fff; }
mark { border-radius: .2em; padding: 0 .1em; color: inherit; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.k-person { background: #ffe1d6; } .k-organization { background: #dbe6ff; } .k-location { background: #d9f2df; }
.k-misc { background: #efe0ff; } .k-date, .k-time { background: #fff1c2; } .k-number, .k-percent, .k-quantity { background: #e6e6ea; }
.k-money { background: #d6f3f0; } .k-url, .k-email, .k-hashtag, .k-mention { background: #e3f1ff; }
.k-quote { background: transparent; font-style: italic; border-inline-start: 3px solid #9a9aae; }
.legend { color: #555; font-size: .9rem; }
</style>
</head>
<body>
<p class="legend">${legend}</p>
${out.join('\n')}
</body>
</html>
`;
}
