// Cold start of two checkouts compared in one run, their loads interleaved (A, B, A, B…) so that
// a machine whose load drifts (2 shared cores) weighs on both alike. Each load is bench/run.mjs's
// (bench/cold-load.mjs: fresh browser and profile, own server process, seed pasted at
// DOMContentLoaded).
//
//   node bench/cold-ab.mjs DIR_A DIR_B [--runs N] [--pages www/index.html,bench/cold.html,dist/article-analyzer.html]
//
// Each DIR is a checkout's root holding www/ (with pkg/), bench/cold.html, seeds/ and dist/.
// Prints each page's runs and medians, and B's median minus A's.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openBrowser, root } from '../tests/e2e/browser.mjs';
import { startServer, loadCold } from './cold-load.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dirs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).slice(0, 2).map((d) => resolve(d));
if (dirs.length !== 2) {
  console.error('usage: node bench/cold-ab.mjs DIR_A DIR_B [--runs N] [--pages a,b]');
  process.exit(2);
}
const runs = Number(opt('--runs', 5));
const pages = opt('--pages', 'www/index.html,bench/cold.html,dist/article-analyzer.html').split(',');
const servers = await Promise.all(dirs.map((d) => startServer(d)));
const median = (list) => {
  const s = list.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
try {
  for (const path of pages) {
    if (!dirs.every((d) => existsSync(join(d, path)))) {
      console.log(`${path}: missing in one of the checkouts, skipped`);
      continue;
    }
    const times = [[], []];
    for (let i = 0; i < runs; i++) {
      for (const k of [0, 1]) {
        const b = await openBrowser({ serveRoot: root });
        try {
          const { firstResultMs } = await loadCold(b.context, servers[k], path, { inject: !path.includes('bench/cold.html') });
          times[k].push(firstResultMs);
        } finally {
          await b.close();
        }
      }
    }
    const [ma, mb] = times.map(median);
    const show = (list) => list.map((x) => (x === null ? '—' : x.toFixed(0))).join(', ');
    console.log(`${path}\n  A ${dirs[0]}: median ${ma?.toFixed(0)} ms (${show(times[0])})\n  B ${dirs[1]}: median ${mb?.toFixed(0)} ms (${show(times[1])})\n  B − A: ${(mb - ma).toFixed(0)} ms`);
  }
} finally {
  for (const s of servers) s.close();
}
