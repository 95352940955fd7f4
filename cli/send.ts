/** `burnlink send`: seals a secret here, stores only the ciphertext, prints the link. */
import type { ApiClient, Created } from '../web/src/lib/api.js';
import { count, formatDateTime, formatFromNow } from '../web/src/lib/display.js';
import {
  deriveKeys,
  EnvelopeError,
  newLinkKey,
  PassphraseError,
  proofHash,
  seal,
  type SecretKeys,
} from '../web/src/lib/envelope.js';
import { parseReceiptLocation, parseSecretLink, receiptLink, secretLink } from '../web/src/lib/link.js';
import { contentSource, readAttachments, readStdinText } from './content.js';
import { expiresOption } from './duration.js';
import type { CliEnv } from './env.js';
import { EXIT_OK, fromApi, refused, usageError } from './errors.js';
import { readPassphrase } from './passphrase.js';
import { creatingClient, serverOrigin } from './server.js';
import { parseCommandArgs, SEND_HELP } from './usage.js';

const OPTIONS = {
  server: { type: 'string' },
  expires: { type: 'string' },
  views: { type: 'string' },
  text: { type: 'string' },
  passphrase: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `burnlink send` with the arguments after the command name. */
export async function send(env: CliEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(env.argv, OPTIONS, 'send');
  if (values.help) {
    env.stdout.write(SEND_HELP);
    return EXIT_OK;
  }
  const origin = serverOrigin(env, values.server);
  const api = creatingClient(env, origin);
  // Left out, the server's default expiry (GET /api/limits), as the page starts with.
  const expiresIn = values.expires === undefined ? undefined : expiresOption(values.expires);
  const views = parseViews(values.views ?? '1');
  const source = contentSource(positionals, values.text);

  const files = await readAttachments(env.cwd, source.paths);
  if (files.length > 0) await refuseFilesIfOff(api, origin);
  // Asked before stdin is read, so a terminal can take the passphrase and then the text.
  const passphrase = values.passphrase
    ? await readPassphrase(env, { confirm: true, why: '--passphrase needs a passphrase.' })
    : undefined;
  const text = source.stdinText ? await readStdinText(env, 'secret') : (values.text ?? '');
  if (text === '' && files.length === 0) throw refused('There is nothing to send: the text is empty.');

  const linkKey = newLinkKey();
  const keys = await deriveSenderKeys(linkKey, passphrase);
  let envelope: Uint8Array;
  try {
    envelope = await seal({ text, files }, keys);
  } catch (error) {
    if (error instanceof EnvelopeError) throw refused(`The secret cannot be sealed: ${error.message}.`);
    throw error;
  }
  let created: Created;
  try {
    created = await api.create({
      envelope,
      accessHash: await proofHash(keys.access),
      ...(keys.unlock && { unlockHash: await proofHash(keys.unlock) }),
      ...(expiresIn !== undefined && { expiresIn }),
      views,
    });
  } catch (error) {
    throw fromApi(error, { origin });
  }

  const links = checkedLinks(origin, created, linkKey);
  env.stdout.write(`${links.secret}\n`);
  const expires = Number.isSafeInteger(created.expiresAt)
    ? `Expires ${formatDateTime(created.expiresAt)} (${formatFromNow(created.expiresAt)}); `
    : '';
  env.stderr.write(
    `Status link (keep it to yourself: it shows whether the secret was viewed, and can burn it):\n` +
      `  ${links.receipt}\n` +
      `${expires}can be opened ${count(views, 'time', 'times')}${keys.passphrase ? '; needs the passphrase' : ''}.\n`,
  );
  return EXIT_OK;
}

/**
 * The links, read back with the same parsers a recipient uses, so an id or token the
 * server made up can never put anything but a working link on stdout.
 */
function checkedLinks(origin: string, created: Created, linkKey: Uint8Array): { secret: string; receipt: string } {
  const secret = secretLink(origin, created.id, linkKey);
  const receipt = receiptLink(origin, created.id, created.manageToken);
  try {
    parseSecretLink(secret);
    const { pathname, hash } = new URL(receipt);
    parseReceiptLocation(pathname, hash);
  } catch {
    throw refused(`${origin} answered with a malformed id or token; the secret cannot be opened.`);
  }
  return { secret, receipt };
}

/**
 * ALLOW_FILES=false is the operator's word to clients (the server cannot see files inside
 * an envelope): asked only when files are attached, before anything is read or sealed.
 */
async function refuseFilesIfOff(api: ApiClient, origin: string): Promise<void> {
  let files: boolean | undefined;
  try {
    ({ files } = await api.limits());
  } catch (error) {
    throw fromApi(error, { origin });
  }
  // A server from before the switch says nothing, and takes files.
  if (files === false) throw refused(`${origin} does not take files: send text only. Nothing was sent.`);
}

function parseViews(text: string): number {
  const views = /^[0-9]{1,6}$/.test(text) ? Number(text) : 0;
  if (views < 1) throw usageError('--views takes a whole number from 1.');
  return views;
}

async function deriveSenderKeys(linkKey: Uint8Array, passphrase: string | undefined): Promise<SecretKeys> {
  try {
    return await deriveKeys(linkKey, passphrase);
  } catch (error) {
    if (error instanceof PassphraseError) throw refused(`${error.message} Choose another passphrase.`);
    throw error;
  }
}
