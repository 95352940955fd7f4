/**
 * `burnlink answer`: answers a request for a secret, once. Reads the request (which
 * changes nothing), shows its note, then seals the answer here to the requester's
 * public key — taken only from inside the request envelope, authenticated by the
 * request link's key, so the server cannot swap it — and sends it.
 */
import { ApiClient, type Limits, type RequestStatus } from '../web/src/lib/api.js';
import { formatDateTime, formatFromNow } from '../web/src/lib/display.js';
import { EnvelopeError, type Secret } from '../web/src/lib/envelope.js';
import { deriveRequestKeys, openRequest, type RequestContent, type RequestKeys } from '../web/src/lib/request.js';
import { sealedEnvelopeSize, sealTo } from '../web/src/lib/sealed.js';
import { checkEnvelopeSize, contentSource, readAttachments, readStdinText } from './content.js';
import type { CliEnv } from './env.js';
import { alreadyAnswered, EXIT_OK, fromApi, refused, usageError } from './errors.js';
import { linkArgument, type KeyedLink } from './links.js';
import { showNote } from './note.js';
import { ANSWER_HELP, parseCommandArgs } from './usage.js';

const OPTIONS = {
  text: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const REQUEST_GONE_MESSAGE = 'This request has expired or does not exist; nothing was sent.';
const WHO_READS = 'Only the person who sent you this link can read what you send.';

/** Runs `burnlink answer` with the arguments after the command name. */
export async function answer(env: CliEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(env.argv, OPTIONS, 'answer');
  if (values.help) {
    env.stdout.write(ANSWER_HELP);
    return EXIT_OK;
  }
  const [linkText, ...inputs] = positionals;
  if (linkText === undefined) {
    throw usageError('answer takes the REQUEST_LINK first.\nRun "burnlink answer --help" for usage.');
  }
  if (linkText === '-') {
    throw usageError(
      'Give the request link as an argument: stdin carries the answer, never the link.\n' +
        'Run "burnlink answer --help" for usage.',
    );
  }
  const link = requestLinkArgument(linkText);
  const source = contentSource(inputs, values.text);
  const files = await readAttachments(env.cwd, source.paths);

  const api = new ApiClient(link.origin);
  const keys = await deriveRequestKeys(link.key);
  const [limits, status] = await Promise.all([
    api.limits().catch((): Limits | undefined => undefined),
    api.requestStatus(link.id, keys.access).catch((error: unknown) => {
      throw fromApi(error, { origin: link.origin, gone: REQUEST_GONE_MESSAGE });
    }),
  ]);
  const request = await openedRequest(status, keys);
  if (request.note === '') env.stderr.write('The request has no note.\n');
  else showNote(env, 'The request says:', request.note);
  env.stderr.write(`${WHO_READS}\n`);
  // ALLOW_FILES=false is the clients' to keep: the server cannot see files in an envelope.
  if (files.length > 0 && limits?.files === false) {
    throw refused(`${link.origin} does not take files: answer with text only. Nothing was sent.`);
  }
  // Files alone can already be too large: refuse before someone types the text.
  checkEnvelopeSize({ text: '', files }, limits, sealedEnvelopeSize);

  const secret: Secret = { text: source.stdinText ? await readStdinText(env, 'answer') : (values.text ?? ''), files };
  if (secret.text === '' && files.length === 0) throw refused('There is nothing to send: the answer is empty.');
  checkEnvelopeSize(secret, limits, sealedEnvelopeSize);
  let envelope: Uint8Array;
  try {
    envelope = await sealTo(request.publicKey, secret);
  } catch (error) {
    if (error instanceof EnvelopeError) throw refused(`The answer cannot be sealed: ${error.message}.`);
    throw error;
  }
  let stored: { expiresAt: number };
  try {
    stored = await api.answer(link.id, keys.access, envelope);
  } catch (error) {
    throw fromApi(error, { origin: link.origin, gone: REQUEST_GONE_MESSAGE });
  }
  const until = Number.isSafeInteger(stored.expiresAt)
    ? `; unread, it will be destroyed on ${formatDateTime(stored.expiresAt)} (${formatFromNow(stored.expiresAt)})`
    : '';
  env.stderr.write(`Sent. The person who asked can read it once${until}.\n`);
  return EXIT_OK;
}

/** A request link; a secret or inbox link is a usage error that says what it is for. */
function requestLinkArgument(text: string): KeyedLink {
  const link = linkArgument(text);
  if (link.kind === 's') {
    throw usageError('That is a secret link: open it with "burnlink get". Nothing was sent.');
  }
  if (link.kind === 'i') {
    throw usageError(
      'That is an inbox link: it reads the answer ("burnlink get"). To answer, use the request link (/q/). ' +
        'Nothing was sent.',
    );
  }
  return link;
}

/** The request's note and public key, from inside the envelope the request link's key authenticates. */
async function openedRequest(status: RequestStatus, keys: RequestKeys): Promise<RequestContent> {
  if (status.state === 'answered' || !status.envelope) throw alreadyAnswered();
  try {
    return await openRequest(status.envelope, keys);
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    throw refused(
      'The request could not be decrypted: the link is damaged or the stored request was changed. ' +
        'Nothing was sent.',
    );
  }
}
