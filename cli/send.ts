/** `burnlink send`: seals a secret here, stores only the ciphertext, prints the link. */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ApiClient, type Created } from '../web/src/lib/api.js';
import {
  deriveKeys,
  EnvelopeError,
  newLinkKey,
  PassphraseError,
  proofHash,
  seal,
  type SecretFile,
  type SecretKeys,
} from '../web/src/lib/envelope.js';
import { parseReceiptLocation, parseSecretLink, receiptLink, secretLink } from '../web/src/lib/link.js';
import { count, formatDateTime, formatFromNow } from '../web/src/lib/format.js';
import { parseDuration } from './duration.js';
import { DEFAULT_SERVER, SERVER_VARIABLE, type CliEnv } from './env.js';
import { EXIT_OK, fromApi, refused, usageError } from './errors.js';
import { decodeUtf8, readAll } from './io.js';
import { readPassphrase } from './passphrase.js';
import { escapeLine } from './terminal.js';
import { parseCommandArgs, SEND_HELP } from './usage.js';

const DEFAULT_EXPIRES_IN = 86_400;
/** The largest envelope any server may be configured to accept (MAX_SECRET_BYTES). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const ATTACHMENT_TYPE = 'application/octet-stream';

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
  const origin = serverOrigin(values.server ?? env.env[SERVER_VARIABLE] ?? DEFAULT_SERVER);
  const expiresIn = values.expires === undefined ? DEFAULT_EXPIRES_IN : parseDuration(values.expires);
  if (expiresIn === undefined) {
    throw usageError('--expires takes a duration such as 300 (seconds), 5m, 1h, 1d or 7d.');
  }
  const views = parseViews(values.views ?? '1');
  const stdinText =
    positionals.length === 0 ? values.text === undefined : positionals.length === 1 && positionals[0] === '-';
  if (positionals.includes('-') && (positionals.length > 1 || values.text !== undefined)) {
    throw usageError('"-" reads the text from stdin: it cannot be combined with files or --text.');
  }

  const files = stdinText ? [] : await Promise.all(positionals.map((path) => readAttachment(env.cwd, path)));
  // Asked before stdin is read, so a terminal can take the passphrase and then the text.
  const passphrase = values.passphrase
    ? await readPassphrase(env, { confirm: true, why: '--passphrase needs a passphrase.' })
    : undefined;
  const text = stdinText ? await readText(env) : (values.text ?? '');
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
  const api = new ApiClient(origin);
  let created: Created;
  try {
    created = await api.create({
      envelope,
      accessHash: await proofHash(keys.access),
      ...(keys.unlock && { unlockHash: await proofHash(keys.unlock) }),
      expiresIn,
      views,
    });
  } catch (error) {
    throw fromApi(error, origin);
  }

  const links = checkedLinks(origin, created, linkKey);
  env.stdout.write(`${links.secret}\n`);
  const expires = Number.isSafeInteger(created.expiresAt)
    ? `Expires ${formatDateTime(created.expiresAt)} (${formatFromNow(created.expiresAt)}); `
    : '';
  env.stderr.write(
    `Receipt (keep it to yourself: it shows whether the secret was viewed, and can burn it):\n` +
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

/** The origin of the server URL; links always live at its root. */
function serverOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`The server "${escapeLine(text)}" is not a URL such as https://burnlink.example.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`The server URL must start with https:// (or http://), not ${escapeLine(url.protocol)}.`);
  }
  if (url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw usageError(`The server must be given as an origin only, such as ${url.protocol}//${url.host}.`);
  }
  return url.origin;
}

function parseViews(text: string): number {
  const views = /^[0-9]{1,6}$/.test(text) ? Number(text) : 0;
  if (views < 1) throw usageError('--views takes a whole number from 1.');
  return views;
}

/** A file to attach: its bytes, sent under its base name only. */
async function readAttachment(cwd: string, path: string): Promise<SecretFile> {
  const shown = escapeLine(path);
  try {
    const info = await stat(resolve(cwd, path));
    if (info.isDirectory()) throw refused(`${shown} is a directory: send its files, or an archive of it.`);
    if (info.size > MAX_FILE_BYTES) throw refused(`${shown} is too large to send (over 64 MiB).`);
    return { name: basename(path), type: ATTACHMENT_TYPE, bytes: await readFile(resolve(cwd, path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refused(`${shown}: no such file.`);
    if (code !== undefined) throw refused(`Cannot read ${shown} (${code}).`);
    throw error;
  }
}

async function readText(env: CliEnv): Promise<string> {
  if (env.isTTY.stdin) env.stderr.write('Type or paste the secret, then press Ctrl-D on an empty line:\n');
  const bytes = await readAll(env.stdin);
  return decodeUtf8(bytes, () =>
    refused('The input is not valid UTF-8 text. To send binary data, give it as a FILE: burnlink send FILE.'),
  );
}

async function deriveSenderKeys(linkKey: Uint8Array, passphrase: string | undefined): Promise<SecretKeys> {
  try {
    return await deriveKeys(linkKey, passphrase);
  } catch (error) {
    if (error instanceof PassphraseError) throw refused(`${error.message} Choose another passphrase.`);
    throw error;
  }
}
