/**
 * `burnlink get INBOX_LINK`: the requester's side of a request. Looks at the inbox
 * (which changes nothing), then reveals the answer — the server destroys it — and opens
 * it here with the inbox key, the only key that can.
 */
import { ApiClient, type Inbox } from '../web/src/lib/api.js';
import { formatDateTime } from '../web/src/lib/display.js';
import { EnvelopeError, type Secret } from '../web/src/lib/envelope.js';
import { deriveInboxKeys, openInboxNote } from '../web/src/lib/request.js';
import { openSealed } from '../web/src/lib/sealed.js';
import type { CliEnv } from './env.js';
import { fromApi, GONE_MESSAGE, notAnswered, refused } from './errors.js';
import type { KeyedLink } from './links.js';
import { showNote } from './note.js';

/** The known limit of requests (docs/SECURITY.md): whoever intercepted the request link could answer first. */
export const FORGED_ANSWER_NOTE =
  'Whoever had the request link could have answered it: when it matters, check the answer with the person another way.';

/** Reveals the answer an inbox link is waiting for; an unanswered or gone inbox refuses. */
export async function revealAnswer(env: CliEnv, link: KeyedLink): Promise<Secret> {
  const api = new ApiClient(link.origin);
  const keys = await deriveInboxKeys(link.key);
  let inbox: Inbox;
  try {
    inbox = await api.inbox(link.id, keys.proof);
  } catch (error) {
    throw fromApi(error, { origin: link.origin });
  }
  if (inbox.state === 'open') throw notAnswered(inbox.expiresAt);
  if (inbox.state === 'read' && typeof inbox.readAt === 'number' && Number.isSafeInteger(inbox.readAt)) {
    // Worth knowing: if it was not the requester, someone else holds the inbox link.
    env.stderr.write(
      `The answer was revealed on ${formatDateTime(inbox.readAt)}. If that was not you, someone else has your inbox link.\n`,
    );
  }
  // Read or expired: the same one answer as for a secret that is gone.
  if (inbox.state !== 'answered') throw refused(GONE_MESSAGE);
  const note = inbox.envelope && (await openInboxNote(inbox.envelope, keys));
  if (note) showNote(env, 'In answer to your request:', note);

  let envelope: Uint8Array;
  try {
    envelope = await api.revealAnswer(link.id, keys.proof);
  } catch (error) {
    // The server's word on the reveal is final, whatever the inbox said a moment before.
    throw fromApi(error, { origin: link.origin, openUntil: inbox.expiresAt });
  }
  try {
    return await openSealed(envelope, keys);
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    throw refused(
      'The answer was fetched, which destroyed it, but it could not be decrypted: ' +
        'the link is damaged or the stored answer was changed.',
    );
  }
}
