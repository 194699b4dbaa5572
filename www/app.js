// The page: an editor on one side, its analysis on the other, updated as you type — computed in a
// worker, rendered in small chunks, so the page never freezes. Every view renders what the wasm
// build provides and says so when a field is not there yet.
import { client } from './analyzer/page-client.js';
import { h, clear, num, download, yieldToMain } from './lib/dom.js';
import { t, setLanguage, initialLanguage, language } from './lib/i18n.js';
import { loadText, saveText } from './analyzer/store.js';
import { ArticleView } from './lib/article.js';
// Loaded when first needed, not with the page: opening a file, share links, the charts of the
// Statistics and Words panels (drawn after the first result is shown). Fewer requests before the
// first result: Chromium opens at most 6 connections to a server without HTTP/2.
const filesModule = () => import('./lib/files.js');
const shareModule = () => import('./lib/share.js');
const chartsModule = () => import('./lib/charts.js');

const KINDS = ['person', 'organization', 'location', 'misc', 'date', 'time', 'number', 'money', 'percent',
  'quantity', 'url', 'email', 'hashtag', 'mention', 'quote'];
const $ = (sel) => document.querySelector(sel);
const boot = globalThis.ARTICLE_ANALYZER_BOOT ?? {}; // set by the single-file build
// `client` (analyzer/page-client.js) started the worker before this module ran: it loads and
// warms the wasm while the page sets up (cold start, docs/performance-history.md).

const editor = $('#text');
// Above this many UTF-16 units the text does not go into the text box: the browser lays a text
// box's whole text out in one task, and that task grows with the text (measured in Chromium 156 on
// a loaded 2-core machine, setting the value: 100,000 units ~36 ms, 200,000 ~80 ms, 500,000
// ~230 ms, 1,000,000 ~460 ms; 5 MB 1.1–1.5 s), so above ~100,000 it freezes the page. Such a
// text — pasted, dropped, opened, restored — is kept in state.large and shown in the Article
// view only.
const LARGE = 100_000;
// Above this many UTF-16 units an analysis does not start by itself: the page offers to analyze a
// prefix (cut at a paragraph break) or all of it anyway. Measured (README, "Large texts"): the
// worker's wasm memory grows by about 25 bytes per UTF-16 unit analyzed, so 5 million units (5 MB
// of English, ~7.5 MB of mixed Arabic and English as UTF-8) cost ~125 MB of wasm memory and
// 6–40 s on a loaded 2-core machine; all 50 MB take most of a gigabyte and minutes. `?limit=N`
// overrides it (tests, power users).
const ANALYSIS_LIMIT = Number(new URLSearchParams(location.search).get('limit')) || 5_000_000;
// Until the page has measured this device, the analysis' progress assumes this speed (UTF-16
// units per millisecond; a loaded 2-core machine does ~250).
const DEFAULT_RATE = 250;
const state = {
  rate: DEFAULT_RATE,
  limitChoice: null, // { text, mode: 'prefix' | 'all', prefix } for a text over ANALYSIS_LIMIT
  prefixOf: 0, // the full length when the analysis shown covers only a prefix
  large: null,
  view: null, // the worker's lean view of the last analysis
  text: '', // the text that view describes
  ms: 0,
  hiddenKinds: new Set(),
  sort: { key: 'count', dir: -1 },
  capabilities: null,
  running: null, // AbortController of the run in flight
  dirty: false,
  undo: null,
};

// ---------------------------------------------------------------------------------------------
// Notices: one line of feedback, optionally with an action (Undo).

function notify(message, { action, onAction, tone = 'info' } = {}) {
  const box = $('#notice');
  clear(box);
  box.dataset.tone = tone;
  delete box.dataset.key;
  if (!message) return;
  box.append(h('span', {}, message));
  if (action) {
    box.append(' ', h('button', { type: 'button', class: 'link', onclick: () => { onAction(); } }, action));
  }
}

// ---------------------------------------------------------------------------------------------
// Analysis: at most one run in flight; edits during a run mark it stale and start one more when
// it ends. Longer texts wait a little longer after the last keystroke.

let timer = 0;
function schedule({ now = false } = {}) {
  clearTimeout(timer);
  const size = currentText().length;
  const delay = now ? 0 : Math.min(1200, 120 + size / 2000);
  timer = setTimeout(run, delay);
}

// Every option the page would like; the worker drops those its wasm build does not know (see
// worker-core.js), so the first analysis need not wait for the build's capabilities.
function analysisOptions() {
  return { frequencyLevel: $('#level').value, stopwords: $('#stopwords').checked, top: 200, summarySentences: 3 };
}

/** What the wasm build offers ({ options, version }), asked once, alongside the first analysis. */
let capabilities = null;
function loadCapabilities() {
  capabilities ??= client.request({ kind: 'capabilities' }).then(({ result }) => {
    state.capabilities = result;
    return result;
  }, () => {
    capabilities = null; // asked again next time (the worker may have been restarted)
    return null;
  });
  return capabilities;
}

/** The first `limit` UTF-16 units of `text`, cut after a paragraph break, else after a line
 * break or a space in its last 10%, else before `limit` (never inside a surrogate pair). */
function prefixOf(text, limit) {
  if (text.length <= limit) return text;
  const floor = Math.floor(limit * 0.9);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = text.lastIndexOf(sep, limit - sep.length);
    if (at >= floor) return text.slice(0, at + sep.length);
  }
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

/** The text to analyze now, or null while the reader has not chosen what to do with a very long one. */
function textToAnalyze() {
  const full = currentText();
  if (full.length <= ANALYSIS_LIMIT) {
    hideLimitOffer();
    return { text: full, full };
  }
  const choice = state.limitChoice;
  if (!choice || choice.text !== full) {
    showLimitOffer(full);
    return null;
  }
  hideLimitOffer();
  if (choice.mode === 'all') return { text: full, full };
  choice.prefix ??= prefixOf(full, ANALYSIS_LIMIT);
  return { text: choice.prefix, full };
}

function showLimitOffer(full, { announce = false } = {}) {
  const lang = language();
  const box = $('#limit');
  $('#limit-info').textContent = t('limitInfo', { size: sizeLabel(estimateBytes(full)), chars: num(full.length, lang), limit: num(ANALYSIS_LIMIT, lang) });
  $('#limit-prefix').textContent = t('limitPrefix', { limit: num(ANALYSIS_LIMIT, lang) });
  if (box.hidden || announce) {
    box.hidden = false;
    notify(t('limitNotice'));
    $('#notice').dataset.key = 'limitNotice'; // re-said in the other language on a switch
  }
  hideProgress();
}

function hideLimitOffer() {
  $('#limit').hidden = true;
}

for (const [id, mode] of [['#limit-prefix', 'prefix'], ['#limit-all', 'all']]) {
  $(id).addEventListener('click', () => {
    state.limitChoice = { text: currentText(), mode };
    notify('');
    schedule({ now: true });
  });
}

/** UTF-8 bytes of a text, estimated from its first 200,000 units (exact below that). */
function estimateBytes(text) {
  const sample = text.slice(0, 200_000);
  return new Blob([sample]).size * (text.length / Math.max(1, sample.length));
}

async function run() {
  if (state.running) {
    state.dirty = true;
    // A long run is not worth finishing for a text that changed: stop it (the worker restarts).
    if (state.running.long) state.running.abort(new DOMException('superseded', 'AbortError'));
    return;
  }
  const chosen = textToAnalyze();
  if (!chosen) {
    // Waiting for the reader's choice: the text is kept meanwhile (by the worker, off this thread).
    if (state.saveInWorker) {
      state.saveInWorker = false;
      client.request({ kind: 'save', text: currentText() }).catch(() => {});
    }
    return;
  }
  const { text, full } = chosen;
  const options = analysisOptions();
  const key = JSON.stringify(options);
  if (state.view && text === state.text && key === state.optionsKey) return; // nothing changed
  const controller = new AbortController();
  controller.long = text.length > 200_000;
  state.running = controller;
  state.dirty = false;
  const big = text.length > 200_000;
  // The size label, for progress messages only: formatting numbers the first time sets up Intl
  // (20–40 ms at a cold start), which a short text's first analysis should not wait for.
  let sizeText = null;
  const sizeOf = () => (sizeText ??= sizeLabel(estimateBytes(text)));
  const progressTimer = setTimeout(() => showProgress(t('analyzing', { size: sizeOf() }), null, { cancel: big }), big ? 0 : 400);
  // The analysis' progress: sending the text (real), then the wasm call (one step: estimated from
  // the speed measured on earlier analyses), then packing the answer.
  let ticker = 0;
  const onProgress = ({ stage, fraction }) => {
    if (controller.signal.aborted) return;
    if (stage === 'sending') {
      showProgress(t('sendingPct', { size: sizeOf(), pct: Math.round(fraction * 100) }), 0.05 * fraction, { cancel: true });
    } else if (stage === 'analyzing') {
      const began = performance.now();
      const tick = () => {
        const f = Math.min(0.97, ((performance.now() - began) * state.rate) / Math.max(1, text.length));
        showProgress(t('analyzingPct', { size: sizeOf(), pct: Math.round(f * 100) }), 0.05 + 0.85 * f, { cancel: true });
      };
      tick();
      clearInterval(ticker);
      ticker = setInterval(tick, 250);
    } else if (stage === 'packing') {
      clearInterval(ticker);
      showProgress(t('analyzing', { size: sizeOf() }), 0.9, { cancel: true });
    }
  };
  try {
    const save = state.saveInWorker;
    state.saveInWorker = false;
    // A prefix is analyzed, but the whole text is what the reader keeps.
    if (save && text !== full) await client.request({ kind: 'save', text: full }, { signal: controller.signal });
    const request = client.request({ kind: 'view', text, options, save: save && text === full },
      { signal: controller.signal, onProgress: big ? onProgress : undefined, hard: big });
    // While the worker analyzes: what showing the result needs and does not depend on it.
    loadCapabilities();
    num(0, language());
    const { result, ms } = await request;
    await loadCapabilities();
    clearTimeout(progressTimer);
    clearInterval(ticker);
    if (text.length > 100_000 && ms > 0) state.rate = text.length / ms;
    await yieldToMain();
    if (state.dirty) return; // stale: the text changed meanwhile
    state.view = result;
    state.text = text;
    state.prefixOf = text === full ? 0 : full.length;
    state.optionsKey = key;
    state.ms = ms;
    document.body.dataset.wasmMemory = String(client.peakMemory); // the largest wasm memory so far (tests read it)
    await showAnalysis();
  } catch (e) {
    clearTimeout(progressTimer);
    clearInterval(ticker);
    if (e.name === 'AnalyzerCrash') {
      state.optionsKey = null; // the fresh worker holds no analysis: the next run must redo it
      notify(t('analyzerRestarted'), { tone: 'error' });
    } else if (e.name === 'AbortError' && controller.long) {
      state.optionsKey = null; // the worker was replaced: it holds no analysis any more
      if (e.message !== 'superseded') {
        state.limitChoice = null; // a very long text: the offer comes back
        if (currentText().length > ANALYSIS_LIMIT) showLimitOffer(currentText());
        notify(t('cancelled'), { action: t('analyzeAgain'), onAction: () => {
          if (currentText().length <= ANALYSIS_LIMIT) schedule({ now: true }); else showLimitOffer(currentText());
        } });
      }
    } else if (e.name !== 'AbortError') notify(t('workerError', { message: e.message }), { tone: 'error' });
  } finally {
    clearTimeout(progressTimer);
    clearInterval(ticker);
    state.running = null;
    if (state.dirty) schedule({ now: true });
    else hideProgress();
  }
}

$('#cancel').addEventListener('click', () => state.running?.abort(new DOMException('cancelled', 'AbortError')));

function sizeLabel(bytes) {
  const lang = language();
  if (bytes > 1e6) return `${num(bytes / 1e6, lang, { maximumFractionDigits: 1 })} MB`;
  return `${num(Math.ceil(bytes / 1e3), lang)} KB`;
}

function showProgress(label, value, { cancel = false } = {}) {
  $('#progress').hidden = false;
  $('#progress-label').textContent = label;
  const bar = $('#progress-bar');
  if (value == null) bar.removeAttribute('value');
  else bar.value = value;
  $('#cancel').hidden = !cancel;
  document.body.dataset.progress = value == null ? '' : String(Math.round(value * 100)); // tests read it
}

function hideProgress() {
  $('#progress').hidden = true;
  $('#cancel').hidden = true;
}

function statusLine() {
  const lang = language();
  if (!state.text) return t('emptyText');
  const line = t('analyzedIn', { ms: num(state.ms, lang, { maximumFractionDigits: 1 }) });
  return state.prefixOf ? `${line}. ${t('prefixShown', { shown: num(state.text.length, lang), total: num(state.prefixOf, lang) })}` : line;
}

// Only what is on screen is built: the counts, the article (its visible part: see lib/article.js)
// with its legend and summary, and the selected tab's panel; the result counts as shown then
// (data-analyzed-length). The other panels are built when their tab is selected (selectTab).
/** The four count cards; a long number (from 100,000 up: 741,070) gets a smaller size to fit its card. */
function showCounts(statistics, lang) {
  for (const el of document.querySelectorAll('[data-stat]')) {
    el.textContent = num(statistics[el.dataset.stat], lang);
    el.classList.toggle('long', el.textContent.length > 6);
  }
}

async function showAnalysis() {
  const { view, text } = state;
  const metrics = article.measure(); // before any change to the page (see ArticleView.measure)
  const lang = language();
  showCounts(view.statistics, lang);
  $('#status').textContent = statusLine();
  renderLegend();
  renderSummary();
  hideKwic();
  const selected = selectedTab();
  if (selected !== 'article') await renderPanel(selected);
  const done = await article.render(text, view, {
    metrics,
    onProgress: (f) => { if (f < 1) showProgress(t('rendering', { pct: Math.round(f * 100) }), f); },
  });
  if (done) {
    document.body.dataset.analyzed = 'true';
    document.body.dataset.analyzedLength = String(text.length); // tests wait on these
    document.body.dataset.analyses = String(Number(document.body.dataset.analyses ?? 0) + 1);
    document.body.dataset.options = JSON.stringify(view.options ?? {});
    document.dispatchEvent(new CustomEvent('analyzed'));
    setTimeout(registerServiceWorker, 1000);
  }
}

// The Statistics, Words and Entities panels: each built for the analysis shown when its tab is
// selected (a hidden panel costs nothing: on a 5 MB text the Words panel alone is thousands of
// elements and a chart).
const PANELS = { stats: () => renderStats(), words: () => renderWords(), entities: () => renderEntities() };
let panelsShown = new WeakMap(); // view → the panels built for it

/** Builds a panel for the current analysis unless it already shows it. */
function renderPanel(name) {
  if (!PANELS[name] || !state.view) return undefined;
  const built = panelsShown.get(state.view) ?? new Set();
  if (built.has(name)) return undefined;
  panelsShown.set(state.view, built.add(name));
  return PANELS[name]();
}

// ---------------------------------------------------------------------------------------------
// Article: highlights, legend, tooltip, occurrences (KWIC).

const article = new ArticleView($('#article'), {
  onWord: (query) => showOccurrences(query),
  onEntity: (entity) => showOccurrences({ entity: { kind: entity.kind, text: entity.text } }),
});

function kindName(kind) {
  return t(`kind_${kind}`) === `kind_${kind}` ? kind : t(`kind_${kind}`);
}

function renderLegend() {
  const box = clear($('#legend'));
  const counts = state.view.kindCounts ?? {};
  const kinds = Object.keys(counts).sort((a, b) => (KINDS.indexOf(a) + 99) % 99 - (KINDS.indexOf(b) + 99) % 99);
  for (const kind of kinds) {
    const on = !state.hiddenKinds.has(kind);
    box.append(h('button', {
      type: 'button', class: `legend-item k-${kind}`, 'aria-pressed': String(on), 'data-kind': kind,
      'aria-label': t('toggleKind', { kind: kindName(kind), n: num(counts[kind], language()) }),
      onclick: (e) => toggleKind(kind, e.currentTarget),
    }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), kindName(kind), h('span', { class: 'count' }, num(counts[kind], language()))));
  }
}

function toggleKind(kind, button) {
  const on = state.hiddenKinds.has(kind);
  if (on) state.hiddenKinds.delete(kind);
  else state.hiddenKinds.add(kind);
  button.setAttribute('aria-pressed', String(on));
  $('#article').classList.toggle(`hide-${kind}`, !on);
}

function entityCount(kind, text) {
  const norm = (x) => x.normalize('NFKC').toLowerCase().replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  const wanted = norm(text);
  const group = state.view.entityGroups?.find((g) => g.kind === kind && norm(g.text) === wanted);
  if (group) return group.count;
  const ents = state.view.entities;
  let n = 0;
  for (let k = 0; k < ents.length; k++) {
    if (ents.kindNames[ents.kind[k]] === kind && norm(state.text.slice(ents.start[k], ents.end[k])) === wanted) n++;
  }
  return n;
}

function showTooltip(mark) {
  const tip = $('#tooltip');
  const kind = mark.dataset.kind;
  const count = entityCount(kind, mark.textContent);
  tip.textContent = t('entityTip', { kind: kindName(kind), count: count === 1 ? t('occurrence') : t('occurrences', { n: num(count, language()) }) });
  tip.hidden = false;
  const r = mark.getBoundingClientRect();
  const tr = tip.getBoundingClientRect();
  const left = Math.min(Math.max(8, r.left + r.width / 2 - tr.width / 2), innerWidth - tr.width - 8);
  tip.style.left = `${left + scrollX}px`;
  tip.style.top = `${r.top + scrollY - tr.height - 6 < scrollY ? r.bottom + scrollY + 6 : r.top + scrollY - tr.height - 6}px`;
  mark.setAttribute('aria-describedby', 'tooltip');
}

function hideTooltip(mark) {
  $('#tooltip').hidden = true;
  mark?.removeAttribute('aria-describedby');
}

for (const type of ['mouseover', 'focusin']) {
  $('#article').addEventListener(type, (e) => {
    const mark = e.target.closest?.('mark.ent');
    if (mark) showTooltip(mark);
  });
}
for (const type of ['mouseout', 'focusout']) {
  $('#article').addEventListener(type, (e) => {
    const mark = e.target.closest?.('mark.ent');
    if (mark) hideTooltip(mark);
  });
}
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') { hideTooltip(); hideKwic(); } });

let occurrenceRequest = null;
async function showOccurrences(query) {
  occurrenceRequest?.abort();
  const controller = new AbortController();
  occurrenceRequest = controller;
  let found;
  try {
    ({ result: found } = await client.request({ kind: 'occurrences', ...query }, { signal: controller.signal }));
  } catch (e) {
    if (e.name !== 'AbortError') notify(e.message, { tone: 'error' });
    return;
  }
  if (!found.positions.length) { hideKwic(); return; }
  article.setHits(found.positions);
  const list = clear($('#kwic-list'));
  const n = found.positions.length / 2;
  $('#kwic-title').textContent = t(n === 1 ? 'kwicTitleOne' : 'kwicTitle', { word: found.label, n: num(n, language()) });
  const text = state.text;
  for (let i = 0; i < Math.min(n, 300); i++) {
    const start = found.positions[2 * i];
    const end = found.positions[2 * i + 1];
    const before = text.slice(Math.max(0, start - 60), start).replace(/\s+/g, ' ');
    const after = text.slice(end, end + 60).replace(/\s+/g, ' ');
    list.append(h('li', {}, h('button', {
      type: 'button', class: 'kwic-line', dir: 'auto', 'aria-label': `${t('jump', { i: i + 1 })}: ${text.slice(start, end)}`,
      onclick: () => { selectTab('article'); article.reveal(start); },
    }, h('span', { class: 'before' }, h('span', {}, before)), h('strong', {}, text.slice(start, end)), h('span', { class: 'after' }, after))));
  }
  $('#kwic').hidden = false;
}

function hideKwic() {
  if ($('#kwic').hidden) return;
  $('#kwic').hidden = true;
  article.setHits(new Uint32Array(0));
}
$('#kwic-close').addEventListener('click', hideKwic);

// ---------------------------------------------------------------------------------------------
// Summary, statistics, words, entities.

function renderSummary() {
  const { view, text } = state;
  const box = $('#summary-box');
  const list = clear($('#summary'));
  const indices = Array.isArray(view.summary) ? view.summary : [];
  box.hidden = !indices.length;
  for (const i of indices) {
    if (i >= view.sentences.length) continue;
    const range = { start: view.sentences.start[i], end: view.sentences.end[i] };
    const item = h('li', { tabindex: '0', dir: 'auto', title: t('summaryHint') }, text.slice(range.start, range.end).trim());
    const on = () => article.setHover(range);
    const off = () => article.setHover(null);
    item.addEventListener('mouseenter', on);
    item.addEventListener('focus', on);
    item.addEventListener('mouseleave', off);
    item.addEventListener('blur', off);
    item.addEventListener('click', () => article.reveal(range.start, { focus: false }));
    item.addEventListener('keydown', (e) => { if (e.key === 'Enter') article.reveal(range.start, { focus: false }); });
    list.append(item);
  }
}

const STAT_ORDER = ['words', 'sentences', 'characters', 'charactersNoSpaces', 'uniqueWords', 'paragraphs',
  'averageSentenceLength', 'averageWordLength', 'lexicalDensity', 'typeTokenRatio', 'readingTimeSeconds',
  'speakingTimeSeconds', 'readability'];

function formatStat(key, value) {
  const lang = language();
  if (key === 'readability') {
    if (!value) return null;
    return `${num(value.score, lang, { maximumFractionDigits: 0 })}${value.index ? ` (${value.index})` : ''}`;
  }
  if (typeof value !== 'number') return null;
  if (key.endsWith('Seconds')) {
    return value >= 60 ? t('minutes', { m: num(Math.round(value / 60), lang) }) : t('seconds', { s: num(Math.round(value), lang) });
  }
  if (key === 'lexicalDensity' || key === 'typeTokenRatio') return num(value, lang, { style: 'percent', maximumFractionDigits: 0 });
  return num(value, lang, { maximumFractionDigits: 1 });
}

async function renderStats() {
  const { view } = state;
  const box = clear($('#stat-cards'));
  const stats = view.statistics ?? {};
  const cap = (k) => k[0].toUpperCase() + k.slice(1);
  const card = (key, value, label, help) => box.append(h('div', { class: 'card', 'data-card': key },
    h('span', { class: 'card-label' }, label), h('span', { class: 'card-value' }, value), h('p', { class: 'card-help' }, help)));
  if (stats.bidiControls > 0) {
    // Controls that can reorder what is shown: a warning first, before any other figure.
    box.append(h('div', { class: 'card warning', 'data-card': 'bidiControls', role: 'note' },
      h('span', { class: 'card-label' }, t('statBidiControls')), h('span', { class: 'card-value' }, num(stats.bidiControls, language())),
      h('p', { class: 'card-help' }, t('statBidiControlsHelp'))));
  }
  if (view.language) card('language', t(`lang_${view.language}`) === `lang_${view.language}` ? view.language : t(`lang_${view.language}`), t('statLanguage'), t('statLanguageHelp'));
  for (const key of STAT_ORDER) {
    const shown = formatStat(key, stats[key]);
    if (shown != null) card(key, shown, t(`stat${cap(key)}`), t(`stat${cap(key)}Help`));
  }
  const { histogram } = await chartsModule();
  await yieldToMain(); // the histogram in a task of its own
  if (state.view !== view) return;
  const chart = clear($('#sentence-histogram'));
  const values = view.sentenceWords ?? [];
  chart.append(histogram(values, {
    label: t('chartHistogram', { n: num(values.length, language()) }), rtl: language() === 'ar', axis: t('wordsAxis'),
    format: (v) => num(v, language()),
  }));
}

// Each part of the Words view in its own task: on a 5 MB text none may hold the main thread.
async function renderWords() {
  const { view } = state;
  const has = Array.isArray(view.frequencies);
  const names = state.capabilities?.options ?? [];
  $('#words-missing').hidden = has;
  $('#panel-words').classList.toggle('no-data', !has);
  $('#level').disabled = !names.includes('frequencyLevel');
  $('#stopwords').disabled = !names.includes('stopwords');
  await renderFrequencyTable();
  const { barChart, dispersion } = await chartsModule();
  await yieldToMain();
  if (state.view !== view) return;
  const lang = language();
  const rtl = lang === 'ar';
  const top = (view.frequencies ?? []).slice(0, 15);
  clear($('#freq-chart')).append(barChart(top.map((f) => ({ label: f.text, value: f.count })), {
    label: t('chartBars', { n: num(top.length, lang) }), rtl, format: (v) => num(v, lang),
  }));
  await yieldToMain();
  if (state.view !== view) return;
  const cloud = clear($('#cloud'));
  const words = (view.frequencies ?? []).slice(0, 60);
  const max = Math.max(1, ...words.map((f) => f.count));
  const min = Math.min(max, ...words.map((f) => f.count));
  const collator = new Intl.Collator(lang);
  for (const f of [...words].sort((a, b) => collator.compare(a.text, b.text))) {
    const size = max === min ? 3 : 1 + Math.round(((f.count - min) / (max - min)) * 5);
    cloud.append(h('li', {}, h('button', {
      type: 'button', class: `w${size}`, dir: 'auto', 'aria-label': `${f.text}: ${num(f.count, lang)}`,
      onclick: () => showOccurrences({ key: f.key ?? f.text }),
    }, f.text)));
  }
  const pills = (sel, items, label) => {
    const ol = clear($(sel));
    for (const item of items ?? []) ol.append(h('li', { dir: 'auto' }, h('span', {}, item.text), h('span', { class: 'count' }, label(item))));
    if (!items?.length) ol.append(h('li', { class: 'empty' }, Array.isArray(items) ? t('none') : t('notInBuild')));
  };
  pills('#keywords', view.keywords?.slice(0, 20), (k) => num(k.score, lang, { maximumFractionDigits: 2 }));
  pills('#ngrams', view.ngrams?.slice(0, 20), (g) => num(g.count, lang));
  await yieldToMain();
  if (state.view !== view) return;
  const rows = (view.frequencies ?? []).filter((f) => f.starts).map((f) => ({
    label: f.text, starts: f.starts, title: `${f.text}: ${num(f.count, lang)}`,
  }));
  clear($('#dispersion')).append(dispersion(rows, view.textLength, {
    label: t('chartDispersion'), rtl, startLabel: t('start'), endLabel: t('end'),
  }));
}

let tableGeneration = 0;
async function renderFrequencyTable() {
  const generation = ++tableGeneration;
  const lang = language();
  const body = clear($('#freq-table tbody'));
  const query = $('#word-search').value.trim().toLowerCase();
  const { key, dir } = state.sort;
  let rows = (state.view?.frequencies ?? []).filter((f) => !query || f.text.toLowerCase().includes(query)
    || (f.key ?? '').includes(query) || f.forms?.some((x) => x.text.toLowerCase().includes(query)));
  const collator = new Intl.Collator(lang);
  rows = [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    return (typeof x === 'string' ? collator.compare(x, y) : (x ?? 0) - (y ?? 0)) * dir || b.count - a.count;
  });
  for (const [i, f] of rows.slice(0, 200).entries()) {
    if (i && i % 50 === 0) {
      await yieldToMain(); // rows in chunks
      if (generation !== tableGeneration) return;
    }
    const forms = (f.forms ?? []).map((x) => x.text).join('، ');
    body.append(h('tr', {},
      h('th', { scope: 'row', dir: 'auto' }, h('button', { type: 'button', class: 'link', title: forms, onclick: () => showOccurrences({ key: f.key ?? f.text }) }, f.text)),
      h('td', {}, num(f.count, lang)),
      h('td', {}, num(f.perThousand, lang, { maximumFractionDigits: 1 }))));
  }
  for (const button of document.querySelectorAll('#freq-table [data-sort]')) {
    const th = button.parentElement;
    th.setAttribute('aria-sort', button.dataset.sort === key ? (dir > 0 ? 'ascending' : 'descending') : 'none');
  }
}

for (const button of document.querySelectorAll('#freq-table [data-sort]')) {
  button.addEventListener('click', () => {
    const key = button.dataset.sort;
    state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : (key === 'text' ? 1 : -1) };
    renderFrequencyTable();
  });
}
$('#word-search').addEventListener('input', renderFrequencyTable);
$('#level').addEventListener('change', () => schedule({ now: true }));
$('#stopwords').addEventListener('change', () => schedule({ now: true }));

function renderEntities() {
  const { view } = state;
  const box = clear($('#entity-groups'));
  const groups = view.entityGroups ?? [];
  $('#entities-empty').hidden = groups.length > 0;
  const byKind = new Map();
  for (const g of groups) {
    if (!byKind.has(g.kind)) byKind.set(g.kind, []);
    byKind.get(g.kind).push(g);
  }
  const lang = language();
  for (const kind of [...byKind.keys()].sort((a, b) => (KINDS.indexOf(a) + 99) % 99 - (KINDS.indexOf(b) + 99) % 99)) {
    const list = h('ul', {});
    for (const g of byKind.get(kind)) {
      list.append(h('li', {}, h('button', {
        type: 'button', class: `entity k-${kind}`,
        onclick: () => { selectTab('article'); showOccurrences({ entity: { kind, text: g.text } }); article.reveal(g.start); },
      }, h('span', { dir: 'auto' }, g.text), h('span', { class: 'count' }, num(g.count, lang)))));
    }
    box.append(h('section', { class: 'entity-kind' },
      h('h3', {}, h('span', { class: `swatch k-${kind}`, 'aria-hidden': 'true' }), kindName(kind), ' ', h('span', { class: 'count' }, num(view.kindCounts?.[kind] ?? 0, lang))),
      list));
  }
}

// ---------------------------------------------------------------------------------------------
// Tabs (WAI-ARIA tabs: roving tabindex, arrows, Home/End).

const tabs = [...document.querySelectorAll('[role="tab"]')];
const selectedTab = () => tabs.find((tab) => tab.getAttribute('aria-selected') === 'true')?.id.slice(4) ?? 'article';
function selectTab(name, { focus = false } = {}) {
  renderPanel(name); // a panel not rendered yet for this analysis (showAnalysis) is, now
  for (const tab of tabs) {
    const on = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`#${tab.getAttribute('aria-controls')}`).hidden = !on;
    if (on && focus) tab.focus();
  }
}
for (const tab of tabs) {
  tab.addEventListener('click', () => selectTab(tab.id.slice(4)));
  tab.addEventListener('keydown', (e) => {
    const rtl = document.documentElement.dir === 'rtl';
    const i = tabs.indexOf(tab);
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    let next = null;
    if (step) next = tabs[(i + step + tabs.length) % tabs.length];
    else if (e.key === 'Home') next = tabs[0];
    else if (e.key === 'End') next = tabs[tabs.length - 1];
    if (!next) return;
    e.preventDefault();
    selectTab(next.id.slice(4), { focus: true });
  });
}

// ---------------------------------------------------------------------------------------------
// Input: typing, files (button, drop anywhere), samples, clear with undo, persistence.

let saveTimer = 0;
function persist() {
  clearTimeout(saveTimer);
  // A long text is saved by the worker with its next analysis: storing megabytes from here would
  // serialize them on the main thread.
  state.saveInWorker = currentText().length > LARGE;
  if (state.saveInWorker) return;
  saveTimer = setTimeout(async () => {
    if (!(await saveText(currentText()))) notify(t('storageOff'), { tone: 'error' });
  }, 300);
}

// Leaving the page saves at once (the debounced save may not have run yet).
window.addEventListener('pagehide', () => {
  if (!state.saveInWorker) {
    clearTimeout(saveTimer);
    saveText(currentText());
  }
});

function currentText() {
  return state.large ?? editor.value;
}

/** Puts a text in the editor, or — when it is too long for a text box — in the large-text state. */
function setText(text) {
  const large = text.length > LARGE;
  state.large = large ? text : null;
  editor.value = large ? '' : text;
  editor.hidden = large;
  $('#large').hidden = !large;
  if (large) {
    const lang = language();
    $('#large-info').textContent = t('largeInfo', { size: sizeLabel(estimateBytes(text)), chars: num(text.length, lang) });
  }
}

// A paste, or a drop of text (dragged from another page or application), that would make the
// text too long for the text box goes to the large-text state instead, with what was typed around
// it: the browser never gets to put it in the box.
function insertLarge(event, inserted) {
  if (editor.value.length + inserted.length <= LARGE) return;
  event.preventDefault();
  event.stopPropagation();
  const next = editor.value.slice(0, editor.selectionStart) + inserted + editor.value.slice(editor.selectionEnd);
  setText(next);
  persist();
  schedule({ now: true });
}
editor.addEventListener('paste', (e) => insertLarge(e, e.clipboardData?.getData('text/plain') ?? ''));
editor.addEventListener('drop', (e) => {
  if ([...(e.dataTransfer?.types ?? [])].includes('Files')) return; // a file: opened by the page (below)
  insertLarge(e, e.dataTransfer?.getData('text/plain') ?? '');
});

editor.addEventListener('input', (event) => {
  persist();
  // A paste or a drop is a whole text: analyze it at once; typing waits for a pause.
  schedule({ now: event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop' });
});

/** Replaces the editor's text, offering to undo it. */
function replaceText(text, message) {
  const previous = currentText();
  setText(text);
  editor.scrollTop = 0;
  persist();
  schedule({ now: true });
  if (previous.trim() && previous !== text) {
    notify(message, { action: t('undo'), onAction: () => {
      setText(previous);
      persist();
      schedule({ now: true });
      notify(t('restored'));
    } });
  } else notify(message);
}

async function openFile(file) {
  const { readArticleFile, FileProblem } = await filesModule();
  try {
    const { text, encoding } = await readArticleFile(file);
    replaceText(text, t('loadedFile', { name: file.name, encoding }));
  } catch (e) {
    const message = e instanceof FileProblem ? t(e.key, e.values) : t('fileError', { name: file.name, message: e.message });
    notify(message, { tone: 'error' });
  }
}

$('#open-file').addEventListener('click', () => $('#file-input').click());
$('#file-input').addEventListener('change', (e) => {
  const file = e.target.files?.[0];
  if (file) openFile(file);
  e.target.value = '';
});

// Drop anywhere: nested dragenter/dragleave are counted so the target never flickers.
let dragDepth = 0;
const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
document.addEventListener('dragenter', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  if (dragDepth++ === 0) $('#drop-target').hidden = false;
});
document.addEventListener('dragover', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('dragleave', (e) => {
  if (!hasFiles(e)) return;
  if (--dragDepth <= 0) { dragDepth = 0; $('#drop-target').hidden = true; }
});
document.addEventListener('drop', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth = 0;
  $('#drop-target').hidden = true;
  const file = e.dataTransfer.files?.[0];
  if (file) openFile(file);
});

$('#samples').addEventListener('change', async (e) => {
  const select = e.target;
  const name = select.value;
  if (!name) return;
  try {
    const text = boot.samples?.[name] ?? await (await fetch(`samples/${name}`)).text();
    replaceText(text, t('loadedSample', { name: select.selectedOptions[0].textContent }));
  } catch (err) {
    notify(t('fileError', { name, message: err.message }), { tone: 'error' });
  }
  select.value = '';
});

$('#clear').addEventListener('click', () => {
  if (!currentText()) return;
  replaceText('', t('cleared'));
  editor.focus();
});

// ---------------------------------------------------------------------------------------------
// Output: exports, print, share link.

async function exportAs(format, name) {
  if (!state.view) return;
  const labels = {
    lang: language(), title: state.text.split('\n').find((l) => l.trim())?.trim().slice(0, 120) ?? t('title'),
    kinds: Object.fromEntries(KINDS.map((k) => [k, kindName(k)])),
  };
  try {
    const { result } = await client.request({ kind: 'export', format, labels });
    download(result, name);
    notify(t('exported', { name }));
  } catch (e) {
    notify(e.message, { tone: 'error' });
  }
}
$('#export-json').addEventListener('click', () => exportAs('json', 'analysis.json'));
$('#export-freq').addEventListener('click', () => exportAs('frequencies.csv', 'frequencies.csv'));
$('#export-entities').addEventListener('click', () => exportAs('entities.csv', 'entities.csv'));
$('#export-html').addEventListener('click', () => exportAs('html', 'article.html'));
$('#print').addEventListener('click', () => window.print());
window.addEventListener('beforeprint', () => article.fillAll());

$('#share').addEventListener('click', async () => {
  const lang = language();
  const { encodeFragment, LIMIT } = await shareModule();
  const encoded = await encodeFragment(currentText());
  if (encoded.tooLong) {
    notify(t('shareTooLong', { size: `${num(Math.ceil(encoded.tooLong / 1024), lang)} KB`, limit: `${num(LIMIT / 1024, lang)} KB` }), { tone: 'error' });
    return;
  }
  const url = `${location.href.split('#')[0]}${encoded.fragment}`;
  history.replaceState(null, '', encoded.fragment);
  try {
    await navigator.clipboard.writeText(url);
    notify(t('shareCopied'));
  } catch {
    notify(t('shareShown'));
  }
  document.body.dataset.shareUrl = url;
});

// ---------------------------------------------------------------------------------------------
// Preferences: language and theme.

function applyLanguage(lang, remember) {
  setLanguage(lang, { remember });
  const other = lang === 'ar' ? 'en' : 'ar';
  const button = $('#lang-switch');
  button.textContent = other === 'ar' ? 'العربية' : 'English';
  button.lang = other;
  button.setAttribute('aria-label', other === 'ar' ? 'التبديل إلى العربية' : 'Switch to English');
  updateThemeButton();
  if (state.large) $('#large-info').textContent = t('largeInfo', { size: sizeLabel(estimateBytes(state.large)), chars: num(state.large.length, lang) });
  if (!$('#limit').hidden) showLimitOffer(currentText(), { announce: $('#notice').dataset.key === 'limitNotice' });
  if (state.view) {
    showCounts(state.view.statistics, lang);
    $('#status').textContent = statusLine();
    renderLegend(); renderSummary();
    panelsShown = new WeakMap(); // every panel again, in the new language, when it is shown
    renderPanel(selectedTab());
  }
}
$('#lang-switch').addEventListener('click', () => applyLanguage(language() === 'ar' ? 'en' : 'ar', true));

function currentTheme() {
  return document.documentElement.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}
function updateThemeButton() {
  const dark = currentTheme() === 'dark';
  const button = $('#theme-switch');
  button.setAttribute('aria-pressed', String(dark));
  button.textContent = t('themeDark');
}
$('#theme-switch').addEventListener('click', () => {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  try { localStorage.setItem('aa.theme', next); } catch { /* storage off */ }
  updateThemeButton();
});

// ---------------------------------------------------------------------------------------------
// Start.

async function start() {
  try {
    const theme = localStorage.getItem('aa.theme');
    if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  } catch { /* storage off */ }
  applyLanguage(initialLanguage(), false);
  if (location.hash.startsWith('#text=')) { // a share link (lib/share.js)
    try {
      const { decodeFragment } = await shareModule();
      setText(await decodeFragment(location.hash));
      persist();
      notify(t('shareLoaded'));
    } catch {
      notify(t('shareBroken'), { tone: 'error' });
      setText(await loadText());
    }
  } else if (!editor.value) {
    const saved = await loadText();
    // A text pasted while the saved one was loading wins.
    if (!currentText()) setText(saved);
  }
  run();
  loadCapabilities().then((result) => {
    if (result?.version) $('#version').textContent = `article-analyzer ${result.version}`;
  });
  // Without a first analysis to wait for, the service worker is registered soon after load.
  addEventListener('load', () => setTimeout(registerServiceWorker, currentText() ? 3000 : 0), { once: true });
}

// The service worker pre-caches the whole app (the wasm included) when it installs: registered
// after the first result is shown, so that download and its CPU do not delay the result.
let serviceWorkerRegistered = false;
function registerServiceWorker() {
  if (serviceWorkerRegistered) return;
  serviceWorkerRegistered = true;
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol) && !boot.singleFile
      && !new URLSearchParams(location.search).has('nosw')) {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
}

start();
