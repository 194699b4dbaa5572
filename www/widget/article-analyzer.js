// <article-analyzer>: an embeddable custom element that analyzes an article and shows its
// statistics, names and figures, and frequent words — in Shadow DOM, off the main thread.
//
//   <script type="module" src="https://example.org/article-analyzer/widget/define.js"></script>
//   <article id="story">…</article>
//   <article-analyzer for="story" views="stats entities words" ui-lang="en"></article-analyzer>
//
// This module exports the class and `define()`; it registers nothing by itself (define.js does).
// Input, first match wins: the `text` property; the element named by `for` (its text, read as
// text); the element's own light-DOM text. Any change re-analyzes, batched in a microtask.
//
// Safety: article text only ever reaches the DOM through textContent / Text nodes, and the host
// page is never modified (highlights are CSS Custom Highlight ranges). Styles are constructable
// stylesheets, so a strict CSP (style-src 'self', no 'unsafe-inline') is enough.
import { sharedEntry, analyzeSupported } from './api.js';
import { readText, rangeFor } from './host-text.js';
import { HostHighlights, adoptHostStyles, supported as highlightsSupported } from './highlight.js';
import { widgetCss } from './styles.js';
import { strings, hasStrings } from './i18n.js';

/** Every view the element can show, in display order. */
export const VIEWS = ['stats', 'entities', 'words', 'keywords', 'summary', 'text'];
const DEFAULT_VIEWS = ['stats', 'entities', 'words'];
const DEFAULT_TOP = 10;
// Embedding, override and isolate controls: removed from short labels (they would reorder the
// label itself); the full-text view keeps them, confined by bidi isolation.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

let sheet = null;
function widgetSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(widgetCss);
  }
  return sheet;
}

/** Builds an element; text only ever through textContent. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key === 'class') el.className = value;
    else if (key === 'data') Object.assign(el.dataset, value);
    else el.setAttribute(key, value);
  }
  el.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

const label = (s) => String(s ?? '').replace(BIDI_CONTROLS, '');

export class ArticleAnalyzerElement extends HTMLElement {
  static observedAttributes = ['for', 'views', 'language', 'top', 'ui-lang', 'highlight-host', 'loading', 'label'];

  #root;
  #panel;
  #title;
  #status;
  #body;
  #text = null;
  #client = null;
  #customEntry = null;
  #result = null;
  #analyzedText = '';
  #input = null;
  #controller = null;
  #scheduled = false;
  #observer = null;
  #observed = null;
  #intersection = null;
  #visible = true;
  #highlights = new HostHighlights();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [widgetSheet()];
    this.#title = h('span', { class: 'title', part: 'title' });
    this.#status = h('span', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.#body = h('div', { class: 'body', part: 'body' });
    this.#panel = h('div', { class: 'panel', part: 'panel' },
      h('header', { part: 'header' }, this.#title, this.#status), this.#body);
    this.#root.append(this.#panel);
    this.#observer = new MutationObserver(() => this.#schedule());
  }

  connectedCallback() {
    // Properties set before this module loaded are own properties hiding the accessors.
    for (const name of ['text', 'client', 'views', 'top', 'language', 'uiLang', 'htmlFor']) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#observe();
    this.#setupLazy();
    this.#paintChrome();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer.disconnect();
    this.#observed = null;
    this.#intersection?.disconnect();
    this.#intersection = null;
    this.#controller?.abort();
    this.#highlights.clear();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'for') this.#observe();
    if (name === 'loading') this.#setupLazy();
    if (name === 'ui-lang' || name === 'label') {
      this.#paintChrome();
      if (this.#result) this.#render();
      return;
    }
    this.#schedule();
  }

  // --- public API -------------------------------------------------------------------------

  /** Text to analyze instead of the `for` target or the light DOM; `null` to go back to them. */
  get text() { return this.#text ?? this.#readInput().text; }
  set text(value) {
    this.#text = value === null || value === undefined ? null : String(value);
    this.#schedule();
  }

  /** The last analysis (the report object), or null before the first one. */
  get result() { return this.#result; }

  /** Another analysis client (an object with `analyze(text, options, { signal })`), or null for the page's shared one. */
  get client() { return this.#client; }
  set client(value) {
    this.#client = value ?? null;
    this.#customEntry = value ? { client: value, known: null } : null;
    this.#schedule();
  }

  get views() { return this.#views(); }
  set views(value) { this.setAttribute('views', Array.isArray(value) ? value.join(' ') : String(value)); }
  get top() {
    const n = Number.parseInt(this.getAttribute('top') ?? '', 10);
    return Number.isFinite(n) && n > 0 ? Math.min(n, 100) : DEFAULT_TOP;
  }
  set top(value) { this.setAttribute('top', String(value)); }
  get language() { return this.getAttribute('language') || null; }
  set language(value) { if (value) this.setAttribute('language', value); else this.removeAttribute('language'); }
  /** `ui-lang`, else the nearest `lang` when the widget ships that language, else `en`. */
  get uiLang() {
    const explicit = this.getAttribute('ui-lang');
    if (explicit) return explicit;
    const inherited = this.closest('[lang]')?.getAttribute('lang') ?? '';
    return hasStrings(inherited) ? inherited : 'en';
  }
  set uiLang(value) { this.setAttribute('ui-lang', value); }
  get htmlFor() { return this.getAttribute('for') ?? ''; }
  set htmlFor(value) { this.setAttribute('for', value); }

  /**
   * Analyzes the current input now. Resolves to the report (and fires `analyzed`); rejects with
   * an AbortError when a newer analysis supersedes this one.
   */
  analyze() {
    this.#visible = true;
    return this.#run();
  }

  // --- input -----------------------------------------------------------------------------

  #target() {
    const id = this.getAttribute('for');
    if (!id) return null;
    const root = this.getRootNode();
    return root.getElementById?.(id) ?? document.getElementById(id);
  }

  #observe() {
    this.#observer.disconnect();
    const id = this.getAttribute('for');
    const target = id ? this.#target() : this;
    this.#observed = target;
    if (target) {
      this.#observer.observe(target, { childList: true, subtree: true, characterData: true });
    } else if (document.readyState === 'loading') {
      // The article may come after the element in the document.
      document.addEventListener('DOMContentLoaded', () => { this.#observe(); this.#schedule(); }, { once: true });
    }
  }

  #readInput() {
    if (this.#text !== null) return { text: this.#text, segments: null, target: null };
    const target = this.getAttribute('for') ? this.#target() : this;
    if (!target) return { text: '', segments: null, target: null };
    if (target !== this.#observed && this.isConnected) this.#observe();
    const { text, segments } = readText(target);
    return { text, segments, target: target === this ? null : target };
  }

  #setupLazy() {
    this.#intersection?.disconnect();
    this.#intersection = null;
    if (this.getAttribute('loading') !== 'lazy' || !('IntersectionObserver' in globalThis)) {
      this.#visible = true;
      return;
    }
    this.#visible = false;
    this.#intersection = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.#intersection?.disconnect();
      this.#intersection = null;
      this.#visible = true;
      this.#schedule();
    }, { rootMargin: '200px' });
    this.#intersection.observe(this);
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      if (!this.#scheduled) return; // analyze() already ran it
      this.#scheduled = false;
      if (this.isConnected && this.#visible) this.#run().catch(() => {});
    });
  }

  #views() {
    const asked = (this.getAttribute('views') ?? '').toLowerCase().split(/[\s,]+/).filter((v) => VIEWS.includes(v));
    return asked.length ? [...new Set(asked)] : DEFAULT_VIEWS;
  }

  // --- analysis ----------------------------------------------------------------------------

  async #run() {
    this.#scheduled = false;
    const input = this.#readInput();
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const t = strings(this.uiLang);
    this.#setStatus('busy', t.analyzing);
    const entry = this.#customEntry ?? sharedEntry();
    const views = this.#views();
    const wantsEntities = views.includes('entities') || views.includes('text') || this.hasAttribute('highlight-host');
    const wanted = {
      tokens: views.includes('words') && entry.hasFrequencies !== true,
      sentences: views.includes('summary'),
      paragraphs: false,
      entities: wantsEntities,
      top: Math.max(this.top, 10),
      language: this.language ?? undefined,
    };
    try {
      const { result, ms } = await analyzeSupported(entry, input.text, wanted, { signal: controller.signal });
      if (controller.signal.aborted) throw controller.signal.reason ?? new DOMException('Aborted', 'AbortError');
      if (views.includes('words')) entry.hasFrequencies = Array.isArray(result.frequencies);
      this.#result = result;
      this.#analyzedText = input.text;
      this.#input = input;
      this.#render();
      this.#setStatus('done', input.text.trim() ? t.analyzedIn(ms < 10 ? ms.toFixed(1) : Math.round(ms)) : t.noText);
      this.#paintHost();
      this.dispatchEvent(new CustomEvent('analyzed', { detail: result, bubbles: true, composed: true }));
      return result;
    } catch (e) {
      if (e?.name !== 'AbortError') this.#setStatus('error', e?.message ?? String(e));
      throw e;
    } finally {
      if (this.#controller === controller) this.#controller = null;
    }
  }

  // --- rendering ---------------------------------------------------------------------------

  #setStatus(state, message) {
    this.#status.dataset.state = state;
    this.#status.textContent = message;
    this.dataset.state = state;
  }

  #paintChrome() {
    const t = strings(this.uiLang);
    this.#panel.dir = t.dir;
    this.#panel.lang = this.uiLang;
    this.#title.textContent = this.getAttribute('label') ?? t.title;
  }

  #render() {
    this.#paintChrome();
    const t = strings(this.uiLang);
    const sections = [];
    for (const view of this.#views()) {
      const content = this.#view(view, t);
      if (content) {
        sections.push(h('section', { part: `view view-${view}`, data: { view } },
          h('h3', { part: 'heading', text: t[view] }), content));
      }
    }
    this.#body.replaceChildren(...sections);
  }

  #view(view, t) {
    const r = this.#result;
    const text = this.#analyzedText;
    const fmt = new Intl.NumberFormat(this.uiLang);
    switch (view) {
      case 'stats': {
        const s = r.statistics ?? {};
        const items = [];
        const add = (key, value) => items.push(h('div', { class: 'stat', part: 'stat', data: { stat: key } },
          h('dt', { part: 'stat-label', text: t.stat[key] }), h('dd', { part: 'stat-value', text: value })));
        if (Number.isFinite(s.words)) add('words', fmt.format(s.words));
        if (Number.isFinite(s.sentences)) add('sentences', fmt.format(s.sentences));
        if (Number.isFinite(s.paragraphs)) add('paragraphs', fmt.format(s.paragraphs));
        if (Number.isFinite(s.readingTimeSeconds)) add('readingTimeSeconds', t.minutes(fmt.format(Math.max(1, Math.round(s.readingTimeSeconds / 60)))));
        const language = typeof r.language === 'string' ? r.language : r.language?.code;
        if (language) add('language', t.languages[language] ?? language);
        if (Number.isFinite(s.characters)) add('characters', fmt.format(s.characters));
        return h('dl', { class: 'stats', part: 'stats' }, ...items);
      }
      case 'entities': {
        const groups = entityGroups(r).slice(0, this.top);
        if (!groups.length) return h('p', { class: 'empty', part: 'empty', text: t.noEntities });
        return h('ul', { class: 'entities', part: 'entities' }, ...groups.map((g) => {
          const chip = h('li', { class: 'entity', part: 'entity', tabindex: '0', data: { kind: g.kind } },
            h('bdi', { part: 'entity-text', text: label(g.text) }),
            h('span', { class: 'kind', part: 'entity-kind', text: t.kinds[g.kind] ?? label(g.kind) }),
            g.count > 1 ? h('span', { class: 'count', part: 'entity-count', text: t.times(fmt.format(g.count)) }) : null);
          const focus = () => this.#focusHost(g);
          const blur = () => this.#highlights.clear('article-analyzer-focus');
          chip.addEventListener('pointerenter', focus);
          chip.addEventListener('focus', focus);
          chip.addEventListener('pointerleave', blur);
          chip.addEventListener('blur', blur);
          return chip;
        }));
      }
      case 'words': {
        const words = wordList(r, text, this.top);
        if (!words.length) return h('p', { class: 'empty', part: 'empty', text: t.noWords });
        const max = words[0].count;
        return h('ol', { class: 'words', part: 'words' }, ...words.map((w) => {
          const fill = h('span');
          fill.style.setProperty('--aa-share', String(w.count / max));
          return h('li', { class: 'word', part: 'word' },
            h('bdi', { part: 'word-text', text: label(w.text) }),
            h('span', { class: 'bar', part: 'word-bar', 'aria-hidden': 'true' }, fill),
            h('span', { class: 'count', part: 'word-count', text: fmt.format(w.count) }));
        }));
      }
      case 'keywords': {
        if (!Array.isArray(r.keywords)) return null;
        return h('ul', { class: 'keywords', part: 'keywords' },
          ...r.keywords.slice(0, this.top).map((k) => h('li', { class: 'keyword', part: 'keyword' }, h('bdi', { text: label(k.text) }))));
      }
      case 'summary': {
        if (!Array.isArray(r.summary)) return null;
        const sentences = r.summary.map((s) => {
          if (typeof s === 'string') return s;
          const span = typeof s === 'number' ? r.sentences?.[s] : s;
          return span && Number.isFinite(span.start) ? text.slice(span.start, span.end) : (s?.text ?? '');
        }).filter((s) => s.trim());
        return h('ol', { class: 'summary', part: 'summary' },
          ...sentences.map((s) => h('li', { part: 'summary-sentence', dir: 'auto', text: s.trim() })));
      }
      case 'text':
        return markedText(text, r.entities ?? []);
      default:
        return null;
    }
  }

  /** Registers this widget's entity ranges in the host page (only for a `for` target). */
  #paintHost() {
    this.#highlights.clear();
    const input = this.#input;
    if (!this.hasAttribute('highlight-host') || !input?.target || !input.segments || !highlightsSupported()) return;
    if (this.getAttribute('highlight-host') !== 'ranges') adoptHostStyles(input.target.ownerDocument);
    const byKind = new Map();
    for (const e of this.#result.entities ?? []) {
      if (e.kind === 'quote') continue;
      const range = rangeFor(input.segments, e.start, e.end);
      if (!range) continue;
      if (!byKind.has(e.kind)) byKind.set(e.kind, []);
      byKind.get(e.kind).push(range);
    }
    for (const [kind, ranges] of byKind) this.#highlights.set(`article-analyzer-${kind}`, ranges);
  }

  #focusHost(group) {
    const input = this.#input;
    if (!this.hasAttribute('highlight-host') || !input?.target || !input.segments || !highlightsSupported()) return;
    const ranges = (this.#result.entities ?? [])
      .filter((e) => e.kind === group.kind && e.text === group.text)
      .map((e) => rangeFor(input.segments, e.start, e.end))
      .filter(Boolean);
    this.#highlights.set('article-analyzer-focus', ranges);
  }
}

/** Entity groups: the report's `entityGroups` when present, else grouped here by kind and text. */
export function entityGroups(result) {
  if (Array.isArray(result.entityGroups)) {
    return result.entityGroups.filter((g) => g.kind !== 'quote');
  }
  const groups = new Map();
  for (const e of result.entities ?? []) {
    if (e.kind === 'quote') continue;
    const key = `${e.kind}\u0000${e.text}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { text: e.text, kind: e.kind, count: 1, start: e.start });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.start - b.start);
}

/**
 * The most frequent words: the report's `frequencies` when present; otherwise counted here from
 * the word tokens (lower-cased, words of three letters or more) until the wasm provides them.
 */
export function wordList(result, text, top) {
  if (Array.isArray(result.frequencies)) {
    return result.frequencies.slice(0, top).map((f) => ({ text: f.text, count: f.count }));
  }
  const counts = new Map();
  for (const t of result.tokens ?? []) {
    if (t.kind !== 'word') continue;
    const word = text.slice(t.start, t.end);
    if ([...word].length < 3) continue;
    const key = word.toLocaleLowerCase();
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { text: word, count: 1, first: t.start });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).slice(0, top);
}

/** The text with entity mentions wrapped in <mark part="mark">, built from Text nodes. */
function markedText(text, entities) {
  const pre = h('pre', { class: 'text', part: 'text', dir: 'auto' });
  const sorted = entities.filter((e) => e.kind !== 'quote' && e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end > text.length) continue;
    if (e.start > at) pre.append(text.slice(at, e.start));
    pre.append(h('mark', { part: 'mark', data: { kind: e.kind }, text: text.slice(e.start, e.end) }));
    at = e.end;
  }
  if (at < text.length) pre.append(text.slice(at));
  return pre;
}

/**
 * Registers the element as `tagName` (default `article-analyzer`) and returns its class. Harmless
 * when called again or when another copy of this module already registered the name.
 */
export function define(tagName = 'article-analyzer', registry = globalThis.customElements) {
  const existing = registry.get(tagName);
  if (existing) return existing;
  try {
    registry.define(tagName, ArticleAnalyzerElement);
    return ArticleAnalyzerElement;
  } catch (e) {
    // A class can be registered under one name only: a second name gets a subclass.
    if (e?.name !== 'NotSupportedError') throw e;
    const Named = class extends ArticleAnalyzerElement {};
    registry.define(tagName, Named);
    return Named;
  }
}
