// Builds dist/article-analyzer.html: the whole page in ONE file that works when double-clicked
// (file://), offline, with no request of any kind. Run by scripts/build.sh after wasm-pack.
//
// Why it differs from the served page (see ../shared/TOOLCHAIN.md, last section): from file://,
// sibling files cannot be fetched or imported and a module worker from a blob: URL does not start,
// but a classic worker from a blob: URL does. So:
//   - wasm-bindgen --target no-modules makes classic glue (a `wasm_bindgen` global with initSync);
//   - the worker = that glue + analyzer/worker-core.js, kept in a <script type="text/plain"> and
//     started from a Blob; the wasm bytes, as base64, in a <script type="application/octet-stream">,
//     compiled by the page, which posts the module to each worker it starts;
//   - the page's ES modules are joined into one inline module script. There is no bundler: each
//     module becomes a function scope returning its exports, and its `import { a, b as c } from`
//     lines become destructuring of the modules before it (only those two forms are allowed);
//     an `import('./x.js')` expression (a module loaded when first needed) becomes a promise of
//     that module, which is in the bundle too;
//   - CSS is inlined; the CSP allows exactly the inline script and style by their SHA-256 hashes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = join(root, 'www');
const out = join(root, 'target/single');
const raw = join(root, 'target/wasm/wasm32-unknown-unknown/release/article_analyzer.wasm');
const dist = join(root, 'dist/article-analyzer.html');

const say = (m) => console.log(`[single] ${m}`);
if (!existsSync(raw)) throw new Error(`missing ${raw}: run scripts/build.sh (wasm-pack) first`);
mkdirSync(out, { recursive: true });

// 1. Classic glue + optimized wasm.
execFileSync('wasm-bindgen', ['--target', 'no-modules', '--no-typescript', '--out-dir', out, '--out-name', 'article_analyzer', raw], { stdio: 'inherit' });
const wasmOpt = join(root, 'node_modules/.bin/wasm-opt');
const bgWasm = join(out, 'article_analyzer_bg.wasm');
if (existsSync(wasmOpt)) {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  // The served page skips memory packing (fewer gzipped bytes); this file is mostly read from
  // disk or mailed as is, where packing's fewer raw bytes count (−350 KB of base64 today).
  const flags = JSON.parse(/wasm-opt = (\[.*\])/.exec(cargo)?.[1] ?? '["-O3"]')
    .filter((flag) => flag !== '--skip-pass=memory-packing');
  execFileSync(wasmOpt, [...flags, bgWasm, '-o', bgWasm], { stdio: 'inherit' });
}
const glue = readFileSync(join(out, 'article_analyzer.js'), 'utf8');
const wasmBase64 = readFileSync(bgWasm).toString('base64');

// 2. A tiny module joiner (our own modules only, two import forms, named exports).
function bundle(entries) {
  const order = [];
  const seen = new Map();
  const load = (file) => {
    if (seen.has(file)) return seen.get(file);
    const id = `__m${seen.size}`;
    seen.set(file, id);
    const source = readFileSync(join(www, file), 'utf8');
    const exported = [];
    const lines = source.split('\n').map((line) => {
      const imp = /^import\s+\{([^}]*)\}\s+from\s+'([^']+)';\s*$/.exec(line);
      if (imp) {
        const dep = posix.normalize(posix.join(posix.dirname(file), imp[2]));
        const depId = load(dep);
        const names = imp[1].split(',').map((x) => x.trim()).filter(Boolean).map((x) => x.replace(/\s+as\s+/, ': '));
        return `const { ${names.join(', ')} } = ${depId};`;
      }
      if (/^\s*import\s/.test(line) || /^export\s+default/.test(line)) throw new Error(`${file}: unsupported line for the single-file build: ${line}`);
      // A dynamic import('./x.js') of one of our modules: it is in the bundle already.
      line = line.replace(/\bimport\(\s*'([^']+)'\s*\)/g, (_, path) => `Promise.resolve(${load(posix.normalize(posix.join(posix.dirname(file), path)))})`);
      const exp = /^export\s+((?:async\s+)?function\*?|class|const|let)\s+(\w+)/.exec(line);
      if (exp) {
        exported.push(exp[2]);
        return line.replace(/^export\s+/, '');
      }
      const list = /^export\s+\{([^}]*)\};?\s*$/.exec(line);
      if (list) {
        exported.push(...list[1].split(',').map((x) => x.trim()).filter(Boolean));
        return '';
      }
      return line;
    });
    order.push(`// ---- ${file}\nconst ${id} = (() => {\n${lines.join('\n')}\nreturn { ${exported.join(', ')} };\n})();`);
    return id;
  };
  for (const entry of entries) load(entry);
  return order.join('\n');
}

// 3. The worker: classic glue + worker-core. The wasm is not in its source (a 1.9 MB string literal
// the worker would decode and parse each time it starts): its bytes, as base64, are in their own
// element; the page decodes and compiles them (asynchronously: off its main thread) and posts the
// compiled module to the worker (analyzer/page-client.js, `boot.module`), which answers and warms up
// by worker-core.js's requestLoop, as analyzer/worker.js does.
const workerSource = `${glue}
${bundle(['analyzer/worker-core.js'])}
let receiveModule;
const compiled = new Promise((resolve) => { receiveModule = resolve; });
const wasmReady = compiled.then(async (module) => {
  if (!module) throw new Error('the page could not compile the analyzer');
  const exports = await wasm_bindgen({ module_or_path: module });
  return { analyze: wasm_bindgen.analyze, version: wasm_bindgen.version, memory: exports.memory };
});
const receive = __m0.requestLoop(wasmReady, (m, transfer = []) => self.postMessage(m, transfer));
self.addEventListener('message', (event) => {
  const kind = event.data && event.data.kind;
  if (kind === 'module') { receiveModule(event.data.module); return; }
  if (kind === 'warm') return;
  receive(event.data);
});
`;

// 4. The page: samples, boot, the joined modules.
const samples = {};
for (const name of readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.txt')).sort()) {
  samples[name] = readFileSync(join(root, 'seeds', name), 'utf8');
}
const scriptSafe = (s) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const json = (value) => JSON.stringify(value).replace(/</g, '\\u003c');
const boot = `globalThis.ARTICLE_ANALYZER_BOOT = (() => {
  const source = document.getElementById('aa-worker').textContent;
  const workerUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const base64 = document.getElementById('aa-wasm').textContent;
  const bytes = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const module = WebAssembly.compile(bytes);
  return { singleFile: true, workerUrl, module, samples: JSON.parse(document.getElementById('aa-samples').textContent) };
})();`;
const app = scriptSafe(`${boot}\n${bundle(['app.js'])}\n`);
const css = readFileSync(join(www, 'app.css'), 'utf8');
const favicon = `data:image/svg+xml;base64,${readFileSync(join(www, 'favicon.svg')).toString('base64')}`;
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = `default-src 'none'; script-src ${sha(app)} 'wasm-unsafe-eval'; style-src ${sha(css)}; img-src data: blob:; worker-src blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;

let html = readFileSync(join(www, 'index.html'), 'utf8');
const replaceOnce = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html no longer contains: ${from}`);
  html = html.replace(from, () => to);
};
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
replaceOnce('<link rel="icon" href="favicon.svg" type="image/svg+xml">', `<link rel="icon" href="${favicon}" type="image/svg+xml">`);
replaceOnce('<link rel="stylesheet" href="app.css">', `<style>${css}</style>`);
replaceOnce('<script type="module" src="app.js"></script>', '');
// Its modules are inlined: no module to load or preload (from file:// the links would only fail),
// nor the comments that explain those links.
html = html.replace(/\s*<!--[^>]*-->\s*(?=<(link rel="(modulepreload|preload)"|script type="module"))/g, '\n')
  .replace(/\s*<link rel="(modulepreload|preload)" href="[^"]*"[^>]*>/g, '')
  .replace(/\s*<script type="module" async src="[^"]*"><\/script>/g, '');
if (/<\/script/i.test(workerSource)) throw new Error('the worker source contains </script');
replaceOnce('</body>', `<script type="text/plain" id="aa-worker">${workerSource}</script>
<script type="application/octet-stream" id="aa-wasm">${wasmBase64}</script>
<script type="application/json" id="aa-samples">${json(samples)}</script>
<script type="module">${app}</script>
</body>`);
mkdirSync(dirname(dist), { recursive: true });
writeFileSync(dist, html);
const size = statSync(dist).size;
say(`${relative(root, dist)}: ${size} bytes (wasm ${readFileSync(bgWasm).length} bytes, base64-inlined)`);
