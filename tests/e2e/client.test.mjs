// The worker client's plain API (what the widget and callers' scripts use): for a text long
// enough that its lists come in parts — the tokens as columns rebuilt on the page's thread,
// the other long lists in slices — the answer is exactly the wasm's own analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openBrowser, watchErrors, root } from './browser.mjs';

test('the worker client answers a long text exactly as the wasm does, every token object included', async () => {
  const ar = await readFile(join(root, 'seeds/ar-amazon-protest.txt'), 'utf8');
  const en = await readFile(join(root, 'seeds/en-harbour-bridge.txt'), 'utf8');
  // ~800 KB: tens of thousands of tokens and thousands of entities, over the worker's 4,096 per part.
  const text = Array.from({ length: 180 }, (_, i) => (i % 2 ? en : ar)).join('\n\n');
  const browser = await openBrowser();
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(browser.url);
    const out = await page.evaluate(async (text) => {
      const { AnalyzerClient } = await import('/analyzer/client.js');
      const glue = await import('/pkg/article_analyzer.js');
      await glue.default();
      // Count the parts that came as columns (the tokens), as the client receives them.
      let columns = 0;
      const listen = Worker.prototype.addEventListener;
      Worker.prototype.addEventListener = function (type, handler, options) {
        const counted = type === 'message' ? (e) => { if (e.data?.part?.columns) columns += 1; handler(e); } : handler;
        return listen.call(this, type, counted, options);
      };
      const client = new AnalyzerClient();
      const viaClient = (await client.analyze(text, {})).result;
      const direct = glue.analyze(text, {});
      // A second request on the same worker, lean, is not disturbed by the first one's parts.
      const lean = (await client.analyze(text, { tokens: false })).result;
      client.terminate();
      return {
        same: JSON.stringify(viaClient) === JSON.stringify(direct),
        columns,
        tokens: direct.tokens.length,
        entities: direct.entities.length,
        kinds: [...new Set(viaClient.tokens.map((t) => t.kind))],
        first: viaClient.tokens[0],
        leanSame: JSON.stringify(lean) === JSON.stringify(glue.analyze(text, { tokens: false })),
        leanTokens: lean.tokens,
      };
    }, text);
    assert.ok(out.tokens > 4096 && out.entities > 4096, `long lists: ${out.tokens} tokens, ${out.entities} entities`);
    assert.ok(out.same, 'the client\'s answer equals the wasm\'s, field order included');
    assert.equal(out.columns, 1, 'the tokens came as columns, once');
    assert.deepEqual(Object.keys(out.first), ['start', 'end', 'kind', 'script', 'key']);
    assert.ok(out.kinds.includes('word') && out.kinds.includes('punctuation'), out.kinds.join());
    assert.ok(out.leanSame);
    assert.deepEqual(out.leanTokens, [], 'no token objects when tokens: false');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
