// Keeps the editor's text across reloads, in this browser only (IndexedDB; localStorage when
// IndexedDB is unavailable). Nothing is ever sent anywhere. Also used by the worker, which saves
// long texts itself (see worker-core.js).

const DB = 'article-analyzer';
const STORE = 'kv';
const KEY = 'text';
let dbPromise = null;

function open() {
  dbPromise ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return dbPromise;
}

async function idb(mode, run) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = run(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** The saved text, or '' when there is none. */
export async function loadText() {
  try {
    return (await idb('readonly', (store) => store.get(KEY))) ?? '';
  } catch {
    try { return localStorage.getItem('aa.text') ?? ''; } catch { return ''; }
  }
}

/** Saves the text; resolves to false when this browser refuses to store it. */
export async function saveText(text) {
  try {
    await idb('readwrite', (store) => store.put(text, KEY));
    return true;
  } catch {
    try { localStorage.setItem('aa.text', text); return true; } catch { return false; }
  }
}
