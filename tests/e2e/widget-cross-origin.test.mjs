// The widget served from another origin: one server serves the host page (strict CSP), a second
// one serves the page (dist/www) with CORS headers, as a CDN would. The worker then starts from a blob: module
// that imports the cross-origin worker; the wasm is fetched with CORS. Both embeds are checked:
// the element and the iframe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, watchErrors, screenshots, pageRoot } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { installHooks, widgetsDone, shadowOf } from './widget-helpers.mjs';

test('the element and the iframe work from another origin under the documented CSP', async () => {
  const cdn = await serve({ root: pageRoot, port: 0, headers: { 'access-control-allow-origin': '*' } });
  const W = cdn.url.replace(/\/$/, '');
  const hostDir = await mkdtemp(join(tmpdir(), 'aa-host-'));
  // Exactly the policy README ("Embedding", CSP) tells a host to use for a cross-origin widget.
  const csp = `default-src 'self'; script-src 'self' ${W} 'wasm-unsafe-eval'; worker-src blob: ${W}; connect-src ${W}; `
    + `frame-src ${W}; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'`;
  await writeFile(join(hostDir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="data:,">
<title>A host on another origin</title>
<link rel="stylesheet" href="host.css">
<script type="module" src="${W}/widget/define.js"></script>
<script type="module" src="${W}/widget/frame-host.js"></script>
</head><body>
<article id="story"><h1>Council approves the harbour plan</h1>
<p>Mayor Laura Chen said the vote in Springfield was a promise kept. Work starts in March 2027.</p></article>
<article-analyzer id="widget" for="story" highlight-host views="stats entities words"></article-analyzer>
<iframe src="${W}/embed-frame.html#ui-lang=ar&amp;views=stats" data-article-analyzer-for="story" title="Article analysis"></iframe>
</body></html>`);
  await writeFile(join(hostDir, 'host.css'), 'body { font-family: sans-serif; max-width: 40rem; margin: 1rem auto; } iframe { border: 0; width: 100%; }');
  const browser = await openBrowser({ serveRoot: hostDir });
  try {
    assert.notEqual(new URL(browser.url).origin, new URL(cdn.url).origin);
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await installHooks(page);
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(browser.url);
    await widgetsDone(page, '#widget', 1);
    const shadow = await shadowOf(page, '#widget');
    assert.equal(shadow.stats.words, '21');
    // The host's worker is a same-origin blob: wrapping the cross-origin one (the iframe has its own).
    const hostWorkers = workers.filter((u) => u.startsWith(`blob:${new URL(browser.url).origin}`));
    assert.equal(hostWorkers.length, 1, `workers: ${workers.join(', ')}`);
    // The iframe (its own origin, no blob needed) got the text by postMessage and sized itself.
    const frame = page.frames().find((f) => f.url().startsWith(`${W}/embed-frame.html`));
    await frame.waitForFunction(() => document.querySelector('article-analyzer')?.dataset.state === 'done', null, { timeout: 20000 });
    assert.equal(await frame.evaluate(() => document.querySelector('article-analyzer').result.statistics.words), 21);
    await page.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 50);
    await page.screenshot({ animations: 'disabled', path: join(screenshots, 'widget-cross-origin.png'), fullPage: true });
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await cdn.close();
    await rm(hostDir, { recursive: true, force: true });
  }
});
