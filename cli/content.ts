/**
 * What `send` and `answer` seal: text from stdin, or files (with an optional --text
 * note). One set of rules for both, so a secret and an answer take the same input.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Limits } from '../web/src/lib/api.js';
import { formatBytes } from '../web/src/lib/display.js';
import type { FileLengths, Secret, SecretFile } from '../web/src/lib/envelope.js';
import type { CliEnv } from './env.js';
import { type CliError, refused, usageError } from './errors.js';
import { decodeUtf8, readAll } from './io.js';
import { escapeLine } from './terminal.js';

/** The largest envelope any server may be configured to accept (MAX_SECRET_BYTES). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const ATTACHMENT_TYPE = 'application/octet-stream';

/** Where the content comes from, decided from the command line before anything is read. */
export interface ContentSource {
  /** The text is read from stdin. */
  stdinText: boolean;
  /** Files to attach. */
  paths: string[];
}

/**
 * Without FILE (and without --text), or with "-" alone, the text comes from stdin;
 * otherwise the FILEs are attached and --text, if any, is the text.
 */
export function contentSource(positionals: readonly string[], text: string | undefined): ContentSource {
  const stdinText = positionals.length === 0 ? text === undefined : positionals.length === 1 && positionals[0] === '-';
  if (positionals.includes('-') && (positionals.length > 1 || text !== undefined)) {
    throw usageError('"-" reads the text from stdin: it cannot be combined with files or --text.');
  }
  return { stdinText, paths: stdinText ? [] : [...positionals] };
}

/** Reads every FILE to attach, each under its base name only; the first unreadable one refuses. */
export async function readAttachments(cwd: string, paths: readonly string[]): Promise<SecretFile[]> {
  return Promise.all(
    paths.map(async (path) => ({
      name: basename(path),
      type: ATTACHMENT_TYPE,
      bytes: await readLocalFile(cwd, path, {
        maxBytes: MAX_FILE_BYTES,
        tooLarge: (shown) => refused(`${shown} is too large to send (over 64 MiB).`),
      }),
    })),
  );
}

/**
 * A local file's bytes, refused with a sentence when it is missing, a directory,
 * unreadable, or larger than `maxBytes` (checked before reading it).
 */
export async function readLocalFile(
  cwd: string,
  path: string,
  options: { maxBytes: number; tooLarge: (shown: string) => CliError },
): Promise<Uint8Array> {
  const shown = escapeLine(path);
  try {
    const info = await stat(resolve(cwd, path));
    if (info.isDirectory()) throw refused(`${shown} is a directory, not a file.`);
    if (info.size > options.maxBytes) throw options.tooLarge(shown);
    return await readFile(resolve(cwd, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refused(`${shown}: no such file.`);
    if (code !== undefined) throw refused(`Cannot read ${shown} (${code}).`);
    throw error;
  }
}

/** The text from stdin, exactly as given; a terminal is told how to end it. */
export async function readStdinText(env: CliEnv, what: 'secret' | 'answer'): Promise<string> {
  if (env.isTTY.stdin) env.stderr.write(`Type or paste the ${what}, then press Ctrl-D on an empty line:\n`);
  const bytes = await readAll(env.stdin);
  return decodeUtf8(bytes, () =>
    refused('The input is not valid UTF-8 text. To send binary data, give it as a FILE instead.'),
  );
}

/**
 * Refuses, before anything is sealed or sent, content whose envelope the server would
 * not take; `sizeOf` measures the kind of envelope it goes into.
 */
export function checkEnvelopeSize(
  secret: Secret,
  limits: Limits | undefined,
  sizeOf: (textBytes: number, files: FileLengths[]) => number,
): void {
  if (!limits) return;
  const size = sizeOf(
    Buffer.byteLength(secret.text),
    secret.files.map((file) => ({
      nameBytes: Buffer.byteLength(file.name),
      typeBytes: Buffer.byteLength(file.type),
      size: file.bytes.length,
    })),
  );
  if (size > limits.maxSecretBytes) {
    throw refused(
      `That is too large for this server: ${formatBytes(size, undefined, 'ceil')} once encrypted, ` +
        `and it takes at most ${formatBytes(limits.maxSecretBytes, undefined, 'floor')}. Nothing was sent.`,
    );
  }
}
