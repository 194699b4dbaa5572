// Shared by the widget tests: hooks installed before any page script runs, and waits.

/**
 * Before the page's own scripts: records `analyzed` events, CSP violations, and a `window.xss()`
 * hook that hostile payloads would call if they ever ran.
 */
export async function installHooks(page) {
  await page.addInitScript(() => {
    window.__xss = 0;
    window.xss = () => { window.__xss += 1; };
    window.__analyzed = [];
    window.__csp = [];
    document.addEventListener('analyzed', (e) => {
      window.__analyzed.push({ id: e.target.id || e.target.getAttribute('for') || e.target.localName, words: e.detail.statistics.words });
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

/** Waits until `count` widgets matching `selector` have finished an analysis. */
export async function widgetsDone(page, selector, count, timeout = 20000) {
  await page.waitForFunction(([sel, n]) => {
    const all = [...document.querySelectorAll(sel)];
    return all.length === n && all.every((w) => w.dataset.state === 'done' && w.result);
  }, [selector, count], { timeout });
}

/** The text of a widget's shadow root, and the tags of every element in it. */
export async function shadowOf(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return {
      text: root.textContent,
      tags: [...new Set([...root.querySelectorAll('*')].map((e) => e.localName))].sort(),
      attributes: [...new Set([...root.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()))].sort(),
      stats: Object.fromEntries([...root.querySelectorAll('[data-stat]')].map((e) => [e.dataset.stat, e.querySelector('dd').textContent])),
    };
  }, selector);
}

/** Tags a safe rendering may contain; anything else (img, script, a, iframe, svg…) is a failure. */
export const SAFE_TAGS = new Set(['bdi', 'dd', 'div', 'dl', 'dt', 'h3', 'header', 'li', 'mark', 'ol', 'p', 'pre', 'section', 'span', 'ul']);
export const SAFE_ATTRIBUTES = new Set(['aria-hidden', 'aria-live', 'class', 'data-kind', 'data-stat', 'data-state', 'data-view', 'dir', 'lang', 'part', 'role', 'style', 'tabindex']);
