// <article-analyzer> in Chromium: the strict-CSP demo page, hostile article text, loading the
// module twice, and the iframe embed. Screenshots: tests/e2e/screenshots/widget-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openBrowser, watchErrors, screenshots } from './browser.mjs';
import { installHooks, widgetsDone, shadowOf, SAFE_TAGS, SAFE_ATTRIBUTES } from './widget-helpers.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function newPage() {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await installHooks(page);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  return { page, errors, workers };
}

/** Serves `html` at `name` on the www server's origin (a host page the test writes). */
async function hostPage(page, name, html) {
  await page.route(browser.url + name, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(browser.url + name);
}

test('the demo page: two themed widgets render under a strict CSP and emit analyzed', async () => {
  const { page, errors, workers } = await newPage();
  await page.goto(browser.url + 'embed-demo.html');
  await widgetsDone(page, 'article-analyzer', 2);
  const ar = await shadowOf(page, 'article-analyzer[for="story-ar"]');
  const en = await shadowOf(page, 'article-analyzer[for="story-en"]');
  assert.match(ar.text, /تحليل المقال/, 'Arabic interface');
  assert.match(en.text, /Article analysis/);
  const events = await page.evaluate(() => window.__analyzed);
  assert.deepEqual(events.map((e) => e.id).sort(), ['story-ar', 'story-en']);
  const en0 = events.find((e) => e.id === 'story-en').words;
  assert.equal(Number(en.stats.words), en0, 'the widget shows the words of its analysis');
  assert.ok(en0 > 80, `the English article has ${en0} words`);
  const dirs = await page.evaluate(() => [...document.querySelectorAll('article-analyzer')].map((w) => w.shadowRoot.querySelector('.panel').dir));
  assert.deepEqual(dirs, ['rtl', 'ltr']);
  const backgrounds = await page.evaluate(() => [...document.querySelectorAll('article-analyzer')]
    .map((w) => getComputedStyle(w.shadowRoot.querySelector('.panel')).backgroundColor));
  assert.notEqual(backgrounds[0], backgrounds[1], 'themed differently');
  assert.equal(workers.length, 1, `one shared worker for the page, got ${workers.join(', ')}`);
  await page.screenshot({ animations: 'disabled', path: join(screenshots, 'widget-demo.png'), fullPage: true });

  // Hovering a name highlights its mentions in the host article (CSS Custom Highlight API).
  const kinds = await page.evaluate(() => [...CSS.highlights.keys()].sort());
  const entityCount = await page.evaluate(() => document.querySelector('[for="story-en"]').result.entities.length);
  if (entityCount) {
    assert.ok(kinds.some((k) => k.startsWith('article-analyzer-')), `host highlights registered: ${kinds}`);
    await page.locator('article-analyzer[for="story-en"] .entity').first().hover();
    assert.ok(await page.evaluate(() => CSS.highlights.get('article-analyzer-focus')?.size > 0));
  }

  // Editing the host article re-analyzes; the theme attribute switches without re-analysis.
  await page.click('#edit-en');
  await page.waitForFunction(() => window.__analyzed.filter((e) => e.id === 'story-en').length === 2);
  const after = await page.evaluate(() => window.__analyzed.filter((e) => e.id === 'story-en').at(-1).words);
  assert.ok(after > en0, 'more words after the edit');
  await page.click('#toggle-theme');
  await page.locator('article-analyzer[for="story-en"]').screenshot({ animations: 'disabled', path: join(screenshots, 'widget-demo-en-dark.png') });
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  await page.close();
});

const PAYLOADS = {
  img: '<img src=x onerror=xss()>',
  script: '<script>xss()</script>',
  link: '<a href="javascript:xss()">click</a>',
  svg: '<svg onload=xss()></svg>',
  rlo: 'Invoice \u202Efdp.exe\u202C due',
};
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

test('hostile article text renders as inert text in the widget and never changes the host', async () => {
  const { page, errors } = await newPage();
  const article = `<h1>Breaking ${escape(PAYLOADS.script)}</h1>
    <p>Laura Chen said ${escape(PAYLOADS.img)} and ${escape(PAYLOADS.link)} at City Hall.</p>
    <p>${escape(PAYLOADS.svg)} ${PAYLOADS.rlo}.</p>`;
  await hostPage(page, 'hostile.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>hostile</title>
    <script type="module" src="widget/define.js"></script></head><body>
    <article id="story">${article}</article>
    <article-analyzer id="w-for" for="story" views="stats entities words keywords summary text" highlight-host></article-analyzer>
    <article-analyzer id="w-light" views="stats words text">${escape(Object.values(PAYLOADS).join(' '))}</article-analyzer>
    <article-analyzer id="w-prop" views="stats entities words keywords summary text"></article-analyzer>
    </body></html>`);
  // A client that returns hostile strings everywhere the report carries text, so the test does
  // not depend on which entities the current build recognizes.
  await page.evaluate((payloads) => {
    const mentions = (text) => {
      const found = [];
      const add = (needle, kind) => {
        const at = text.indexOf(needle);
        if (at >= 0) found.push({ start: at, end: at + needle.length, kind, text: needle });
      };
      add('Laura Chen', 'person');
      add('City Hall', 'location');
      add(payloads.img, 'misc');
      add('\u202Efdp.exe\u202C', 'misc');
      add(payloads.link, '"><img src=x onerror=xss()>');
      return found;
    };
    const fake = {
      async analyze(text) {
        return {
          ms: 1,
          result: {
            tokens: [],
            sentences: [{ start: 0, end: text.length }],
            entities: mentions(text),
            statistics: { characters: [...text].length, charactersNoSpaces: 1, words: 7, sentences: 1 },
            frequencies: [{ key: 'x', text: payloads.script, count: 3 }, { key: 'y', text: payloads.rlo, count: 1 }],
            keywords: [{ text: payloads.link, score: 1 }, { text: payloads.svg, score: 0.5 }],
            summary: [0],
            language: payloads.img,
          },
        };
      },
    };
    document.querySelector('#w-for').client = fake;
    const prop = document.querySelector('#w-prop');
    prop.client = fake;
    prop.text = Object.values(payloads).join(' Laura Chen ');
  }, PAYLOADS);
  const hostBefore = await page.evaluate(() => document.querySelector('#story').innerHTML);
  await widgetsDone(page, 'article-analyzer', 3);
  await page.locator('#w-for .entity').first().hover();
  await page.waitForTimeout(300); // let any payload that got through run
  assert.equal(await page.evaluate(() => window.__xss), 0, 'no payload ran');
  for (const id of ['#w-for', '#w-light', '#w-prop']) {
    const shadow = await shadowOf(page, id);
    for (const tag of shadow.tags) assert.ok(SAFE_TAGS.has(tag), `${id}: unexpected <${tag}> in the shadow root`);
    for (const a of shadow.attributes) assert.ok(SAFE_ATTRIBUTES.has(a), `${id}: unexpected attribute ${a}`);
    assert.ok(shadow.text.includes(PAYLOADS.img), `${id} shows the <img> payload as text`);
  }
  const prop = await shadowOf(page, '#w-prop');
  for (const p of [PAYLOADS.script, PAYLOADS.link, PAYLOADS.svg]) assert.ok(prop.text.includes(p), `shows ${p} as text`);
  // Bidi controls: stripped from short labels, kept but isolated in the full text.
  const bidi = await page.evaluate(() => {
    const root = document.querySelector('#w-prop').shadowRoot;
    return {
      labels: [...root.querySelectorAll('bdi')].map((b) => b.textContent),
      isolated: [...root.querySelectorAll('bdi, .text')].every((e) => getComputedStyle(e).unicodeBidi === 'isolate'),
      text: root.querySelector('.text').textContent,
    };
  });
  assert.ok(bidi.labels.every((l) => !/[\u202A-\u202E\u2066-\u2069]/.test(l)), 'labels carry no bidi controls');
  assert.ok(bidi.labels.includes('Invoice fdp.exe due'));
  assert.ok(bidi.isolated, 'every piece of article text is bidi-isolated');
  assert.ok(bidi.text.includes('\u202Efdp.exe'), 'the full text is shown as it is');
  // The host article is untouched; its names are highlighted through CSS.highlights only.
  assert.equal(await page.evaluate(() => document.querySelector('#story').innerHTML), hostBefore);
  const highlighted = await page.evaluate(() => Object.fromEntries([...CSS.highlights.entries()]
    .map(([name, h]) => [name, [...h].map((r) => r.toString())])));
  assert.deepEqual(highlighted['article-analyzer-person'], ['Laura Chen']);
  assert.deepEqual(highlighted['article-analyzer-location'], ['City Hall']);
  assert.deepEqual(highlighted['article-analyzer-misc'].sort(), [PAYLOADS.img, '\u202Efdp.exe\u202C'].sort());
  assert.deepEqual(highlighted['article-analyzer-focus'], ['Laura Chen']);
  await page.screenshot({ animations: 'disabled', path: join(screenshots, 'widget-hostile.png'), fullPage: true });
  assert.deepEqual(errors, []);
  // The hook is live: the same payload as markup does run (so the zero above means something).
  await page.evaluate((html) => { document.createElement('div').innerHTML = html; }, PAYLOADS.img);
  await page.waitForFunction(() => window.__xss === 1);
  await page.close();
});

test('loading the module twice is harmless: one registration, one worker', async () => {
  const { page, errors, workers } = await newPage();
  await hostPage(page, 'twice.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>twice</title>
    <script type="module" src="widget/define.js"></script>
    <script type="module" src="widget/define.js?again"></script>
    <script type="module">
      import { define, ArticleAnalyzerElement } from './widget/article-analyzer.js?copy';
      window.__copy = ArticleAnalyzerElement;
      window.__again = define();
      window.__news = define('news-analyzer');
    </script></head><body>
    <article-analyzer id="a">The first text. It has two sentences.</article-analyzer>
    <article-analyzer id="b" ui-lang="ar">النص الثاني قصير.</article-analyzer>
    <news-analyzer id="c">A third widget under another tag name.</news-analyzer>
    </body></html>`);
  await widgetsDone(page, 'article-analyzer, news-analyzer', 3);
  const facts = await page.evaluate(() => ({
    same: window.__again === customElements.get('article-analyzer'),
    copyIsOther: window.__copy !== customElements.get('article-analyzer'),
    news: window.__news === customElements.get('news-analyzer'),
    words: [...document.querySelectorAll('article-analyzer, news-analyzer')].map((w) => w.result.statistics.words),
  }));
  assert.ok(facts.same, 'define() returns the first registration');
  assert.ok(facts.copyIsOther && facts.news, 'a second copy can register another tag name');
  assert.deepEqual(facts.words, [7, 3, 7]);
  assert.equal(workers.length, 1, `one worker for three widgets and two copies, got ${workers.length}`);
  // analyze() resolves to the report; the text property overrides the light DOM.
  const words = await page.evaluate(async () => {
    const w = document.querySelector('#a');
    w.text = 'Replaced by a property.';
    return (await w.analyze()).statistics.words;
  });
  assert.equal(words, 4);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the iframe embed reads its text from the fragment or from its parent', async () => {
  const { page, errors } = await newPage();
  const text = 'أعلنت الشركة عن خطة جديدة. The plan starts in May.';
  await page.goto(`${browser.url}embed-frame.html#ui-lang=ar&theme=dark&views=stats+words&text=${encodeURIComponent(text)}`);
  await widgetsDone(page, 'article-analyzer', 1);
  const shadow = await shadowOf(page, 'article-analyzer');
  assert.match(shadow.text, /تحليل المقال/);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.evaluate(() => document.querySelector('article-analyzer').result.statistics.words), 10);

  await hostPage(page, 'frame-host.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>frame host</title>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; frame-src 'self'">
    <script type="module" src="widget/frame-host.js"></script></head><body>
    <article id="story"><h1>Harbour plan approved</h1><p>The council voted on Tuesday. Work starts in 2027.</p></article>
    <iframe src="embed-frame.html#views=stats+entities" data-article-analyzer-for="story" title="Article analysis" width="420"></iframe>
    </body></html>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('article-analyzer[data-state="done"]').waitFor({ timeout: 20000 });
  await page.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 100);
  const words = await page.frames()[1].evaluate(() => document.querySelector('article-analyzer').result.statistics.words);
  assert.equal(words, 11);
  await page.screenshot({ animations: 'disabled', path: join(screenshots, 'widget-iframe.png'), fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('options the running wasm does not know, or refuses, are left out instead of failing', async () => {
  const { page, errors } = await newPage();
  await hostPage(page, 'options.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>options</title>
    <script type="module" src="widget/define.js"></script></head><body>
    <article-analyzer id="w" language="xx" views="stats entities words">Some text to analyze here.</article-analyzer>
    </body></html>`);
  await widgetsDone(page, '#w', 1);
  const sent = await page.evaluate(async () => {
    const w = document.querySelector('#w');
    const real = w.result;
    const calls = [];
    // Behaves like a wasm that knows tokens, sentences, entities and language (but not "xx").
    w.client = {
      async analyze(text, options) {
        calls.push(Object.keys(options).sort().join(','));
        const known = ['tokens', 'sentences', 'entities', 'language'];
        const unknown = Object.keys(options).find((k) => !known.includes(k));
        if (unknown) throw new Error(`invalid options: unknown option \`${unknown}\`; expected one of: ${known.join(', ')}`);
        if (options.language === 'xx') throw new Error('invalid options: unknown variant `xx`, expected `ar` or `en`');
        return { result: { ...real, frequencies: undefined }, ms: 1 };
      },
    };
    await new Promise((done) => w.addEventListener('analyzed', done, { once: true }));
    w.setAttribute('language', 'en');
    await new Promise((done) => w.addEventListener('analyzed', done, { once: true }));
    return calls;
  });
  assert.deepEqual(sent, [
    'entities,language,paragraphs,sentences,tokens,top',
    'entities,language,sentences,tokens',
    'entities,sentences,tokens',
    'entities,language,sentences,tokens',
  ]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('loading="lazy" waits for the viewport; theme="auto" follows prefers-color-scheme', async () => {
  const { page, errors } = await newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await hostPage(page, 'lazy.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>lazy</title>
    <script type="module" src="widget/define.js"></script></head><body>
    <article-analyzer id="auto" theme="auto">Seen at once, in the dark.</article-analyzer>
    <article-analyzer id="light">Always light.</article-analyzer>
    <div id="spacer" style="height: 5000px"></div>
    <article-analyzer id="lazy" loading="lazy">Far below the fold.</article-analyzer>
    </body></html>`);
  await widgetsDone(page, '#auto, #light', 2);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector('#lazy').result), null, 'not analyzed off screen');
  await page.locator('#lazy').scrollIntoViewIfNeeded();
  await widgetsDone(page, '#lazy', 1);
  const bg = await page.evaluate(() => ['#auto', '#light'].map((id) =>
    getComputedStyle(document.querySelector(id).shadowRoot.querySelector('.panel')).backgroundColor));
  assert.deepEqual(bg, ['rgb(23, 25, 30)', 'rgb(255, 255, 255)']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('host text: blocks become paragraphs, indentation and scripts are left out, offsets map back', async () => {
  const { page, errors } = await newPage();
  await page.goto(`${browser.url}embed-demo.html`);
  const out = await page.evaluate(async () => {
    const { readText, rangeFor } = await import('./widget/host-text.js');
    const host = document.createElement('div');
    host.innerHTML = `
      <h1>Title</h1>
      <p>One <b>bold</b> <i>word</i>.<br>Next line.</p><p>Glued paragraph.</p>
      <script>ignored()</script><style>.x{}</style><p hidden>hidden</p>
      <ul><li>item 😀 one</li><li>item two</li></ul>
    `;
    const { text, segments } = readText(host);
    const at = (s) => { const i = text.indexOf(s); return rangeFor(segments, i, i + s.length)?.toString(); };
    return { text, ranges: ['bold', 'word', '😀 one', 'Next line.', 'Title'].map(at) };
  });
  assert.equal(out.text, 'Title\n\nOne bold word.\nNext line.\n\nGlued paragraph.\n\nitem 😀 one\n\nitem two');
  assert.deepEqual(out.ranges, ['bold', 'word', '😀 one', 'Next line.', 'Title']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a text property set before the module loads is kept', async () => {
  const { page, errors } = await newPage();
  await hostPage(page, 'early.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>early</title></head><body>
    <article-analyzer id="w">Light DOM text that the property replaces.</article-analyzer></body></html>`);
  await page.evaluate(() => { document.querySelector('#w').text = 'Set early.'; });
  await page.evaluate(() => import('./widget/define.js'));
  await widgetsDone(page, '#w', 1);
  assert.equal(await page.evaluate(() => document.querySelector('#w').result.statistics.words), 2);
  assert.deepEqual(errors, []);
  await page.close();
});
