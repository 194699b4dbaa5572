// The page as it is shipped: dist/www/, a copy of www/ with every JavaScript module and the
// stylesheet minified by esbuild (already a dev dependency: the benchmark bundles its baselines
// with it). Each file is transformed on its own — no bundling — so module paths, `import.meta.url`
// and the service worker's file list stay exactly as in www/; HTML, the wasm and everything else
// are copied as they are. The comments that explain the sources stay in www/ and cost the reader
// nothing: minified, the JavaScript the page downloads is ~20 KB smaller gzipped (measured in the
// README, "Page weight").
//
//   node scripts/minify.mjs            # run by scripts/build.sh after the wasm build
import { transform } from 'esbuild';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const from = join(root, 'www');
const to = join(root, 'dist/www');

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

await rm(to, { recursive: true, force: true });
let before = 0;
let after = 0;
for await (const source of files(from)) {
  const target = join(to, relative(from, source));
  await mkdir(dirname(target), { recursive: true });
  const loader = source.endsWith('.js') || source.endsWith('.mjs') ? 'js' : source.endsWith('.css') ? 'css' : null;
  if (!loader) {
    await cp(source, target);
    continue;
  }
  const code = await readFile(source, 'utf8');
  // `legalComments: 'inline'` keeps any /*! … */ licence notice; `charset: 'utf8'` keeps the
  // Arabic strings as they are (escaped, they would grow); `esnext`: no syntax is rewritten, only
  // whitespace, comments and local names.
  const out = await transform(code, { loader, minify: true, legalComments: 'inline', charset: 'utf8', target: 'esnext', sourcefile: source });
  await writeFile(target, out.code);
  before += Buffer.byteLength(code);
  after += Buffer.byteLength(out.code);
}
console.log(`[minify] dist/www: www/ with its JavaScript and CSS minified (${before} → ${after} bytes raw)`);
