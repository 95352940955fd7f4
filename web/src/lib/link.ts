/**
 * The link formats (docs/FORMAT.md §1). Keys live only in the fragment, which browsers
 * never send:
 *
 *   ORIGIN/s/ID#2.KEY    a secret, for its recipient (`#1.` for one made before format 2)
 *   ORIGIN/r/ID#TOKEN    the sender's receipt (status page)
 *   ORIGIN/r/ID#TOKEN.LABEL   …with the sender's private label, base64url of its UTF-8
 *   ORIGIN/q/ID#1.KEY    a request for a secret, for the responder
 *   ORIGIN/i/ID#1.KEY    the requester's private inbox
 */
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
// Not request.ts's own sizes: importing it would bring the request code into every page.
// Every v1 link's key is 32 bytes (test/web/link.test.ts checks the three agree).
import { LINK_KEY_BYTES as KEY_BYTES, SECRET_FORMAT_VERSIONS } from './envelope-types.js';

const ID = /^[A-Za-z0-9_-]{21,64}$/;
/** A manage token: 32 bytes in canonical base64url, as the server checks it (the last character carries 2 zero bits). */
const TOKEN = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
/** One spelling per version: decimal without leading zeros ("1", never "01"). */
const VERSION = /^[1-9][0-9]{0,2}$/;

/** What a keyed link opens, by its path's first segment. */
export type LinkKind = 's' | 'q' | 'i';

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

const KINDS: readonly string[] = ['s', 'q', 'i'] satisfies LinkKind[];

/** The format versions each kind of link may name, the one new links get first. */
const FORMATS: Record<LinkKind, readonly number[]> = {
  s: SECRET_FORMAT_VERSIONS,
  // Requests and inboxes are still at their first format (docs/FORMAT.md §7).
  q: [1],
  i: [1],
};

/** The link a recipient opens. */
export function secretLink(origin: string, id: string, linkKey: Uint8Array): string {
  return keyedLink(origin, 's', id, linkKey);
}

/** The link a requester sends to the person who should answer. */
export function requestLink(origin: string, id: string, requestKey: Uint8Array): string {
  return keyedLink(origin, 'q', id, requestKey);
}

/** The requester's private inbox link. */
export function inboxLink(origin: string, id: string, inboxKey: Uint8Array): string {
  return keyedLink(origin, 'i', id, inboxKey);
}

/** The longest private label, in code points: a note to oneself, not a message. */
export const MAX_LABEL_CHARS = 80;

/**
 * The sender's private receipt link. The optional label ("DB password for Anna") rides in
 * the fragment after the token, so it stays with the sender and never reaches the server.
 */
export function receiptLink(origin: string, id: string, manageToken: string, label = ''): string {
  const trimmed = label.trim();
  if ([...trimmed].length > MAX_LABEL_CHARS) throw new RangeError(`A label has at most ${MAX_LABEL_CHARS} characters.`);
  const suffix = trimmed === '' ? '' : `.${encodeBase64Url(new TextEncoder().encode(trimmed))}`;
  return `${origin}/r/${id}#${manageToken}${suffix}`;
}

/** Reads the id and key from the path and fragment of a page of this kind. */
export function parseKeyedLocation(kind: LinkKind, pathname: string, hash: string): { id: string; key: Uint8Array } {
  const id = idFrom(pathname, kind);
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment === '') throw new LinkError('missing_key', 'The link has no key: it was cut off before the “#”.');
  const dot = fragment.indexOf('.');
  const version = dot < 0 ? '' : fragment.slice(0, dot);
  if (!VERSION.test(version)) throw new LinkError('bad_key', 'The key in the link is damaged.');
  if (!FORMATS[kind].includes(Number(version))) {
    throw new LinkError('unsupported_version', `This link uses format ${version}, which this page does not know.`);
  }
  try {
    return { id, key: decodeBase64Url(fragment.slice(dot + 1), KEY_BYTES) };
  } catch {
    throw new LinkError('bad_key', 'The key in the link is damaged or incomplete.');
  }
}

/** Reads the id and link key from a secret page's path and fragment. */
export function parseSecretLocation(pathname: string, hash: string): { id: string; linkKey: Uint8Array } {
  const { id, key } = parseKeyedLocation('s', pathname, hash);
  return { id, linkKey: key };
}

/** Reads the id, manage token and private label ('' when none) from a receipt page's path and fragment. */
export function parseReceiptLocation(
  pathname: string,
  hash: string,
): { id: string; manageToken: string; label: string } {
  const id = idFrom(pathname, 'r');
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment === '')
    throw new LinkError('missing_key', 'The receipt link has no token: it was cut off before the “#”.');
  const dot = fragment.indexOf('.');
  const token = dot < 0 ? fragment : fragment.slice(0, dot);
  if (!TOKEN.test(token)) throw new LinkError('bad_key', 'The token in the receipt link is damaged.');
  return { id, manageToken: token, label: dot < 0 ? '' : labelFrom(fragment.slice(dot + 1)) };
}

/** A damaged label costs the sender only their note, never the receipt: it reads as none. */
function labelFrom(encoded: string): string {
  try {
    const label = new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64Url(encoded)).trim();
    return [...label].length <= MAX_LABEL_CHARS ? label : '';
  } catch {
    return '';
  }
}

/** Parses a whole keyed link, as the CLI receives it: its kind from its path. */
export function parseLink(link: string): { origin: string; kind: LinkKind; id: string; key: Uint8Array } {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new LinkError('bad_id', 'That is not a link.');
  }
  const kind = url.pathname.split('/')[1] ?? '';
  if (!KINDS.includes(kind)) {
    throw new LinkError('bad_id', 'That is not a burnlink secret, request or inbox link.');
  }
  return {
    origin: url.origin,
    kind: kind as LinkKind,
    ...parseKeyedLocation(kind as LinkKind, url.pathname, url.hash),
  };
}

/** Parses a whole secret link, as the CLI receives it. */
export function parseSecretLink(link: string): { origin: string; id: string; linkKey: Uint8Array } {
  const { origin, kind, id, key } = parseLink(link);
  if (kind !== 's') throw new LinkError('bad_id', 'That is not a secret link.');
  return { origin, id, linkKey: key };
}

function keyedLink(origin: string, kind: LinkKind, id: string, key: Uint8Array): string {
  return `${origin}/${kind}/${id}#${FORMATS[kind][0]}.${encodeBase64Url(key)}`;
}

function idFrom(pathname: string, kind: LinkKind | 'r'): string {
  const parts = pathname.split('/');
  const id = parts[2] ?? '';
  if (parts[1] !== kind || parts.length > 4 || (parts.length === 4 && parts[3] !== '') || !ID.test(id)) {
    throw new LinkError('bad_id', 'The link is damaged: its id is missing or malformed.');
  }
  return id;
}
