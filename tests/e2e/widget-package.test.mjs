// The npm package (scripts/package.mjs): assembled into a temp node_modules, its `exports` resolve
// in Node, analyzeSync runs in Node on the packaged wasm, and in Chromium the package's own files
// (served as a CDN would) give analyze() in the shared worker and the element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBrowser, watchErrors, root, screenshots } from './browser.mjs';
import { installHooks, widgetsDone } from './widget-helpers.mjs';

let project;
let pkgDir;
before(async () => {
  project = await mkdtemp(join(tmpdir(), 'aa-npm-'));
  pkgDir = join(project, 'node_modules/article-analyzer');
  await mkdir(pkgDir, { recursive: true });
  execFileSync('node', [join(root, 'scripts/package.mjs'), '--out', pkgDir], { cwd: root, stdio: 'pipe' });
});
after(async () => { await rm(project, { recursive: true, force: true }); });

test('package.json exports resolve in Node and analyzeSync runs on the packaged wasm', async () => {
  const pkg = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(pkg.type, 'module');
  for (const key of ['.', './element', './define', './worker', './wasm']) assert.ok(pkg.exports[key], `exports ${key}`);
  for (const file of ['index.d.ts', 'element.d.ts', 'report.d.ts', 'define.d.ts', 'pkg/article_analyzer_bg.wasm', 'README.md']) {
    assert.ok(existsSync(join(pkgDir, file)), file);
  }
  assert.match(await readFile(join(pkgDir, 'README.md'), 'utf8'), /<article-analyzer/, 'the README carries the embedding docs');
  await writeFile(join(project, 'package.json'), '{"type":"module"}');
  await writeFile(join(project, 'check.mjs'), `
    import { readFile } from 'node:fs/promises';
    import { init, analyzeSync } from 'article-analyzer';
    const resolved = ['article-analyzer', 'article-analyzer/element', 'article-analyzer/worker', 'article-analyzer/wasm']
      .map((s) => import.meta.resolve(s).split('node_modules/article-analyzer/')[1]);
    await init({ module_or_path: await readFile(new URL(import.meta.resolve('article-analyzer/article_analyzer_bg.wasm'))) });
    const report = analyzeSync('أعلنت الشركة خطة. It works.', { tokens: false });
    console.log(JSON.stringify({ resolved, words: report.statistics.words }));`);
  const out = JSON.parse(execFileSync('node', [join(project, 'check.mjs')], { cwd: project, encoding: 'utf8' }));
  assert.deepEqual(out.resolved, ['index.js', 'element.js', 'analyzer/worker.js', 'pkg/article_analyzer.js']);
  assert.equal(out.words, 5);
  assert.ok(pathToFileURL(pkgDir).href);
});

test('in Chromium the packaged analyze() and <article-analyzer> work from the package files', async () => {
  const browser = await openBrowser({ serveRoot: pkgDir });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await installHooks(page);
    await page.route(`${browser.url}demo.html`, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>package</title>
        <script type="module" src="define.js"></script></head><body>
        <article-analyzer id="w" ui-lang="ar">مرحبا بالعالم. هذا نص قصير.</article-analyzer></body></html>`,
    }));
    await page.goto(`${browser.url}demo.html`);
    await widgetsDone(page, '#w', 1);
    const facts = await page.evaluate(async () => {
      const api = await import('./index.js');
      const inWorker = await api.analyze('One two three.', { tokens: false });
      await api.init();
      const onMain = api.analyzeSync('One two three.', { tokens: false });
      let unknown = '';
      try { await api.analyze('x', { noSuchOption: true }); } catch (e) { unknown = e.message; }
      return { worker: inWorker.statistics.words, main: onMain.statistics.words, unknown, widget: document.querySelector('#w').result.statistics.words };
    });
    assert.deepEqual([facts.worker, facts.main, facts.widget], [3, 3, 5]);
    assert.match(facts.unknown, /unknown option `noSuchOption`/);
    await page.locator('#w').screenshot({ animations: 'disabled', path: join(screenshots, 'widget-package.png') });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
