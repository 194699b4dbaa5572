// The foundation path, end to end: paste the Arabic seed into the served page, see the counts the
// wasm analysis produced, and check them against the native CLI on the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openBrowser, watchErrors, nativeReport, root, screenshots } from './browser.mjs';

test('pasting the Arabic seed shows the counts of the wasm analysis', async () => {
  const seedFile = join(root, 'seeds/ar-amazon-protest.txt');
  const seed = await readFile(seedFile, 'utf8');
  const expected = nativeReport(seedFile, { tokens: false }).statistics;
  const browser = await openBrowser();
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(browser.url);
    const editor = page.locator('textarea').first();
    await editor.click();
    // A real paste: put the text on a DataTransfer and dispatch the paste + input the browser would.
    await page.evaluate((text) => {
      const area = document.querySelector('textarea');
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      if (area.dispatchEvent(paste)) {
        area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }
    }, seed);
    const shown = async (name) =>
      Number((await page.locator(`[data-stat="${name}"]`).first().textContent()).replace(/[^\d]/g, ''));
    await page.waitForFunction((words) => {
      const el = document.querySelector('[data-stat="words"]');
      return el && Number(el.textContent.replace(/[^\d]/g, '')) === words;
    }, expected.words, { timeout: 15000 });
    assert.equal(await shown('words'), expected.words);
    assert.equal(await shown('sentences'), expected.sentences);
    assert.equal(await shown('characters'), 2171, 'characters as [...text].length counts them');
    assert.equal(expected.characters, [...seed].length);
    assert.equal(await shown('sentences'), 16, 'a headline, a dateline and 14 one-sentence paragraphs');
    await page.screenshot({ animations: 'disabled', path: join(screenshots, 'foundation-arabic-seed.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
