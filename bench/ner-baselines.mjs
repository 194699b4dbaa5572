// Named-entity accuracy side by side: this analyzer against the entity recognizers of the
// in-browser libraries the README compares with (compromise, wink-nlp), on the same dev texts
// and by the same scorer (`evaluate ner --score`, conlleval-style, exact match).
//
//   node bench/ner-baselines.mjs      (after `cargo build --release --bin evaluate --bin article-analyzer`;
//                                      `make accuracy` does both)
//
// The dev documents are rebuilt from ../shared/data by `evaluate ner --write-texts` into
// target/ner/ (nothing is copied into the repository; a missing corpus is skipped, saying so).
// Each recognizer's entities are written as JSON lines in the CLI's own format ({id, entities:
// [{start, end, kind}]}, UTF-16 offsets) and scored by the same Rust code. Ours goes through the
// CLI (`article-analyzer --jsonl`), so the run also checks that the public JSON scores exactly
// as the analyzer does in-process (`evaluate ner`): the script fails if it does not.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'target', 'ner');
const bin = (name) => join(root, 'target', 'release', name);
for (const name of ['evaluate', 'article-analyzer']) {
  if (!existsSync(bin(name))) {
    console.error(`missing ${bin(name)}: run cargo build --release --bin evaluate --bin article-analyzer`);
    process.exit(2);
  }
}
mkdirSync(out, { recursive: true });

const evaluate = (...args) => execFileSync(bin('evaluate'), ['ner', ...args], { encoding: 'utf8' });

const textsFile = join(out, 'texts.jsonl');
process.stdout.write(evaluate('--write-texts', textsFile));
const docs = readFileSync(textsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
if (docs.length === 0) {
  console.log('no dev corpus in ../shared/data: nothing to compare');
  process.exit(0);
}
const english = docs.filter((d) => d.lang === 'en');

// Ours, through the CLI's public JSON.
const oursFile = join(out, 'ours.jsonl');
writeFileSync(
  oursFile,
  execFileSync(bin('article-analyzer'), ['--jsonl', '--options', '{"tokens":false,"sentences":false}'], {
    input: readFileSync(textsFile),
    maxBuffer: 1 << 30,
  }),
);

// compromise: people, organizations and places, with their offsets (UTF-16, as JS strings).
const { default: nlp } = await import('compromise');
const compromiseFile = join(out, 'compromise.jsonl');
{
  const lines = [];
  for (const d of english) {
    const doc = nlp(d.text);
    const seen = new Set();
    const entities = [];
    for (const [kind, view] of [
      ['person', doc.people()],
      ['organization', doc.organizations()],
      ['location', doc.places()],
    ]) {
      for (const m of view.json({ offset: true })) {
        // compromise's offsets take in the punctuation after a term (`Les Ferdinand .`): in
        // its favour, spans are trimmed to their first and last letter or digit.
        let start = m.offset.start;
        let end = start + m.offset.length;
        while (start < end && !/[\p{L}\p{N}]/u.test(d.text[start])) start++;
        while (end > start && !/[\p{L}\p{N}]/u.test(d.text[end - 1])) end--;
        if (start === end) continue;
        // One kind per span: a span compromise gives two kinds counts once, with the first.
        if (!seen.has(`${start}:${end}`)) {
          seen.add(`${start}:${end}`);
          entities.push({ start, end, kind });
        }
      }
    }
    lines.push(JSON.stringify({ id: d.id, entities }));
  }
  writeFileSync(compromiseFile, lines.join('\n') + '\n');
}

// wink-nlp with its English web model: its entity types, mapped to ours where one fits.
const { default: winkNLP } = await import('wink-nlp');
const { default: winkModel } = await import('wink-eng-lite-web-model');
const winkFile = join(out, 'wink.jsonl');
const winkTypes = new Map();
{
  const wink = winkNLP(winkModel);
  const its = wink.its;
  const kindOf = { PERSON: 'person', ORG: 'organization', GPE: 'location', LOC: 'location', NORP: 'misc' };
  const lines = [];
  for (const d of english) {
    const doc = wink.readDoc(d.text);
    const entities = [];
    doc.entities().each((e) => {
      const type = e.out(its.type);
      winkTypes.set(type, (winkTypes.get(type) ?? 0) + 1);
      const kind = kindOf[type];
      if (!kind) return;
      // wink gives token indices; their offsets come from the tokens' own precedingSpaces.
      const [first, last] = e.out(its.span);
      entities.push({ first, last, kind });
    });
    if (entities.length > 0) {
      // Character offsets of every token, rebuilt from wink's tokens and their preceding spaces.
      const starts = [];
      let at = 0;
      doc.tokens().each((t) => {
        at += t.out(its.precedingSpaces).length;
        starts.push([at, at + t.out().length]);
        at += t.out().length;
      });
      for (const e of entities) {
        e.start = starts[e.first][0];
        e.end = starts[e.last][1];
        delete e.first;
        delete e.last;
      }
    }
    lines.push(JSON.stringify({ id: d.id, entities }));
  }
  writeFileSync(winkFile, lines.join('\n') + '\n');
}

// Scores: the per-kind and headline lines of each table, by language.
function parse(report) {
  const byLanguage = {};
  let language = null;
  for (const line of report.split('\n')) {
    if (line.startsWith('English')) language = 'en';
    else if (line.startsWith('Arabic')) language = 'ar';
    const m = line.match(/^(person|organization|location|misc|all|untyped|HEADLINE)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)/);
    if (m && language) {
      (byLanguage[language] ??= {})[m[1]] = { p: +m[2], r: +m[3], f1: +m[4], gold: +m[5], pred: +m[6] };
    }
  }
  return byLanguage;
}

const inProcess = parse(evaluate());
const scores = {
  ours: parse(evaluate('--score', oursFile)),
  compromise: parse(evaluate('--score', compromiseFile, '--lang', 'en')),
  wink: parse(evaluate('--score', winkFile, '--lang', 'en')),
};

let failed = false;
for (const language of Object.keys(inProcess)) {
  const same = JSON.stringify(inProcess[language]) === JSON.stringify(scores.ours[language]);
  console.log(`${language}: the CLI's JSON scores ${same ? 'exactly as' : 'DIFFERENTLY FROM'} the in-process analysis`);
  failed ||= !same;
}

const f = (x) => (x === undefined ? '—' : x.f1.toFixed(3));
const rows = [
  ['article-analyzer (this crate)', scores.ours.en],
  ['compromise 14.17 (people, organizations, places)', scores.compromise.en],
  ['wink-nlp 2.4 + wink-eng-lite-web-model 1.8', scores.wink.en],
];
if (scores.ours.en) {
  console.log('\nEnglish — CoNLL-2003 eng.testa (dev), F1 by kind; headline = PER/ORG/LOC, MISC left out');
  console.log('| recognizer | person | organization | location | names found, any kind (untyped) | headline P / R / F1 | headline F1 ÷ ours |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, s] of rows) {
    const h = s.HEADLINE;
    const ratio = h.f1 > 0 ? (h.f1 / scores.ours.en.HEADLINE.f1).toFixed(2) : '0';
    console.log(
      `| ${name} | ${f(s.person)} | ${f(s.organization)} | ${f(s.location)} | ${f(s.untyped)} | ${h.p.toFixed(3)} / ${h.r.toFixed(3)} / **${h.f1.toFixed(3)}** | ${ratio} |`,
    );
  }
  const types = [...winkTypes].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ');
  console.log(`\nwink-nlp's entity types on these texts: ${types || 'none'}`);
}
if (scores.ours.ar) {
  const h = scores.ours.ar.HEADLINE;
  console.log(
    `\nArabic — ANERcorp held-back slice: ours ${h.p.toFixed(3)} / ${h.r.toFixed(3)} / **${h.f1.toFixed(3)}**; ` +
      'compromise and wink-nlp are English only (no Arabic model to compare with)',
  );
}
writeFileSync(join(out, 'results.json'), JSON.stringify({ scores, inProcess, winkTypes: Object.fromEntries(winkTypes) }, null, 2));
if (failed) {
  console.error('\nthe CLI JSON and the in-process analysis disagree');
  process.exit(1);
}
