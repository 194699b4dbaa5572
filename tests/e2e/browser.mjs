// Shared set-up for the page tests: Debian's Chromium through playwright-core, pages served on
// 127.0.0.1, screenshots saved under tests/e2e/screenshots/.
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { serve, pageRoot as shippedRoot } from '../../scripts/serve.mjs';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const screenshots = join(root, 'tests/e2e/screenshots');
/** The page as shipped (`make build`: www/ with minified JavaScript), or www/ before a build. */
export const pageRoot = shippedRoot();

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Starts the static server on a free port and Chromium with a fresh profile. */
export async function openBrowser({ serveRoot = pageRoot } = {}) {
  const server = await serve({ root: serveRoot, port: 0 });
  const profile = await mkdtemp(join(tmpdir(), 'aa-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  await mkdir(screenshots, { recursive: true });
  return {
    url: server.url,
    context,
    profile,
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and page errors so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

/** The native CLI's report for a file: the reference the page must agree with. */
export function nativeReport(file, options = {}) {
  const out = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'article-analyzer', '--',
    'analyze', file, '--options', JSON.stringify(options)], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out);
}
