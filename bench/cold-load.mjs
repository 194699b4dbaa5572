// One cold load of a page, measured without the harness slowing it down (bench/run.mjs and
// bench/trace-cold.mjs). Each precaution was measured (docs/performance-history.md, "Cold start and main-thread tasks"):
// - the page is served by scripts/serve.mjs in a process of its own: served from the process that
//   drives the browser over CDP, each request waited for the protocol traffic (200+ ms each
//   during a load on 2 busy cores);
// - the browser settles for a moment on about:blank first: a freshly launched Chromium spends its
//   first second starting its own internal pages (hundreds of ms of CPU);
// - the first result is noticed by the page itself (a MutationObserver in an init script logs the
//   time to the console), not polled from here: waitForFunction compiles Playwright's injected
//   script into the page in the middle of the load (~75 ms of its main thread);
// - the caller reads response bodies (and gzips them) after the measurement.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
export const seed = readFileSync(join(root, 'seeds/ar-amazon-protest.txt'), 'utf8');

/** scripts/serve.mjs for `dir` in a child process: { url, close }. */
export async function startServer(dir) {
  const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), '--port', '0', '--root', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve.mjs exited (${code})`)));
  });
  return { url, close: () => child.kill() };
}

/**
 * Loads `path` in a new page of `context` (a fresh browser's) and waits for its first result:
 * with `inject`, the seed pasted into the first textarea at DOMContentLoaded and shown (the page
 * marks it with data-analyzed-length); otherwise the page's own data-first-result-ms
 * (bench/cold.html). `beforeLoad(page)` runs after the settle, just before navigating (tracing).
 * Resolves to { page, seen: the responses, firstResultMs (null after 30 s) }.
 */
export async function loadCold(context, server, path, { inject = true, beforeLoad } = {}) {
  const page = await context.newPage();
  await page.goto('about:blank');
  await page.waitForTimeout(1500);
  const seen = [];
  page.on('response', (res) => seen.push(res));
  const result = new Promise((resolve) => {
    page.on('console', (m) => {
      const [tag, ms] = m.text().split(' ');
      if (tag === '__aa_first_result') resolve(Number(ms));
    });
  });
  await page.addInitScript(([text, inject]) => {
    const found = () => {
      const data = document.body?.dataset ?? {};
      if (!inject) return Number(data.firstResultMs) || 0;
      return Number(data.analyzedLength) === text.length ? performance.now() : 0;
    };
    const observer = new MutationObserver(() => {
      const ms = found();
      if (ms) {
        observer.disconnect();
        console.debug(`__aa_first_result ${ms}`);
      }
    });
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-analyzed-length', 'data-first-result-ms'] });
    if (!inject) return;
    // The seed goes into the first textarea as soon as the DOM exists, as a paste would. A page
    // may restore saved text after DOMContentLoaded: keep putting the seed back (and announcing
    // it) until a result for it is shown.
    document.addEventListener('DOMContentLoaded', () => {
      const put = () => {
        if (Number(document.body.dataset.analyzedLength) === text.length) return;
        const area = document.querySelector('textarea');
        if (area && area.value !== text) {
          area.value = text;
          area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        }
        setTimeout(put, 5);
      };
      put();
    });
  }, [seed, inject]);
  await beforeLoad?.(page);
  await page.goto(`${server.url}${path}`);
  const firstResultMs = await Promise.race([result, new Promise((resolve) => setTimeout(() => resolve(null), 30000))]);
  return { page, seen, firstResultMs };
}
