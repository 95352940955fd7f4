/**
 * `burnlink get`: looks at a secret (burning nothing), asks for the passphrase if it
 * has one, reveals it (burning one view), prints the text and saves the files.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ApiClient } from '../web/src/lib/api.js';
import { count } from '../web/src/lib/display.js';
import {
  deriveKeys,
  EnvelopeError,
  open,
  PassphraseError,
  type Secret,
  type SecretFile,
  type SecretKeys,
} from '../web/src/lib/envelope.js';
import type { CliEnv } from './env.js';
import { EXIT_OK, EXIT_REFUSED, fromApi, refused, usageError } from './errors.js';
import { safeFileName } from '../web/src/lib/file-names.js';
import { saveFile } from './files.js';
import { FORGED_ANSWER_NOTE, revealAnswer } from './inbox.js';
import { decodeUtf8, readAll } from './io.js';
import { linkArgument } from './links.js';
import { readPassphrase } from './passphrase.js';
import { escapeLine, escapeText } from './terminal.js';
import { GET_HELP, parseCommandArgs } from './usage.js';

const OPTIONS = {
  out: { type: 'string' },
  force: { type: 'boolean' },
  passphrase: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Link {
  origin: string;
  id: string;
  linkKey: Uint8Array;
}

/** Runs `burnlink get` with the arguments after the command name. */
export async function get(env: CliEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(env.argv, OPTIONS, 'get');
  if (values.help) {
    env.stdout.write(GET_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw usageError('get takes exactly one LINK.\nRun "burnlink get --help" for usage.');
  const linkFromStdin = positionals[0] === '-';
  const { kind, origin, id, key } = linkArgument(linkFromStdin ? await readLink(env) : positionals[0]!);
  if (kind === 'q') {
    throw usageError(
      'That is a request link: it is for answering, with "burnlink answer LINK". Its answer is read with ' +
        'the inbox link (/i/). Nothing was sent.',
    );
  }
  // Checked before anything is burned: once revealed, files must have somewhere to go.
  const outDir = resolve(env.cwd, values.out ?? '.');
  const shownDir = values.out === undefined ? 'The current directory' : `--out ${escapeLine(values.out)}`;
  await checkWritableDirectory(outDir, shownDir);

  const { secret, viewsLeft } =
    kind === 'i'
      ? { secret: await revealAnswer(env, { kind, origin, id, key }), viewsLeft: undefined }
      : await reveal(
          env,
          { origin, id, linkKey: key },
          { expectPassphrase: values.passphrase === true, stdinUsed: linkFromStdin },
        );
  printText(env, secret.text);
  const saved = await saveFiles(env, outDir, secret.files, values.force === true);
  if (secret.text === '' && secret.files.length === 0) env.stderr.write('The secret is empty.\n');
  if (viewsLeft === undefined) {
    env.stderr.write(`That was its only reading: the answer is now destroyed. ${FORGED_ANSWER_NOTE}\n`);
  }
  // Numbers from the server are checked before they are shown: the link's sender chose it.
  else if (viewsLeft === 0) env.stderr.write('That was its last view: the secret is now destroyed.\n');
  else if (Number.isSafeInteger(viewsLeft) && viewsLeft > 0) {
    env.stderr.write(`The link can be opened ${count(viewsLeft, 'more time', 'more times')}.\n`);
  }
  return saved ? EXIT_OK : EXIT_REFUSED;
}

/**
 * Status first (burns nothing, shows nothing of the sender's), then the passphrase if
 * the secret has one, then the reveal that burns a view, then decryption here.
 */
async function reveal(
  env: CliEnv,
  link: Link,
  options: { expectPassphrase: boolean; stdinUsed: boolean },
): Promise<{ secret: Secret; viewsLeft: number }> {
  const api = new ApiClient(link.origin);
  let keys = await deriveKeys(link.linkKey);
  let status;
  try {
    status = await api.status(link.id, keys.access);
  } catch (error) {
    throw fromApi(error, { origin: link.origin });
  }
  if (status.passphrase) {
    keys = await recipientKeys(env, link, { stdinUsed: options.stdinUsed, attemptsLeft: status.attemptsLeft });
  } else if (options.expectPassphrase) {
    env.stderr.write('This secret has no passphrase; none is needed.\n');
  }

  let revealed;
  try {
    revealed = await api.reveal(link.id, keys);
  } catch (error) {
    throw fromApi(error, { origin: link.origin });
  }
  try {
    return { secret: await open(revealed.envelope, keys), viewsLeft: revealed.viewsLeft };
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    throw refused(
      'The secret was fetched, which used up a view, but it could not be decrypted: ' +
        'the link is damaged or the stored data was changed.',
    );
  }
}

async function readLink(env: CliEnv): Promise<string> {
  if (env.isTTY.stdin) env.stderr.write('Paste the link, then press Enter and Ctrl-D:\n');
  return decodeUtf8(await readAll(env.stdin), () => usageError('The link on stdin is not UTF-8 text.'));
}

async function checkWritableDirectory(dir: string, shown: string): Promise<void> {
  try {
    if (!(await stat(dir)).isDirectory()) throw usageError(`${shown} is not a directory.`);
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError(`${shown} does not exist. Nothing was revealed.`);
    if (code !== undefined) {
      throw usageError(`${shown} is not writable, so files could not be saved. Nothing was revealed.`);
    }
    throw error;
  }
}

/** Keys with the passphrase, from the environment or typed; a malformed one costs no attempt. */
async function recipientKeys(
  env: CliEnv,
  link: Link,
  options: { stdinUsed: boolean; attemptsLeft: number },
): Promise<SecretKeys> {
  const { attemptsLeft } = options;
  const attempts = Number.isSafeInteger(attemptsLeft) ? ` (${count(attemptsLeft, 'attempt', 'attempts')} left)` : '';
  const passphrase = await readPassphrase(env, {
    confirm: false,
    why: 'This secret needs its passphrase; nothing was revealed.',
    intro: `This secret is protected by a passphrase${attempts}.`,
    stdinUsed: options.stdinUsed,
  });
  try {
    return await deriveKeys(link.linkKey, passphrase);
  } catch (error) {
    if (!(error instanceof PassphraseError)) throw error;
    throw refused(`${error.message} It cannot be the right one; nothing was used up.`);
  }
}

/**
 * The text, raw when piped (the exact bytes) and with control characters escaped
 * on a terminal, where they could rewrite the screen or disguise what is shown.
 */
function printText(env: CliEnv, text: string): void {
  if (!env.isTTY.stdout) {
    env.stdout.write(text);
    return;
  }
  const shown = escapeText(text);
  env.stdout.write(shown.text === '' || shown.text.endsWith('\n') ? shown.text : `${shown.text}\n`);
  if (shown.escaped > 0) {
    env.stderr.write(
      `(${count(shown.escaped, 'control character is', 'control characters are')} shown escaped, such as \\x1b for ESC; ` +
        'redirect the output to a file to get the exact text.)\n',
    );
  }
}

/** Saves each file, reporting on stderr; false if any could not be saved. */
async function saveFiles(env: CliEnv, dir: string, files: SecretFile[], force: boolean): Promise<boolean> {
  const taken = new Set<string>();
  let allSaved = true;
  for (const file of files) {
    const wanted = safeFileName(file.name);
    const sentAs = wanted === file.name ? '' : ` (sent as “${escapeLine(file.name)}”)`;
    try {
      const saved = await saveFile(dir, wanted, file.bytes, { force, taken });
      const where = escapeLine(relative(env.cwd, join(dir, saved.name)) || saved.name);
      const size = count(file.bytes.length, 'byte', 'bytes');
      const note =
        saved.name !== wanted
          ? `; “${escapeLine(wanted)}” already exists`
          : saved.replaced
            ? '; replaced the existing file'
            : '';
      env.stderr.write(`Saved ${where} (${size})${sentAs}${note}.\n`);
    } catch (error) {
      allSaved = false;
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      env.stderr.write(`Could not save “${escapeLine(wanted)}”${sentAs}: ${reason}.\n`);
    }
  }
  return allSaved;
}
