// Small DOM helpers. Text always goes in through textContent / createTextNode: article text and
// analysis data never become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an HTML element: h('button', { class: 'x', type: 'button', onclick }, 'label', child). */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** Creates an SVG element with the same conventions as h(). */
export function s(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Removes every child of an element. */
export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Yields to the event loop so rendering work never makes a long task. */
export function yieldToMain() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Formats a number for the current UI language. */
const formats = new Map();
export function num(value, lang, options) {
  if (value == null || Number.isNaN(value)) return '–';
  const key = `${lang}|${JSON.stringify(options ?? {})}`;
  let format = formats.get(key);
  if (!format) {
    // Western digits in both languages: the article's own digits are shown as written.
    format = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en-US', options);
    formats.set(key, format);
  }
  return format.format(value);
}

/** A file download of a Blob, without navigating away. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
