// The widget's styles, applied as constructable stylesheets: a strict CSP (`style-src 'self'`)
// blocks <style> elements in shadow roots, but not stylesheets built through the CSSOM.
//
// Public styling API (documented in the README): the --aa-* custom properties and the ::part
// names used in article-analyzer.js. Internal --_* properties resolve a theme's defaults.

export const ENTITY_KINDS = [
  'person', 'organization', 'location', 'misc', 'date', 'time', 'number', 'money', 'percent',
  'quantity', 'url', 'email', 'hashtag', 'mention', 'quote',
];

const LIGHT = `
  --_bg: var(--aa-bg, #ffffff);
  --_fg: var(--aa-fg, #1f2328);
  --_muted: var(--aa-muted, #5b6270);
  --_border: var(--aa-border, #d8dbe2);
  --_accent: var(--aa-accent, #2f5bd3);
  --_surface: var(--aa-surface, #f4f5f8);
  --_mark-alpha: 22%;`;

const DARK = `
  --_bg: var(--aa-bg, #17191e);
  --_fg: var(--aa-fg, #e8e9ee);
  --_muted: var(--aa-muted, #a3a8b6);
  --_border: var(--aa-border, #343844);
  --_accent: var(--aa-accent, #8fa8ff);
  --_surface: var(--aa-surface, #22252c);
  --_mark-alpha: 38%;`;

const KIND_COLORS = {
  person: '#c2410c', organization: '#1d4ed8', location: '#047857', misc: '#7c3aed',
  date: '#b45309', time: '#b45309', number: '#0e7490', money: '#15803d', percent: '#0e7490',
  quantity: '#0e7490', url: '#64748b', email: '#64748b', hashtag: '#be185d', mention: '#be185d',
  quote: '#6b7280',
};

export const widgetCss = `
:host {
  display: block;
  ${LIGHT}
  color-scheme: light;
  ${Object.entries(KIND_COLORS).map(([k, c]) => `--_k-${k}: var(--aa-color-${k}, ${c});`).join('\n  ')}
}
:host([hidden]) { display: none; }
:host([theme="dark"]) { ${DARK} color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  :host([theme="auto"]) { ${DARK} color-scheme: dark; }
}
* { box-sizing: border-box; }
.panel {
  font: inherit;
  font-family: var(--aa-font, inherit);
  font-size: var(--aa-font-size, 0.95em);
  line-height: 1.5;
  background: var(--_bg);
  color: var(--_fg);
  border: 1px solid var(--_border);
  border-radius: var(--aa-radius, 12px);
  padding: var(--aa-padding, 1rem 1.1rem);
  box-shadow: var(--aa-shadow, none);
}
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1rem; margin-block-end: 0.5rem; }
.title { font-weight: 650; font-size: 1.05em; }
.status { color: var(--_muted); font-size: 0.82em; }
.status[data-state="error"] { color: var(--aa-error, #c62828); }
section { margin-block-start: 0.9rem; }
h3 { margin: 0 0 0.45rem; font-size: 0.78em; font-weight: 650; letter-spacing: 0.04em; text-transform: uppercase; color: var(--_muted); }
:host(:lang(ar)) h3, .panel:lang(ar) h3 { letter-spacing: 0; text-transform: none; font-size: 0.88em; }
.empty { color: var(--_muted); font-size: 0.9em; margin: 0; }
dl.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr)); gap: 0.5rem; margin: 0; }
.stat { background: var(--_surface); border-radius: calc(var(--aa-radius, 12px) * 0.6); padding: 0.45rem 0.65rem; min-width: 0; }
.stat dt { color: var(--_muted); font-size: 0.8em; }
.stat dd { margin: 0; font-size: 1.35em; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
ul, ol { list-style: none; margin: 0; padding: 0; }
.entities { display: flex; flex-wrap: wrap; gap: 0.35rem; }
.entity {
  display: inline-flex; align-items: baseline; gap: 0.4em; max-width: 100%;
  padding: 0.15rem 0.55rem; border-radius: 999px; cursor: default;
  background: color-mix(in srgb, var(--_k) var(--_mark-alpha), transparent);
  border: 1px solid color-mix(in srgb, var(--_k) 45%, transparent);
}
.entity:hover, .entity:focus-visible { outline: 2px solid var(--_k); outline-offset: 1px; }
.kind { font-size: 0.72em; color: var(--_muted); }
.count { font-size: 0.78em; font-variant-numeric: tabular-nums; color: var(--_muted); }
[data-kind] { --_k: var(--_k-misc); }
${ENTITY_KINDS.map((k) => `[data-kind="${k}"] { --_k: var(--_k-${k}); }`).join('\n')}
bdi, .text { unicode-bidi: isolate; overflow-wrap: anywhere; }
.words { display: grid; gap: 0.2rem; }
.word { display: grid; grid-template-columns: minmax(5rem, 10rem) 1fr auto; align-items: center; gap: 0.6rem; }
.bar { height: 0.5rem; border-radius: 999px; background: var(--_surface); overflow: hidden; }
.bar > span { display: block; height: 100%; width: calc(var(--aa-share, 0) * 100%); background: var(--_accent); border-radius: inherit; }
.keywords { display: flex; flex-wrap: wrap; gap: 0.35rem; }
.keyword { padding: 0.1rem 0.5rem; border-radius: 6px; background: var(--_surface); }
.summary { margin: 0; padding-inline-start: 1.1rem; list-style: disc; }
.summary li { margin-block-end: 0.3rem; }
.text { white-space: pre-line; max-height: var(--aa-text-max-height, 18rem); overflow: auto; padding: 0.6rem 0.75rem; background: var(--_surface); border-radius: 8px; margin: 0; font: inherit; }
mark { color: inherit; background: color-mix(in srgb, var(--_k) var(--_mark-alpha), transparent); border-block-end: 2px solid var(--_k); border-radius: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** The stylesheet `highlight-host` adopts into the host document (names in README). */
export const hostHighlightCss = `
${ENTITY_KINDS.filter((k) => k !== 'quote').map((k) => `::highlight(article-analyzer-${k}) { background-color: color-mix(in srgb, ${KIND_COLORS[k]} 22%, transparent); text-decoration: underline 2px ${KIND_COLORS[k]}; text-underline-offset: 3px; }`).join('\n')}
::highlight(article-analyzer-focus) { background-color: #ffd54a; color: #111; }
`;
