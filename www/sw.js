// The service worker: makes the served page work offline. It pre-caches the app shell and the
// wasm on install, then answers same-origin GETs network-first (so a new build is picked up as
// soon as the server is reachable) and falls back to the cache when offline. Bump VERSION when
// the list of files changes; old caches are deleted on activation. No request ever leaves the
// page's origin.
const VERSION = 'v2';
const CACHE = `article-analyzer-${VERSION}`;
const SHELL = [
  './', 'index.html', 'app.css', 'app.js', 'favicon.svg',
  'lib/dom.js', 'lib/i18n.js', 'lib/files.js', 'lib/share.js', 'lib/article.js', 'lib/charts.js',
  'analyzer/client.js', 'analyzer/page-client.js', 'analyzer/worker.js', 'analyzer/worker-core.js', 'analyzer/store.js',
  'pkg/article_analyzer.js', 'pkg/article_analyzer_bg.wasm',
  'samples/ar-amazon-protest.txt', 'samples/en-harbour-bridge.txt', 'samples/en-launch-social.txt', 'samples/mixed-ar-en-markets.txt',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('article-analyzer-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) cache.put(request, response.clone());
      return response;
    } catch (error) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      if (request.mode === 'navigate') return (await cache.match('index.html')) ?? Response.error();
      throw error;
    }
  })());
});
