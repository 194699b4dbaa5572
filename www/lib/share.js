// Share links carry the text itself in the URL fragment (never sent to any server): UTF-8,
// deflate-raw (CompressionStream), then base64url, as #text=…. Fragments above LIMIT characters
// are refused with a message: long URLs break in chat apps and mail clients.

export const LIMIT = 32 * 1024;
const PREFIX = '#text=';

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

function toBase64url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The fragment for a text: { fragment } when it fits, { tooLong: size } otherwise. */
export async function encodeFragment(text) {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  const fragment = PREFIX + toBase64url(packed);
  return fragment.length > LIMIT ? { tooLong: fragment.length } : { fragment };
}

/** True when a URL fragment is a share link. */
export function isShareFragment(hash) {
  return hash.startsWith(PREFIX);
}

/** The text of a share fragment; throws when it is damaged. */
export async function decodeFragment(hash) {
  const bytes = await pipe(fromBase64url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
