// A 50 MB text in the page (issue #9, "Large input"), with the real engine:
// - over the documented limit (5,000,000 UTF-16 units) the page does not start by itself: it
//   offers, in English and Arabic, to analyze a prefix or all of it anyway; the text is kept;
// - "all of it" shows progress (sending, then analyzing) and a Cancel button; Cancel stops the
//   worker at once, the page stays usable (typing works, no main-thread task over 50 ms from the
//   start of the run to after the cancel) and the text is unchanged;
// - the prefix is analyzed to completion, and the memory it took is printed and bounded;
// - LARGE_FULL=1 (`make test-large`) also analyzes all 50 MB to completion and reports its time
//   and peak memory (minutes on a loaded 2-core machine: not part of `make test`).
//
// Memory is measured two ways: the worker's wasm memory (it never shrinks, so its size after a
// run is that run's peak), and the resident memory (RSS) of Chromium's renderer processes,
// sampled every 250 ms from /proc: the page, the worker, their JS heaps and the wasm together.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openBrowser, watchErrors, screenshots } from './browser.mjs';

const MB = 1e6;
const TARGET_BYTES = Number(process.env.LARGE_MB ?? 50) * MB;
const FULL = process.env.LARGE_FULL === '1';
const LIMIT = 5_000_000;
let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

/** Private resident bytes (RssAnon: heaps, wasm memory; not the shared binary) of every
 * Chromium renderer process of this test's browser (the page and its worker live in one). */
async function rendererRss() {
  const profile = browser.profile;
  let total = 0;
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes(profile)) continue;
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      total += Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch { /* gone */ }
  }
  return total;
}

/** Samples rendererRss() until stopped; resolves to the peak. */
function rssSampler() {
  let peak = 0;
  let on = true;
  const done = (async () => {
    while (on) {
      peak = Math.max(peak, await rendererRss());
      await new Promise((r) => setTimeout(r, 250));
    }
    return peak;
  })();
  return { stop: async () => { on = false; return done; }, get peak() { return peak; } };
}

const mb = (bytes) => `${(bytes / MB).toFixed(0)} MB`;

test(`a ${TARGET_BYTES / MB} MB text: the prefix offer (en, ar), progress, cancel with the page responsive, then the prefix analyzed with bounded memory${FULL ? ', then all of it' : ''}`, { timeout: FULL ? 30 * 60_000 : 5 * 60_000 }, async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  await page.goto(`${browser.url}?nosw&lang=en`);
  await page.waitForSelector('body[data-analyzed]');
  const idle = await rendererRss();
  // Built in the page from the sample articles (sending 50 MB through the driver would be slow).
  const { length, bytes, cut } = await page.evaluate(async ({ target, limit }) => {
    const names = ['ar-amazon-protest.txt', 'en-harbour-bridge.txt', 'mixed-ar-en-markets.txt', 'en-launch-social.txt'];
    const parts = await Promise.all(names.map(async (n) => (await fetch(`samples/${n}`)).text()));
    const chunk = `${parts.join('\n\n')}\n\n`;
    const chunkBytes = new TextEncoder().encode(chunk).length;
    const times = Math.ceil(target / chunkBytes);
    window.bigText = chunk.repeat(times);
    window.pasteBig = (tail = '') => {
      const data = new DataTransfer();
      data.setData('text/plain', window.bigText + tail);
      const area = document.querySelector('#text');
      area.focus();
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    };
    const text = window.bigText;
    return { length: text.length, bytes: times * chunkBytes, cut: text.lastIndexOf('\n\n', limit - 2) + 2 };
  }, { target: TARGET_BYTES, limit: LIMIT });
  console.log(`# large: ${mb(bytes)} of UTF-8, ${length.toLocaleString('en')} UTF-16 units; renderer memory idle ${mb(idle)}`);
  assert.ok(length > LIMIT, 'the text is over the limit');
  await page.evaluate(() => window.pasteBig());

  // 1. The offer, in both languages; nothing starts by itself, the text is kept.
  await page.waitForSelector('#limit:not([hidden])', { timeout: 30000 });
  assert.equal(await page.isVisible('#progress'), false, 'no analysis started by itself');
  const offer = await page.evaluate(() => {
    const box = document.querySelector('#limit');
    const title = document.getElementById(box.getAttribute('aria-labelledby'));
    return {
      role: box.getAttribute('role'), title: title?.textContent, info: document.querySelector('#limit-info').textContent,
      buttons: [...box.querySelectorAll('button')].map((b) => b.textContent), notice: document.querySelector('#notice').textContent,
      large: document.querySelector('#large-info').textContent,
    };
  });
  assert.equal(offer.role, 'group');
  assert.equal(offer.title, 'This text is very long');
  assert.match(offer.info, /5,000,000 characters/);
  assert.match(offer.info, new RegExp(length.toLocaleString('en')), 'the offer gives the text\'s length');
  assert.deepEqual(offer.buttons, ['Analyze the first 5,000,000 characters', 'Analyze all of it anyway']);
  assert.match(offer.notice, /very long text/, 'announced in the live region');
  assert.match(offer.large, new RegExp(length.toLocaleString('en')), 'the whole text is loaded');
  await page.screenshot({ animations: 'disabled', path: join(screenshots, 'large-offer-en.png') });
  await page.click('#lang-switch');
  const arabic = await page.evaluate(() => ({
    title: document.querySelector('#limit-title').textContent,
    buttons: [...document.querySelectorAll('#limit button')].map((b) => b.textContent),
    notice: document.querySelector('#notice').textContent,
    large: document.querySelector('#large-info').textContent,
  }));
  assert.equal(arabic.title, 'هذا النص طويل جدًا');
  assert.equal(arabic.notice, 'نص طويل جدًا: اختر طريقة تحليله.');
  assert.match(arabic.large, /^حُمِّل نص طويل/);
  assert.deepEqual(arabic.buttons, ['حلّل أول 5,000,000 محرف', 'حلّله كاملًا على أي حال']);
  await page.screenshot({ animations: 'disabled', path: join(screenshots, 'large-offer-ar.png') });
  await page.click('#lang-switch');

  // 2. All of it: progress, then Cancel; the main thread is watched from the click on.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const rss = rssSampler();
  // On a loaded machine (other builds on 2 cores) preemption can stretch a short task past 50 ms
  // of wall time, so the run-and-cancel is tried up to three times and the best counts (as the
  // 5 MB test does); every attempt is printed.
  let workersBefore = 0;
  let peakBeforeCancel = 0;
  const runAndCancel = async () => {
    await page.evaluate(() => {
      window.longTasks = [];
      window.longTaskObserver?.disconnect();
      window.longTaskObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration)); });
      window.longTaskObserver.observe({ type: 'longtask' });
    });
    await page.click('#limit-all');
    await page.waitForSelector('#cancel:not([hidden])', { timeout: 10000 });
    // Sending the text first ("Handing 50 MB to the analyzer… n%"), then the analysis itself.
    await page.waitForFunction(() => /Analyzing .*about \d+%/.test(document.querySelector('#progress-label').textContent), null, { timeout: 60000, polling: 50 });
    const p1 = await page.evaluate(() => Number(document.body.dataset.progress));
    await page.waitForTimeout(2000);
    const progress = await page.evaluate(() => ({
      value: Number(document.body.dataset.progress), label: document.querySelector('#progress-label').textContent,
    }));
    console.log(`# large: progress ${p1}% → ${progress.value}% (“${progress.label}”)`);
    assert.ok(progress.value > p1 && progress.value > 5, 'the progress moves on while the worker analyzes');
    assert.match(progress.label, /Analyzing .*MB… about \d+%/);
    await page.screenshot({ animations: 'disabled', path: join(screenshots, 'large-progress.png') });
    workersBefore = workers.length;
    const cancelAt = Date.now();
    await page.click('#cancel');
    await page.waitForFunction(() => /cancelled/.test(document.querySelector('#notice').textContent), null, { timeout: 5000 });
    const cancelMs = Date.now() - cancelAt;
    peakBeforeCancel = rss.peak;
    assert.equal(await page.isVisible('#progress'), false);
    assert.equal(await page.isVisible('#limit'), true, 'the offer is back');
    assert.match(await page.textContent('#large-info'), new RegExp(length.toLocaleString('en')), 'the text is unchanged');
    // Typing works at once (the search box of the Words view), answered within a frame or two.
    await page.click('#tab-words');
    const typedAt = Date.now();
    await page.fill('#word-search', '');
    await page.keyboard.type('market');
    assert.equal(await page.inputValue('#word-search'), 'market');
    const typeMs = Date.now() - typedAt;
    await page.fill('#word-search', '');
    await page.click('#tab-article');
    await page.waitForTimeout(300);
    const longTasks = await page.evaluate(() => window.longTasks);
    console.log(`# large: cancelled in ${cancelMs} ms; typing 6 keys took ${typeMs} ms; main-thread long tasks from the click: ${JSON.stringify(longTasks)}`);
    return longTasks.filter((d) => d > 50);
  };
  let over = await runAndCancel();
  for (let attempt = 1; attempt < 3 && over.length; attempt++) over = await runAndCancel();
  assert.deepEqual(over, [], 'no main-thread task over 50 ms');
  await page.screenshot({ animations: 'disabled', path: join(screenshots, 'large-cancelled.png') });

  // 3. The prefix, to completion; memory bounded.
  console.log(`# large: renderer memory peak ${mb(peakBeforeCancel)} up to the cancel, ${mb(await rendererRss())} after it`);
  const prefixAt = Date.now();
  await page.click('#limit-prefix');
  await page.waitForFunction(() => /of [\d,]+ characters/.test(document.querySelector('#status').textContent), null, { timeout: 240000, polling: 100 });
  const prefixSeconds = (Date.now() - prefixAt) / 1000;
  assert.ok(workers.length > workersBefore, 'the cancelled worker was replaced by a fresh one');
  const shown = await page.evaluate(() => ({
    analyzed: Number(document.body.dataset.analyzedLength), status: document.querySelector('#status').textContent,
    wasm: Number(document.body.dataset.wasmMemory), words: document.querySelector('[data-stat="words"]').textContent,
  }));
  assert.ok(shown.analyzed <= LIMIT && shown.analyzed > LIMIT * 0.9, `the prefix: ${shown.analyzed}`);
  assert.match(shown.status, new RegExp(`of ${length.toLocaleString('en')} characters`));
  assert.equal(shown.analyzed, cut, 'the prefix ends at the last paragraph break before the limit');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const peak = await rss.stop();
  const prefixBytes = Math.round(bytes * (shown.analyzed / length));
  console.log(`# large: prefix of ${shown.analyzed.toLocaleString('en')} units (~${mb(prefixBytes)}) analyzed and shown in ${prefixSeconds.toFixed(1)} s, ${shown.words} words; `
    + `wasm memory ${mb(shown.wasm)}, page JS heap ${mb(heap)}; renderer memory peak ${mb(peak)} (idle ${mb(idle)}) for the ${mb(bytes)} text`);
  await page.screenshot({ animations: 'disabled', path: join(screenshots, 'large-prefix.png') });
  // Bounded (linear in the text): the renderer's private memory grew by less than 24× the UTF-8
  // text over its idle size. Measured 10–13× on a quiet run and 20× with a benchmark and fuzzers
  // running beside it (garbage collection comes later under load; README, "Large texts"): the
  // 50 MB text is held as UTF-16 by the test and by the page, handed to the worker (slices, then
  // joined, then copied into the wasm as UTF-8, and saved to IndexedDB) before Cancel, then the
  // prefix is analyzed.
  assert.ok(peak - idle < 24 * bytes, `renderer memory peak ${mb(peak)} (idle ${mb(idle)}) for ${mb(bytes)}`);
  assert.ok(shown.wasm < 40 * LIMIT, `wasm memory ${mb(shown.wasm)} for a prefix of ${LIMIT} units`);

  // 4. LARGE_FULL=1: all of it, to completion.
  if (FULL) {
    const fullRss = rssSampler();
    // The text again (one more character: a new text) makes the offer come back; "all of it" now.
    await page.evaluate(() => window.pasteBig(' '));
    await page.waitForSelector('#limit:not([hidden])');
    const started = Date.now();
    await page.click('#limit-all');
    await page.waitForFunction((n) => Number(document.body.dataset.analyzedLength) === n, length + 1, { timeout: 25 * 60_000, polling: 500 });
    const seconds = (Date.now() - started) / 1000;
    const wasm = await page.evaluate(() => Number(document.body.dataset.wasmMemory));
    const fullPeak = await fullRss.stop();
    const words = await page.textContent('[data-stat="words"]');
    console.log(`# large FULL: all ${mb(bytes)} (${length.toLocaleString('en')} units, ${words} words) analyzed and shown in ${seconds.toFixed(1)} s; `
      + `wasm memory ${mb(wasm)} (${(wasm / length).toFixed(1)} B per unit; the prefix: ${(shown.wasm / shown.analyzed).toFixed(1)}); `
      + `renderer memory peak ${mb(fullPeak)} (${(fullPeak / bytes).toFixed(1)}× the UTF-8 text)`);
    await page.screenshot({ animations: 'disabled', path: join(screenshots, 'large-full.png') });
    // Not 8× the input (README, "Large texts": the core's tokens and word table take 25–30 bytes
    // per UTF-16 unit, which is why the limit exists), but linear: at most twice the wasm memory
    // per unit of text that the 5,000,000-unit prefix took (vectors grow by doubling), and the
    // renderer under 40× the text.
    assert.ok(wasm / length <= 2 * (shown.wasm / shown.analyzed), `wasm memory per unit grew: ${mb(wasm)} for ${length} units`);
    assert.ok(fullPeak < 40 * bytes, `renderer memory peak ${mb(fullPeak)} for ${mb(bytes)}`);
  }
  await page.click('#clear'); // the next tests start small
  await page.waitForFunction(() => Number(document.body.dataset.analyzedLength) === 0);
  await page.waitForTimeout(500);
  assert.deepEqual(errors, []);
  await page.close();
});
