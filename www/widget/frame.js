// The iframe embed (embed-frame.html): one <article-analyzer> whose text and attributes come from
// the fragment (#text=…&ui-lang=ar&theme=dark&views=stats+entities&top=8) or from the parent
// window by postMessage:
//   → frame:  { type: 'article-analyzer:text', text, attributes?: { 'ui-lang': 'ar', … } }
//   ← parent: { type: 'article-analyzer:ready' }                    when it can receive text
//             { type: 'article-analyzer:analyzed', statistics }      after every analysis
//             { type: 'article-analyzer:resize', height }            content height in CSS px
// Only messages from the parent window are read, and the text is only ever used as text.
import './define.js';

const ATTRIBUTES = ['views', 'language', 'top', 'theme', 'ui-lang', 'label'];
const widget = document.querySelector('article-analyzer');
let parentOrigin = '*';

function post(message) {
  if (window.parent !== window) window.parent.postMessage(message, parentOrigin);
}

function apply(attributes) {
  for (const name of ATTRIBUTES) {
    const value = attributes[name];
    if (typeof value === 'string') widget.setAttribute(name, value);
  }
  const ui = widget.getAttribute('ui-lang') ?? 'en';
  document.documentElement.lang = ui;
  document.documentElement.dir = ui.startsWith('ar') ? 'rtl' : 'ltr';
}

function fromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  apply(Object.fromEntries(ATTRIBUTES.filter((n) => params.has(n)).map((n) => [n, params.get(n)])));
  if (params.has('text')) widget.text = params.get('text');
}

window.addEventListener('message', (event) => {
  if (event.source !== window.parent || window.parent === window) return;
  const data = event.data;
  if (!data || typeof data !== 'object' || data.type !== 'article-analyzer:text') return;
  parentOrigin = event.origin === 'null' ? '*' : event.origin;
  if (data.attributes && typeof data.attributes === 'object') apply(data.attributes);
  if (typeof data.text === 'string') widget.text = data.text;
});

widget.addEventListener('analyzed', (event) => post({ type: 'article-analyzer:analyzed', statistics: event.detail.statistics }));
new ResizeObserver(() => post({ type: 'article-analyzer:resize', height: Math.ceil(document.body.getBoundingClientRect().height) }))
  .observe(document.body);
window.addEventListener('hashchange', fromFragment);
fromFragment();
post({ type: 'article-analyzer:ready' });
