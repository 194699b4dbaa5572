// The page: live analysis of the text area, off the main thread.
import { AnalyzerClient } from './analyzer/client.js';

const client = new AnalyzerClient();
const textarea = document.querySelector('#text');
const status = document.querySelector('#status');
let controller = null;
let timer = 0;

async function run() {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  try {
    const { result, ms } = await client.analyze(textarea.value, { tokens: false, sentences: false }, { signal });
    for (const el of document.querySelectorAll('[data-stat]')) {
      el.textContent = result.statistics[el.dataset.stat].toLocaleString();
    }
    status.textContent = `Analyzed in ${ms.toFixed(1)} ms`;
    document.body.dataset.analyzed = 'true';
  } catch (e) {
    if (e.name !== 'AbortError') status.textContent = e.message;
  }
}

textarea.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, 120);
});
run();
