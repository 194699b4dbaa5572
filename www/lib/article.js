// The article view: the text as paragraphs with its entities marked, rendered without ever
// blocking the main thread, whatever the length.
//
// - The article is virtualized: sections of paragraphs start as empty placeholders with an
//   estimated height and are filled, already highlighted, when they come near the viewport
//   (IntersectionObserver), so a 5 MB article costs what is on screen. Placeholders are created
//   in chunks of a few milliseconds, yielding between chunks. Printing fills everything first.
// - Every block has dir="auto" (and lang when the analyzer knows it): Arabic paragraphs read RTL,
//   English ones LTR, whatever the UI language.
// - Text only ever enters through createTextNode; marks are built with DOM APIs.
// - Overlays (occurrences of a clicked word, a summary sentence under the pointer) re-hydrate only
//   the blocks they touch.
import { h, yieldToMain } from './dom.js';

// A section is at most SECTION_BLOCKS paragraphs and ends at the paragraph that reaches
// SECTION_CHARS characters: what a screen shows is a few sections, and filling one costs its
// layout (Arabic shaping is the dear part: 40 long news paragraphs took ~40 ms to lay out).
const SECTION_BLOCKS = 40;
const SECTION_CHARS = 2500;
const CHUNK_MS = 8;

function firstEnding(packed, offset) {
  let lo = 0;
  let hi = packed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (packed.end[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstPairEnding(pairs, offset) {
  let lo = 0;
  let hi = pairs.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[2 * mid + 1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class ArticleView {
  constructor(container, { onWord, onEntity, describe }) {
    this.container = container;
    this.onWord = onWord;
    this.onEntity = onEntity;
    this.describe = describe; // (kind, text) → tooltip text
    this.text = '';
    this.view = null;
    this.generation = 0;
    this.hits = new Uint32Array(0);
    this.hoverRange = null;
    this.blocks = [];
    this.observer = null;
    container.addEventListener('click', (e) => this.#click(e));
    container.addEventListener('keydown', (e) => this.#key(e));
  }

  /**
   * Renders a new analysis. The article is cut into sections of a few paragraphs (see SECTION_CHARS);
   * each section starts as an empty placeholder with an estimated height and gets its paragraphs
   * (already highlighted) only when it comes near the viewport. Resolves when the placeholders
   * exist (false when a newer render started meanwhile).
   */
  async render(text, view, { onProgress, metrics = this.measure() } = {}) {
    const generation = ++this.generation;
    this.text = text;
    this.view = view;
    this.hits = new Uint32Array(0);
    this.hoverRange = null;
    const paragraphs = view.paragraphs;
    const { scroll, width, height, fontSize, lineHeight } = metrics;
    const charsPerLine = Math.max(20, width / (fontSize * 0.48));
    const inner = h('div', { class: 'article-body' });
    this.observer?.disconnect();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) this.#fill(entry.target);
      }
    }, { root: this.container, rootMargin: '400px 0px' });
    this.observer = observer;
    this.blocks = new Array(paragraphs.length);
    this.sections = [];
    this.container.replaceChildren(inner);
    let deadline = performance.now() + CHUNK_MS;
    for (let first = 0, last; first < paragraphs.length; first = last) {
      let lines = 0;
      let chars = 0;
      for (last = first; last < paragraphs.length && last - first < SECTION_BLOCKS && chars < SECTION_CHARS; last++) {
        const length = paragraphs.end[last] - paragraphs.start[last];
        chars += length;
        lines += Math.ceil(length / charsPerLine) + 0.5;
      }
      const section = h('div', { class: 'section' });
      section.first = first;
      section.last = last;
      section.filled = false;
      section.style.blockSize = `${Math.round(lines * lineHeight)}px`;
      inner.append(section);
      this.sections.push(section);
      observer.observe(section);
      if (performance.now() > deadline) {
        onProgress?.(first / paragraphs.length);
        await yieldToMain();
        if (generation !== this.generation) return false;
        deadline = performance.now() + CHUNK_MS;
      }
    }
    // Restoring a scroll position forces a layout of every placeholder: only when there is one.
    if (scroll) this.container.scrollTop = scroll;
    // What is on screen now is filled at once (no blank flash); the rest as it comes into view.
    const top = scroll;
    const bottom = top + height;
    let y = 0;
    for (const section of this.sections) {
      const height = parseFloat(section.style.blockSize) || 0;
      if (y > bottom) break;
      if (y + height >= top - 400) this.#fill(section);
      y += height; // the estimate: measuring would force a layout per section
    }
    onProgress?.(1);
    return true;
  }

  /**
   * What render() needs of the layout (scroll position, size, font), read at once. A caller
   * that changes other parts of the page first measures before (a read after writes forces a
   * layout of the whole page: 20 ms with a 5 MB result).
   */
  measure() {
    const style = getComputedStyle(this.container);
    const fontSize = parseFloat(style.fontSize) || 17;
    return {
      scroll: this.container.scrollTop,
      width: Math.max(200, this.container.clientWidth || 600),
      height: this.container.clientHeight || 800,
      fontSize,
      lineHeight: parseFloat(style.lineHeight) || fontSize * 1.9,
    };
  }

  /** Creates a section's paragraphs, highlighted. */
  #fill(section) {
    if (section.filled) return;
    section.filled = true;
    this.observer?.unobserve(section);
    const paragraphs = this.view.paragraphs;
    for (let i = section.first; i < section.last; i++) {
      const lang = paragraphs.languageNames?.[paragraphs.language?.[i]];
      const block = h('p', { dir: 'auto', lang: lang && lang !== 'und' ? lang : null, 'data-i': i });
      block.hydrated = false;
      this.blocks[i] = block;
      this.#hydrate(block);
      section.append(block);
    }
    section.style.blockSize = '';
  }

  /** Fills every section (before printing: the whole article must be there). */
  fillAll() {
    for (const section of this.sections ?? []) this.#fill(section);
  }

  /** Occurrences to mark ([start, end] pairs in text order); empty to clear. */
  setHits(pairs) {
    const old = this.hits;
    this.hits = pairs;
    this.#rehydrateRanges(old);
    this.#rehydrateRanges(pairs);
  }

  /** A range to mark while the pointer is on its summary sentence (null to clear). */
  setHover(range) {
    const old = this.hoverRange;
    this.hoverRange = range;
    if (old) this.#rehydrateRanges(Uint32Array.of(old.start, old.end));
    if (range) this.#rehydrateRanges(Uint32Array.of(range.start, range.end));
  }

  /** Scrolls to (and focuses) the text at [start, end). */
  reveal(start, { focus = true } = {}) {
    const i = firstEnding(this.view.paragraphs, start + 1);
    const section = this.#sectionOf(i);
    if (section) this.#fill(section);
    const block = this.blocks[i];
    if (!block) return;
    this.#hydrate(block);
    const target = [...block.querySelectorAll('.hit, .hover, mark')].find((el) => Number(el.dataset.start) === start) ?? block;
    target.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (focus) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }

  /** The section that holds paragraph i. */
  #sectionOf(i) {
    const sections = this.sections ?? [];
    let lo = 0;
    let hi = sections.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid].last <= i) lo = mid + 1;
      else hi = mid;
    }
    return sections[lo];
  }

  #rehydrateRanges(pairs) {
    if (!this.view || !pairs.length) return;
    const paragraphs = this.view.paragraphs;
    const touched = new Set();
    for (let k = 0; k < pairs.length; k += 2) {
      for (let i = firstEnding(paragraphs, pairs[k] + 1); i < paragraphs.length && paragraphs.start[i] < pairs[k + 1]; i++) touched.add(i);
    }
    for (const i of touched) {
      const block = this.blocks[i];
      if (block?.hydrated) { block.hydrated = false; this.#hydrate(block); }
    }
  }

  #hydrate(block) {
    if (block.hydrated || !this.view) return;
    block.hydrated = true;
    const i = Number(block.dataset.i);
    const { text } = this;
    const bs = this.view.paragraphs.start[i];
    const be = this.view.paragraphs.end[i];
    const ents = this.view.entities;
    const kinds = ents.kindNames;
    const frag = document.createDocumentFragment();
    const stack = [{ el: frag, end: be }];
    let at = bs;
    const emit = (a, b, parent) => this.#emitText(a, b, parent);
    for (let k = firstEnding(ents, bs + 1); k < ents.length && ents.start[k] < be; k++) {
      const start = Math.max(ents.start[k], bs);
      if (start < at || ents.end[k] <= start) continue; // crosses one already open: skip
      while (stack.length > 1 && stack[stack.length - 1].end <= start) {
        const top = stack.pop();
        emit(at, top.end, top.el);
        at = top.end;
      }
      const top = stack[stack.length - 1];
      emit(at, start, top.el);
      at = start;
      const end = Math.min(ents.end[k], top.end);
      const kind = kinds[ents.kind[k]];
      const mark = h('mark', { class: `ent k-${kind}`, 'data-kind': kind, 'data-k': k, 'data-start': start, tabindex: '-1' });
      top.el.append(mark);
      stack.push({ el: mark, end });
    }
    while (stack.length > 1) {
      const top = stack.pop();
      emit(at, top.end, top.el);
      at = top.end;
    }
    emit(at, be, frag);
    block.replaceChildren(frag);
  }

  /** Appends text [a, b) to parent, wrapping the parts under overlays (hits, hover). */
  #emitText(a, b, parent) {
    if (b <= a) return;
    const cuts = [];
    const hits = this.hits;
    for (let k = firstPairEnding(hits, a + 1); k < hits.length >> 1 && hits[2 * k] < b; k++) {
      cuts.push([Math.max(hits[2 * k], a), Math.min(hits[2 * k + 1], b), 'hit', hits[2 * k]]);
    }
    const hover = this.hoverRange;
    if (hover && hover.start < b && hover.end > a) cuts.push([Math.max(hover.start, a), Math.min(hover.end, b), 'hover', hover.start]);
    cuts.sort((x, y) => x[0] - y[0]);
    let at = a;
    for (const [s, e, cls, origin] of cuts) {
      if (s < at) continue;
      if (s > at) parent.append(document.createTextNode(this.text.slice(at, s)));
      parent.append(h('span', { class: cls, 'data-start': origin }, document.createTextNode(this.text.slice(s, e))));
      at = e;
    }
    if (at < b) parent.append(document.createTextNode(this.text.slice(at, b)));
  }

  /** The text offset of a DOM point inside a block. */
  #offsetOf(node, offset) {
    const block = node.nodeType === 1 ? node.closest('p[data-i]') : node.parentElement?.closest('p[data-i]');
    if (!block || !this.view) return null;
    let total = this.view.paragraphs.start[Number(block.dataset.i)];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n === node) return total + offset;
      total += n.data.length;
    }
    return null;
  }

  #click(event) {
    const mark = event.target.closest?.('mark.ent');
    if (mark) {
      this.#activateMark(mark);
      return;
    }
    if (window.getSelection()?.toString()) return; // the reader is selecting text
    const pos = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    const range = pos ? null : document.caretRangeFromPoint?.(event.clientX, event.clientY);
    const node = pos?.offsetNode ?? range?.startContainer;
    const offset = pos?.offset ?? range?.startOffset;
    if (!node || node.nodeType !== 3) return;
    const at = this.#offsetOf(node, offset);
    if (at != null) this.onWord?.({ offset: at });
  }

  #activateMark(mark) {
    const k = Number(mark.dataset.k);
    const ents = this.view.entities;
    this.onEntity?.({ kind: mark.dataset.kind, text: this.text.slice(ents.start[k], ents.end[k]), start: ents.start[k] });
  }

  /** Arrow keys move between entity marks (a composite widget); Enter/Space open one. */
  #key(event) {
    const mark = event.target.closest?.('mark.ent');
    if ((event.key === 'Enter' || event.key === ' ') && mark) {
      event.preventDefault();
      this.#activateMark(mark);
      return;
    }
    const rtl = getComputedStyle(this.container).direction === 'rtl';
    const forward = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    if (!forward || event.altKey || event.ctrlKey || event.metaKey) return;
    const marks = [...this.container.querySelectorAll('mark.ent')].filter((m) => !this.container.classList.contains(`hide-${m.dataset.kind}`));
    if (!marks.length) return;
    event.preventDefault();
    const index = mark ? marks.indexOf(mark) : -1;
    const next = marks[Math.max(0, Math.min(marks.length - 1, index < 0 ? (forward > 0 ? 0 : marks.length - 1) : index + forward))];
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  }
}
