/** A link given to `get` or `answer`: parsed by the shared library before any request. */
import { LinkError, parseLink, type LinkKind } from '../web/src/lib/link.js';
import { usageError } from './errors.js';

export interface KeyedLink {
  origin: string;
  kind: LinkKind;
  id: string;
  key: Uint8Array;
}

/** The link's parts, its kind from its path; a damaged link is a usage error and nothing is sent. */
export function linkArgument(text: string): KeyedLink {
  let link: KeyedLink;
  try {
    link = parseLink(text.trim());
  } catch (error) {
    if (error instanceof LinkError) throw usageError(`${error.message} Nothing was sent.`);
    throw error;
  }
  if (!/^https?:\/\//.test(link.origin)) throw usageError('A burnlink link starts with https:// (or http://).');
  return link;
}
