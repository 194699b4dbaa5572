// The page: an editor on one side, its analysis on the other, updated as you type — computed in a
// worker, rendered in small chunks, so the page never freezes. Every view renders what the wasm
// build provides and says so when a field is not there yet.
import { AnalyzerClient } from './analyzer/client.js';
import { h, clear, num, download, yieldToMain } from './lib/dom.js';
import { t, setLanguage, initialLanguage, language } from './lib/i18n.js';
import { readArticleFile, FileProblem } from './lib/files.js';
import { loadText, saveText } from './analyzer/store.js';
import { encodeFragment, decodeFragment, isShareFragment, LIMIT } from './lib/share.js';
import { ArticleView } from './lib/article.js';
import { barChart, histogram, dispersion } from './lib/charts.js';

const KINDS = ['person', 'organization', 'location', 'misc', 'date', 'time', 'number', 'money', 'percent',
  'quantity', 'url', 'email', 'hashtag', 'mention', 'quote'];
const $ = (sel) => document.querySelector(sel);
const boot = globalThis.ARTICLE_ANALYZER_BOOT ?? {}; // set by the single-file build
const client = boot.workerUrl ? new AnalyzerClient(boot.workerUrl, { type: 'classic' }) : new AnalyzerClient();
// The worker loads and warms the wasm while the page sets up (cold start, README Performance).
client.warm();

const editor = $('#text');
// Above this many UTF-16 units the text does not go into the text box: Chromium needs seconds
// (a minute at 5 MB) to lay one out. It is kept in state.large and shown in the Article view.
const LARGE = 500_000;
const state = {
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

function analysisOptions() {
  const names = state.capabilities?.options ?? [];
  const o = {};
  if (names.includes('frequencyLevel')) o.frequencyLevel = $('#level').value;
  if (names.includes('stopwords')) o.stopwords = $('#stopwords').checked;
  if (names.includes('top')) o.top = 200;
  if (names.includes('summarySentences')) o.summarySentences = 3;
  return o;
}

async function run() {
  if (state.running) {
    state.dirty = true;
    return;
  }
  const text = currentText();
  const options = analysisOptions();
  const key = JSON.stringify(options);
  if (state.view && text === state.text && key === state.optionsKey) return; // nothing changed
  const controller = new AbortController();
  state.running = controller;
  state.dirty = false;
  const big = text.length > 200_000;
  const progressTimer = setTimeout(() => showProgress(t('analyzing', { size: sizeLabel(text.length * 2) })), big ? 0 : 400);
  try {
    state.capabilities ??= (await client.request({ kind: 'capabilities' })).result;
    const save = state.saveInWorker;
    state.saveInWorker = false;
    const { result, ms } = await client.request({ kind: 'view', text, options, save }, { signal: controller.signal });
    clearTimeout(progressTimer);
    await yieldToMain();
    if (state.dirty) return; // stale: the text changed meanwhile
    state.view = result;
    state.text = text;
    state.optionsKey = key;
    state.ms = ms;
    await showAnalysis();
  } catch (e) {
    clearTimeout(progressTimer);
    if (e.name === 'AnalyzerCrash') {
      state.optionsKey = null; // the fresh worker holds no analysis: the next run must redo it
      notify(t('analyzerRestarted'), { tone: 'error' });
    } else if (e.name !== 'AbortError') notify(t('workerError', { message: e.message }), { tone: 'error' });
  } finally {
    clearTimeout(progressTimer);
    state.running = null;
    if (state.dirty) schedule({ now: true });
    else hideProgress();
  }
}

function sizeLabel(bytes) {
  const lang = language();
  if (bytes > 1e6) return `${num(bytes / 1e6, lang, { maximumFractionDigits: 1 })} MB`;
  return `${num(Math.ceil(bytes / 1e3), lang)} KB`;
}

function showProgress(label, value) {
  $('#progress').hidden = false;
  $('#progress-label').textContent = label;
  const bar = $('#progress-bar');
  if (value == null) bar.removeAttribute('value');
  else bar.value = value;
}

function hideProgress() {
  $('#progress').hidden = true;
}

async function showAnalysis() {
  const { view, text } = state;
  const lang = language();
  for (const el of document.querySelectorAll('[data-stat]')) {
    el.textContent = num(view.statistics[el.dataset.stat], lang);
  }
  $('#status').textContent = text ? t('analyzedIn', { ms: num(state.ms, lang, { maximumFractionDigits: 1 }) }) : t('emptyText');
  for (const render of [renderLegend, renderSummary, renderStats, renderWords, renderEntities, hideKwic]) {
    await render();
    await yieldToMain(); // each view in its own task
  }
  const done = await article.render(text, view, {
    onProgress: (f) => { if (f < 1) showProgress(t('rendering', { pct: Math.round(f * 100) }), f); },
  });
  if (done) {
    document.body.dataset.analyzed = 'true';
    document.body.dataset.analyzedLength = String(text.length); // tests wait on these
    document.body.dataset.analyses = String(Number(document.body.dataset.analyses ?? 0) + 1);
    document.body.dataset.options = JSON.stringify(view.options ?? {});
    document.dispatchEvent(new CustomEvent('analyzed'));
    setTimeout(registerServiceWorker, 0);
  }
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
function selectTab(name, { focus = false } = {}) {
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
    $('#large-info').textContent = t('largeInfo', { size: sizeLabel(new Blob([text.slice(0, 200_000)]).size * (text.length / Math.min(text.length, 200_000))), chars: num(text.length, lang) });
  }
}

// A paste that would make the text too long for the text box goes to the large-text state.
editor.addEventListener('paste', (e) => {
  const pasted = e.clipboardData?.getData('text/plain') ?? '';
  if (editor.value.length + pasted.length <= LARGE) return;
  e.preventDefault();
  const next = editor.value.slice(0, editor.selectionStart) + pasted + editor.value.slice(editor.selectionEnd);
  setText(next);
  persist();
  schedule({ now: true });
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
  if (state.view) {
    for (const el of document.querySelectorAll('[data-stat]')) el.textContent = num(state.view.statistics[el.dataset.stat], lang);
    $('#status').textContent = t('analyzedIn', { ms: num(state.ms, lang, { maximumFractionDigits: 1 }) });
    renderLegend(); renderStats(); renderWords(); renderEntities(); renderSummary();
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
  if (isShareFragment(location.hash)) {
    try {
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
  client.request({ kind: 'capabilities' }).then(({ result }) => {
    if (result.version) $('#version').textContent = `article-analyzer ${result.version}`;
  }).catch(() => {});
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
