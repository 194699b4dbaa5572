// Assembles the npm package into dist/npm/ (or --out DIR): the wasm-pack output, the analysis
// client and worker, the <article-analyzer> element, hand-written TypeScript declarations and a
// package.json with `exports`. Plain ES modules, no bundler: files keep the same relative layout
// as www/, so every `new URL('…', import.meta.url)` resolves inside the package.
//
//   node scripts/package.mjs            # builds www/pkg first if it is missing
//   node scripts/package.mjs --out DIR  # somewhere else (the tests use a temp dir)
//   cd dist/npm && npm pack             # a tarball to publish or install
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outArg = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist/npm';
const out = resolve(root, outArg);
const www = join(root, 'www');

if (!existsSync(join(www, 'pkg/article_analyzer_bg.wasm')) || args.includes('--build')) {
  console.log('[package] building the wasm (scripts/build.sh)');
  execFileSync('bash', [join(root, 'scripts/build.sh')], { stdio: 'inherit', cwd: root });
}

const cargo = await readFile(join(root, 'Cargo.toml'), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const copyJs = async (from, to) => {
  await mkdir(join(out, to), { recursive: true });
  for (const name of await readdir(join(www, from))) {
    if (name.endsWith('.js') || name.endsWith('.css')) await cp(join(www, from, name), join(out, to, name));
  }
};
await copyJs('widget', 'widget');
await copyJs('analyzer', 'analyzer');
await mkdir(join(out, 'pkg'));
for (const name of ['article_analyzer.js', 'article_analyzer.d.ts', 'article_analyzer_bg.wasm', 'article_analyzer_bg.wasm.d.ts']) {
  await cp(join(www, 'pkg', name), join(out, 'pkg', name));
}
await cp(join(www, 'embed-frame.html'), join(out, 'embed-frame.html'));
for (const name of await readdir(join(www, 'widget/types'))) await cp(join(www, 'widget/types', name), join(out, name));

const entries = {
  'index.js': "// The analysis API: analyze() in the page's shared worker, init() + analyzeSync() on the main thread.\nexport * from './widget/api.js';\n",
  'element.js': "// The <article-analyzer> element class and define(); registers nothing by itself.\nexport { ArticleAnalyzerElement, define, VIEWS, entityGroups } from './widget/article-analyzer.js';\n",
  'define.js': "// Importing this module registers <article-analyzer> (harmless when done twice).\nexport * from './widget/define.js';\n",
};
for (const [name, text] of Object.entries(entries)) await writeFile(join(out, name), text);

const pkg = {
  name: 'article-analyzer',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  main: './index.js',
  module: './index.js',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', default: './index.js' },
    './element': { types: './element.d.ts', default: './element.js' },
    './define': { types: './define.d.ts', default: './define.js' },
    './worker': './analyzer/worker.js',
    './client': './analyzer/client.js',
    './wasm': { types: './pkg/article_analyzer.d.ts', default: './pkg/article_analyzer.js' },
    './article_analyzer_bg.wasm': './pkg/article_analyzer_bg.wasm',
    './embed-frame.html': './embed-frame.html',
    './frame-host': './widget/frame-host.js',
    './package.json': './package.json',
  },
  sideEffects: ['./define.js', './widget/define.js', './widget/frame.js', './widget/frame-host.js', './analyzer/worker.js'],
  files: ['*.js', '*.d.ts', '*.html', 'widget/', 'analyzer/', 'pkg/', 'README.md'],
  keywords: ['arabic', 'nlp', 'text-analysis', 'named-entities', 'webassembly', 'web-component', 'custom-element'],
};
await writeFile(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

// The README's "Embedding" section is the package's documentation.
const readme = await readFile(join(root, 'README.md'), 'utf8');
const section = readme.match(/^## Embedding\n[\s\S]*?(?=^## |(?![\s\S]))/m)?.[0] ?? '';
await writeFile(join(out, 'README.md'), `# article-analyzer\n\n${pkg.description}\n\n${section.replace(/^## Embedding/, '## Embedding and the JS API')}`);

// Self-check: every export target exists, and every relative import resolves inside the package.
const problems = [];
const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
for (const t of targets) if (!existsSync(join(out, t))) problems.push(`exports target missing: ${t}`);
const walk = async (dir) => (await Promise.all((await readdir(dir, { withFileTypes: true })).map((d) =>
  d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]))).flat();
const files = await walk(out);
for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f))) {
  const text = await readFile(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  for (const spec of specifiers) {
    let target = resolve(dirname(file), spec);
    if (file.endsWith('.d.ts') && target.endsWith('.js')) target = target.replace(/\.js$/, '.d.ts');
    if (!existsSync(target)) problems.push(`${relative(out, file)}: '${spec}' does not resolve`);
  }
}
if (problems.length) {
  console.error(`[package] ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

let raw = 0;
let gz = 0;
for (const file of files) {
  const body = await readFile(file);
  raw += (await stat(file)).size;
  gz += gzipSync(body, { level: 9 }).length;
}
console.log(`[package] ${relative(root, out) || out}: ${files.length} files, ${raw} bytes raw, ${gz} bytes gzipped (sum of files)`);
