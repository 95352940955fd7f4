/**
 * The link formats: `ORIGIN/s/ID#1.KEY` for the recipient, `ORIGIN/r/ID#TOKEN` for the
 * sender's receipt. Secrets live only in the fragment, which browsers never send.
 */
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import { FORMAT_VERSION, LINK_KEY_BYTES } from './envelope.js';

const ID = /^[A-Za-z0-9_-]{21,64}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type LinkErrorCode = 'bad_id' | 'missing_key' | 'bad_key' | 'unsupported_version';

/** The link is incomplete or damaged; nothing has been sent to the server. */
export class LinkError extends Error {
  constructor(
    readonly code: LinkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LinkError';
  }
}

/** The link a recipient opens. */
export function secretLink(origin: string, id: string, linkKey: Uint8Array): string {
  return `${origin}/s/${id}#${FORMAT_VERSION}.${encodeBase64Url(linkKey)}`;
}

/** The sender's private receipt link. */
export function receiptLink(origin: string, id: string, manageToken: string): string {
  return `${origin}/r/${id}#${manageToken}`;
}

/** Reads the id and link key from a secret page's path and fragment. */
export function parseSecretLocation(pathname: string, hash: string): { id: string; linkKey: Uint8Array } {
  const id = idFrom(pathname, 's');
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment === '') throw new LinkError('missing_key', 'The link has no key: it was cut off before the “#”.');
  const dot = fragment.indexOf('.');
  const version = dot < 0 ? '' : fragment.slice(0, dot);
  if (!/^[0-9]{1,3}$/.test(version)) throw new LinkError('bad_key', 'The key in the link is damaged.');
  if (Number(version) !== FORMAT_VERSION) {
    throw new LinkError('unsupported_version', `This link uses format ${version}, which this page does not know.`);
  }
  try {
    return { id, linkKey: decodeBase64Url(fragment.slice(dot + 1), LINK_KEY_BYTES) };
  } catch {
    throw new LinkError('bad_key', 'The key in the link is damaged or incomplete.');
  }
}

/** Reads the id and manage token from a receipt page's path and fragment. */
export function parseReceiptLocation(pathname: string, hash: string): { id: string; manageToken: string } {
  const id = idFrom(pathname, 'r');
  const token = hash.startsWith('#') ? hash.slice(1) : hash;
  if (token === '') throw new LinkError('missing_key', 'The receipt link has no token: it was cut off before the “#”.');
  if (!TOKEN.test(token)) throw new LinkError('bad_key', 'The token in the receipt link is damaged.');
  return { id, manageToken: token };
}

/** Parses a whole secret link, as the CLI receives it. */
export function parseSecretLink(link: string): { origin: string; id: string; linkKey: Uint8Array } {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new LinkError('bad_id', 'That is not a link.');
  }
  return { origin: url.origin, ...parseSecretLocation(url.pathname, url.hash) };
}

function idFrom(pathname: string, kind: 's' | 'r'): string {
  const parts = pathname.split('/');
  const id = parts[2] ?? '';
  if (parts[1] !== kind || parts.length > 4 || (parts.length === 4 && parts[3] !== '') || !ID.test(id)) {
    throw new LinkError('bad_id', 'The link is damaged: its id is missing or malformed.');
  }
  return id;
}
