// Reading an element's text for analysis, and mapping analysis offsets back to DOM ranges.
//
// Rules:
// - The text is the element's text nodes in document order, like `textContent`, except that
//   <script>, <style>, <template>, <noscript>, form fields and nested <article-analyzer>
//   elements are skipped, and a blank line ("\n\n") separates block elements (p, h1–h6, li,
//   blockquote, div, …; a line break for <br>) — so a headline and a paragraph are not read as one sentence — in
//   place of the indentation between them (whitespace-only text right after a block boundary).
// - Only text is read. Nothing is ever parsed as markup, and the host DOM is never modified:
//   highlighting uses Range objects over the existing text nodes (CSS Custom Highlight API).
// - Offsets are UTF-16 code units, the unit of the analysis report and of DOM Range offsets.

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT', 'INPUT', 'BUTTON', 'SVG', 'MATH', 'IFRAME', 'OBJECT']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/**
 * The text of `root`'s descendants and where each text node starts in it.
 * @returns {{ text: string, segments: { node: Text, start: number }[] }}
 */
export function readText(root) {
  const parts = [];
  const segments = [];
  let length = 0;
  // The separator owed before the next text: '\n\n' after a block, '\n' after <br>; the start
  // counts as a block boundary, so leading indentation is left out too.
  let pending = '\n\n';
  let tail = '';
  const visit = (parent) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        const data = node.data;
        // Empty, or indentation between blocks (whitespace right after a boundary): the
        // separator stands for it.
        if (!data || (pending && !/\S/.test(data))) continue;
        if (pending) {
          // Unless the whitespace already there makes the separator.
          const before = tail + data.match(/^\s*/)[0];
          const enough = pending === '\n\n' ? /\n\s*\n\s*$/ : /\n\s*$/;
          if (length > 0 && !enough.test(before)) {
            parts.push(pending);
            length += pending.length;
            tail += pending;
          }
          pending = '';
        }
        segments.push({ node, start: length });
        parts.push(data);
        length += data.length;
        tail = (tail + data).slice(-32);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const tag = node.tagName.toUpperCase();
        if (SKIP.has(tag) || node.localName === 'article-analyzer' || node.hidden) continue;
        if (tag === 'BR') {
          pending ||= '\n';
          continue;
        }
        const block = BLOCK.has(tag);
        if (block) pending = '\n\n';
        visit(node);
        if (block) pending = '\n\n';
      }
    }
  };
  visit(root);
  return { text: parts.join(''), segments };
}

/** The text node and offset of UTF-16 `offset`; inside a separator, the nearest side. */
function locate(segments, offset, side) {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo];
  if (!seg) return null;
  const within = offset - seg.start;
  if (within <= seg.node.data.length) return { node: seg.node, offset: Math.max(0, within) };
  // In a separator after this segment: an end stays here, a start moves to the next segment.
  if (side === 'end' || !segments[lo + 1]) return { node: seg.node, offset: seg.node.data.length };
  return { node: segments[lo + 1].node, offset: 0 };
}

/** A live Range over [start, end) of the text `readText` returned, or null if out of date. */
export function rangeFor(segments, start, end) {
  const a = locate(segments, start, 'start');
  const b = locate(segments, end, 'end');
  if (!a || !b) return null;
  try {
    const range = new Range();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range.collapsed ? null : range;
  } catch {
    return null; // the DOM changed under us; the next analysis rebuilds the ranges
  }
}
