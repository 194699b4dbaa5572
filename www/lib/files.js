// Opening files: the bytes become text here, on the reader's machine; nothing is uploaded.
//
// Rules:
// - .html/.htm (or text/html): parsed with DOMParser into an inert document (scripts never run,
//   nothing is fetched); the article is <article>, else <main>, else <body>, without script,
//   style, nav, header, footer, aside, form and similar chrome. Only its text is kept — the HTML
//   never reaches the page as markup.
// - .docx: a Word document is a zip; its word/document.xml is inflated with the browser's own
//   DecompressionStream and its paragraphs' text read with DOMParser (no library needed).
// - Anything else is sniffed as text. Encodings, in order:
//     1. a byte-order mark: UTF-8, UTF-16LE, UTF-16BE;
//     2. UTF-16 without a BOM, when NUL bytes sit regularly at odd (LE) or even (BE) positions;
//     3. valid UTF-8 (a strict decoder that fails on any bad sequence);
//     4. otherwise a legacy single-byte Arabic encoding: the bytes are decoded as windows-1256 and
//        as ISO-8859-6, and the one whose non-ASCII letters are most often Arabic letters
//        (U+0621–U+064A) wins; ISO-8859-6 loses points for each undefined byte (U+FFFD).
//        When neither yields Arabic, windows-1252 (Western European) is used.
// - Binary: NUL bytes (outside UTF-16) or more than 2% control characters → rejected, with a
//   message; the caller keeps the editor's text.

/** A file the page refuses, with a message key for the reader. */
export class FileProblem extends Error {
  constructor(key, values = {}) {
    super(key);
    this.name = 'FileProblem';
    this.key = key;
    this.values = values;
  }
}

const HTML_EXT = /\.(html?|xhtml)$/i;
const DOCX_EXT = /\.docx$/i;
const NOT_TEXT_EXT = /\.(pdf|doc|odt|rtf|pages|png|jpe?g|gif|webp|avif|bmp|ico|zip|gz|7z|rar|xz|tar|exe|dll|so|wasm|mp3|mp4|m4a|wav|ogg|webm|mov|avi|xlsx?|pptx?|epub)$/i;

/** Reads a File into { text, encoding, kind }; throws FileProblem when it is not readable text. */
export async function readArticleFile(file) {
  const name = file.name || 'file';
  if (DOCX_EXT.test(name)) {
    const text = await readDocx(new Uint8Array(await file.arrayBuffer())).catch(() => {
      throw new FileProblem('fileDocx', { name });
    });
    if (!text.trim()) throw new FileProblem('fileEmpty', { name });
    return { text, encoding: 'Word document', kind: 'docx' };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const decoded = decodeText(bytes);
  if (!decoded) {
    if (NOT_TEXT_EXT.test(name)) throw new FileProblem('fileUnsupported', { name, type: name.split('.').pop().toUpperCase() });
    throw new FileProblem('fileBinary', { name });
  }
  let { text } = decoded;
  let kind = 'text';
  if (HTML_EXT.test(name) || /html/.test(file.type) || /^\s*<(!doctype html|html[\s>])/i.test(text.slice(0, 500))) {
    text = htmlToText(text);
    kind = 'html';
  }
  text = text.replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new FileProblem('fileEmpty', { name });
  return { text, encoding: decoded.encoding, kind };
}

/** Decodes bytes as text, detecting the encoding; null when the bytes are not text. */
export function decodeText(bytes) {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  }
  const sample = bytes.subarray(0, 65536);
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) (i % 2 ? nulOdd++ : nulEven++);
  }
  const half = sample.length / 2;
  if (half > 0 && nulOdd > half * 0.3 && nulEven < half * 0.05) {
    return checked(new TextDecoder('utf-16le').decode(bytes), 'UTF-16LE');
  }
  if (half > 0 && nulEven > half * 0.3 && nulOdd < half * 0.05) {
    return checked(new TextDecoder('utf-16be').decode(bytes), 'UTF-16BE');
  }
  if (nulEven + nulOdd > 0) return null;
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'UTF-8');
  } catch {
    // Not UTF-8: a legacy single-byte encoding.
  }
  const cp1256 = new TextDecoder('windows-1256').decode(bytes);
  const iso = new TextDecoder('iso-8859-6').decode(bytes);
  const a = arabicScore(cp1256);
  const b = arabicScore(iso);
  if (a.arabic === 0 && b.arabic === 0) return checked(new TextDecoder('windows-1252').decode(bytes), 'windows-1252');
  return a.score >= b.score ? checked(cp1256, 'windows-1256') : checked(iso, 'ISO-8859-6');
}

/** Share of non-ASCII letters that are Arabic letters, minus undefined bytes. */
export function arabicScore(text) {
  let arabic = 0;
  let other = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0x621 && c <= 0x64a) arabic++;
    else if (c === 0xfffd) bad++;
    else other++;
  }
  const total = arabic + other + bad;
  return { arabic, score: total ? (arabic - 2 * bad) / total : 0 };
}

/** Rejects decoded text that is mostly control characters (a binary file that happened to decode). */
function checked(text, encoding) {
  let controls = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) controls++;
  }
  if (n > 0 && controls / n > 0.02) return null;
  return { text, encoding };
}

const DROP = 'script, style, noscript, template, nav, header, footer, aside, form, iframe, object, embed, svg, canvas, button, select, input, textarea, dialog, [hidden], [aria-hidden="true"]';
const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL', 'TD', 'TH', 'BODY']);

/** The article's text out of an HTML document, one paragraph per block, never as markup. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const articles = [...doc.querySelectorAll('article')];
  let root = articles.sort((x, y) => y.textContent.length - x.textContent.length)[0]
    ?? doc.querySelector('main, [role="main"]') ?? doc.body;
  if (!root) return '';
  root = root.cloneNode(true);
  for (const el of root.querySelectorAll(DROP)) el.remove();
  const blocks = [];
  let line = '';
  const flush = () => {
    const clean = line.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (clean) blocks.push(clean);
    line = '';
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) line += child.data;
      else if (child.nodeType === 1) {
        if (child.tagName === 'BR') { flush(); continue; }
        const block = BLOCK.has(child.tagName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

/** The text of a .docx: its word/document.xml paragraphs. */
export async function readDocx(bytes) {
  const xml = await unzipEntry(bytes, 'word/document.xml');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.querySelector('parsererror')) throw new Error('bad document.xml');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const paragraphs = [];
  for (const p of doc.getElementsByTagNameNS(W, 'p')) {
    let text = '';
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType !== 1) continue;
        if (child.namespaceURI === W && child.localName === 't') text += child.textContent;
        else if (child.namespaceURI === W && child.localName === 'tab') text += '\t';
        else if (child.namespaceURI === W && (child.localName === 'br' || child.localName === 'cr')) text += '\n';
        else if (!(child.namespaceURI === W && child.localName === 'p')) walk(child);
      }
    };
    walk(p);
    if (text.trim()) paragraphs.push(text);
  }
  return paragraphs.join('\n\n');
}

/** One entry of a zip archive, inflated with DecompressionStream('deflate-raw'). */
async function unzipEntry(bytes, wanted) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad zip directory');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === wanted) {
      const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(dataAt, dataAt + size);
      if (method === 0) return new TextDecoder().decode(data);
      if (method !== 8) throw new Error('unsupported zip method');
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Response(stream).text();
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${wanted} not found`);
}
