// Benchmark inputs from the raw news corpora in ../shared/data (never copied into the repo):
// article texts concatenated with a blank line between them, cut at an article boundary once the
// size is reached, written to target/bench/inputs/<lang>-<size>.txt with a manifest.json.
//
//   node bench/inputs.mjs          prepare (idempotent); prints what it skipped and why
//
// Sizes: `article` = the first article of 4–6 KB (one real article, ~800 words), `5kwords` = the
// first articles up to 5,000 words (whitespace-separated), `100kb` and `5mb` by UTF-8 bytes. The
// English corpus is 4.7 MB, so its 5 MB input starts over from the first article to fill up.
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const inputsDir = join(root, 'target/bench/inputs');
const data = join(root, '../shared/data');

export const CORPORA = {
  en: { file: 'rawtext_en_bbc/bbc-news-articles.jsonl.gz', name: 'BBC news (English)' },
  ar: { file: 'rawtext_ar_saudinewsnet/saudinewsnet-2015-07-22.jsonl.gz', name: 'SaudiNewsNet (Arabic)' },
};
export const SIZES = ['article', '5kwords', '100kb', '5mb'];

const bytes = (s) => Buffer.byteLength(s, 'utf8');
const words = (s) => (s.match(/\S+/g) ?? []).length;

function articles(lang) {
  const path = join(data, CORPORA[lang].file);
  if (!existsSync(path)) return null;
  return gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean)
    .map((line) => JSON.parse(line).text.trim()).filter(Boolean);
}

/** Concatenates articles (wrapping around) until `enough(text)` holds. */
function concat(list, enough) {
  const parts = [];
  let text = '';
  for (let i = 0; !enough(text); i++) {
    parts.push(list[i % list.length]);
    text = parts.join('\n\n');
  }
  return text;
}

function concatBytes(list, target) {
  // Joining per step is quadratic at 5 MB; count incrementally instead.
  const parts = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const a = list[i % list.length];
    size += bytes(a) + (parts.length ? 2 : 0);
    parts.push(a);
  }
  return parts.join('\n\n');
}

/** Prepares every input it can; returns the manifest ({ name: { lang, size, bytes, chars, file } }). */
export function prepare({ log = console.log } = {}) {
  mkdirSync(inputsDir, { recursive: true });
  const manifest = {};
  for (const lang of Object.keys(CORPORA)) {
    const list = articles(lang);
    if (!list) {
      log(`[bench] skipping ${lang}: ${CORPORA[lang].file} is absent from ../shared/data`);
      continue;
    }
    const texts = {
      article: list.find((a) => bytes(a) >= 4000 && bytes(a) <= 6000) ?? list[0],
      '5kwords': concat(list, (t) => words(t) >= 5000),
      '100kb': concatBytes(list, 100_000),
      '5mb': concatBytes(list, 5_000_000),
    };
    for (const size of SIZES) {
      const name = `${lang}-${size}`;
      const file = join(inputsDir, `${name}.txt`);
      writeFileSync(file, texts[size]);
      manifest[name] = {
        lang, size, corpus: CORPORA[lang].name, bytes: bytes(texts[size]),
        utf16: texts[size].length, words: words(texts[size]), file: `target/bench/inputs/${name}.txt`,
      };
    }
  }
  writeFileSync(join(inputsDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const m = prepare();
  for (const [name, i] of Object.entries(m)) console.log(`${name.padEnd(12)} ${i.bytes} bytes, ${i.words} words`);
}
