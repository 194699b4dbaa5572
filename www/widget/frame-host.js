// For hosts of the iframe embed: sends an element's text to embed-frame.html and sizes the
// frame to its content, with no inline script (a strict CSP is fine).
//
//   <iframe src="https://example.org/article-analyzer/embed-frame.html#ui-lang=en"
//           data-article-analyzer-for="story" title="Article analysis"></iframe>
//   <script type="module" src="https://example.org/article-analyzer/widget/frame-host.js"></script>
//
// Every iframe with data-article-analyzer-for="ID" is connected at load; `connectFrame(iframe,
// element)` does one by hand. The text is re-sent when the element changes.
import { readText } from './host-text.js';

/** Feeds `target`'s text to the embed in `frame`; returns a function that disconnects it. */
export function connectFrame(frame, target) {
  const origin = new URL(frame.src, location.href).origin;
  let timer = 0;
  const send = () => frame.contentWindow?.postMessage({ type: 'article-analyzer:text', text: readText(target).text }, origin);
  const onMessage = (event) => {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    const data = event.data;
    if (data?.type === 'article-analyzer:ready') send();
    else if (data?.type === 'article-analyzer:resize' && Number.isFinite(data.height)) frame.style.height = `${Math.max(0, data.height)}px`;
    else if (data?.type === 'article-analyzer:analyzed') {
      frame.dispatchEvent(new CustomEvent('analyzed', { detail: { statistics: data.statistics }, bubbles: true }));
    }
  };
  window.addEventListener('message', onMessage);
  // `ready` may come before this listener existed; the frame's load event always comes after it.
  frame.addEventListener('load', send);
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(send, 150); });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  return () => { window.removeEventListener('message', onMessage); frame.removeEventListener('load', send); observer.disconnect(); clearTimeout(timer); };
}

function connectAll() {
  for (const frame of document.querySelectorAll('iframe[data-article-analyzer-for]')) {
    if (frame.dataset.articleAnalyzerConnected) continue;
    const target = document.getElementById(frame.dataset.articleAnalyzerFor);
    if (!target) continue;
    frame.dataset.articleAnalyzerConnected = 'true';
    connectFrame(frame, target);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', connectAll, { once: true });
else connectAll();
