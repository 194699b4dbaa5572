// Charts as SVG built with DOM APIs (createElementNS + textContent; data never becomes markup).
// Each chart has role="img", an aria-label that says what it shows, and a <title> per mark with
// the exact figure. In an RTL UI the charts mirror: bars grow from the right, the text's start is
// on the right of a dispersion plot.
import { s } from './dom.js';

const W = 560;

function frame(height, label) {
  // direction="ltr": positions and text-anchor are physical here (the code mirrors for RTL
  // itself); each label's own letters still follow the Unicode bidi algorithm.
  return s('svg', { viewBox: `0 0 ${W} ${height}`, width: '100%', role: 'img', 'aria-label': label, class: 'chart', direction: 'ltr', preserveAspectRatio: 'xMidYMin meet' },
    s('title', {}, label));
}

/** Horizontal bars: items [{ label, value, title }]. */
export function barChart(items, { label, rtl, format = String }) {
  const row = 24;
  const labelW = 150;
  const valueW = 56;
  const height = Math.max(row, items.length * row) + 8;
  const svg = frame(height, label);
  const max = Math.max(1, ...items.map((d) => d.value));
  const span = W - labelW - valueW;
  items.forEach((d, i) => {
    const y = 4 + i * row;
    const w = Math.max(2, (d.value / max) * span);
    const x = rtl ? W - labelW - w : labelW;
    const g = s('g', { class: 'bar' }, s('title', {}, d.title ?? `${d.label}: ${format(d.value)}`));
    g.append(
      s('text', { x: rtl ? W - 6 : labelW - 8, y: y + row / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'label' }, d.label),
      s('rect', { x, y: y + 3, width: w, height: row - 6, rx: 3, class: 'fill' }),
      s('text', { x: rtl ? x - 6 : x + w + 6, y: y + row / 2, 'text-anchor': rtl ? 'end' : 'start', 'dominant-baseline': 'central', class: 'value' }, format(d.value)),
    );
    svg.append(g);
  });
  return svg;
}

/** A histogram of integer values (e.g. words per sentence), binned to at most 24 columns. */
export function histogram(values, { label, rtl, axis, format = String }) {
  const height = 220;
  const svg = frame(height, label);
  if (!values.length) return svg;
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  const binWidth = Math.max(1, Math.ceil((max + 1) / 24));
  const bins = new Array(Math.floor(max / binWidth) + 1).fill(0);
  for (let i = 0; i < values.length; i++) bins[Math.floor(values[i] / binWidth)]++;
  const top = Math.max(...bins);
  const left = 36;
  const bottom = 36;
  const plotW = W - left - 12;
  const plotH = height - bottom - 12;
  const colW = plotW / bins.length;
  bins.forEach((count, i) => {
    const hgt = (count / top) * plotH;
    const col = rtl ? bins.length - 1 - i : i;
    const x = left + col * colW;
    const from = i * binWidth;
    const to = from + binWidth - 1;
    const range = binWidth === 1 ? format(from) : `${format(from)}–${format(to)}`;
    svg.append(s('g', { class: 'bar' },
      s('title', {}, `${range} ${axis}: ${format(count)}`),
      s('rect', { x: x + 1, y: 12 + plotH - hgt, width: Math.max(1, colW - 2), height: Math.max(count ? 1 : 0, hgt), class: 'fill' })));
    if (bins.length <= 12 || i % Math.ceil(bins.length / 12) === 0) {
      svg.append(s('text', { x: x + colW / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'tick' }, format(from)));
    }
  });
  svg.append(
    s('line', { x1: left, x2: W - 12, y1: 12 + plotH, y2: 12 + plotH, class: 'axis' }),
    s('text', { x: W / 2, y: height - 4, 'text-anchor': 'middle', class: 'tick' }, axis),
    s('text', { x: left - 6, y: 18, 'text-anchor': 'end', class: 'tick' }, format(top)),
  );
  return svg;
}

/** A dispersion plot: one row per word, one tick per occurrence along the text. */
export function dispersion(rows, textLength, { label, rtl, startLabel, endLabel }) {
  const row = 26;
  const labelW = 130;
  const height = rows.length * row + 28;
  const svg = frame(height, label);
  const plotW = W - labelW - 12;
  const x0 = rtl ? 12 : labelW;
  rows.forEach((r, i) => {
    const y = 4 + i * row;
    const g = s('g', { class: 'disp' }, s('title', {}, r.title));
    g.append(
      s('text', { x: rtl ? W - 6 : labelW - 8, y: y + row / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'label' }, r.label),
      s('line', { x1: x0, x2: x0 + plotW, y1: y + row / 2, y2: y + row / 2, class: 'track' }),
    );
    // At most one tick per pixel: a word seen 50,000 times still draws a few hundred.
    const cells = new Uint8Array(Math.ceil(plotW) + 1);
    const scale = textLength ? plotW / textLength : 0;
    const starts = r.starts;
    for (let k = 0; k < starts.length; k++) cells[Math.min(cells.length - 1, (starts[k] * scale) | 0)] = 1;
    const path = [];
    for (let c = 0; c < cells.length; c++) {
      if (cells[c]) path.push(`M${rtl ? x0 + plotW - c : x0 + c} ${y + 5}v${row - 10}`);
    }
    g.append(s('path', { d: path.join(''), class: 'ticks' }));
    svg.append(g);
  });
  const yAxis = height - 10;
  svg.append(
    s('text', { x: rtl ? x0 + plotW : x0, y: yAxis, 'text-anchor': rtl ? 'end' : 'start', class: 'tick' }, startLabel),
    s('text', { x: rtl ? x0 : x0 + plotW, y: yAxis, 'text-anchor': rtl ? 'start' : 'end', class: 'tick' }, endLabel),
  );
  return svg;
}
