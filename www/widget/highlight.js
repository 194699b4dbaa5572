// Entity highlights in the host page, through the CSS Custom Highlight API: Range objects over
// the host's own text nodes, registered in CSS.highlights. The host DOM is never modified.
//
// Names: `article-analyzer-<kind>` (person, organization, location, …) for every mention, and
// `article-analyzer-focus` for the mentions of the entity under the pointer in a widget. Several
// widgets on one page share these Highlight objects; each adds and removes only its own ranges.
// The host styles them with ::highlight(article-analyzer-person) { … }, or lets `highlight-host`
// adopt the default stylesheet (styles.js) into document.adoptedStyleSheets.
import { hostHighlightCss } from './styles.js';

export const supported = () => Boolean(globalThis.CSS?.highlights && globalThis.Highlight);

const ADOPTED = Symbol.for('article-analyzer.host-highlight-sheet');

function highlightNamed(name) {
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    if (name === 'article-analyzer-focus') h.priority = 1;
    CSS.highlights.set(name, h);
  }
  return h;
}

/** One widget's ranges in the shared highlights. */
export class HostHighlights {
  #ranges = new Map(); // highlight name -> Range[]

  /** Replaces this widget's ranges under `name`. */
  set(name, ranges) {
    if (!supported()) return;
    this.clear(name);
    if (!ranges.length) return;
    const h = highlightNamed(name);
    for (const r of ranges) h.add(r);
    this.#ranges.set(name, ranges);
  }

  /** Removes this widget's ranges under `name`, or under every name. */
  clear(name) {
    if (!supported()) return;
    const names = name === undefined ? [...this.#ranges.keys()] : [name];
    for (const n of names) {
      const h = CSS.highlights.get(n);
      for (const r of this.#ranges.get(n) ?? []) h?.delete(r);
      if (h && h.size === 0) CSS.highlights.delete(n);
      this.#ranges.delete(n);
    }
  }
}

/** Adopts the default ::highlight() stylesheet into `doc`, once per document. */
export function adoptHostStyles(doc = document) {
  if (doc[ADOPTED] || !('adoptedStyleSheets' in doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(hostHighlightCss);
  // Adopted sheets cascade after the document's own sheets, so these colours win over the host's
  // ::highlight rules: hosts that want their own colours use highlight-host="ranges" instead.
  doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
  doc[ADOPTED] = sheet;
}
