/**
 * A request's note: taken from the command line or a file by `request`, and shown by
 * `answer` (to the responder) and `get` (to the requester, for context).
 */
import { count } from '../web/src/lib/display.js';
import { MAX_NOTE_BYTES } from '../web/src/lib/request.js';
import { readLocalFile } from './content.js';
import type { CliEnv } from './env.js';
import { usageError } from './errors.js';
import { decodeUtf8, readAll } from './io.js';
import { escapeText } from './terminal.js';

const tooLong = (bytes: string) =>
  usageError(`The note is ${bytes}; it can be at most ${MAX_NOTE_BYTES} bytes of UTF-8. Nothing was sent.`);

/**
 * The note from --note or --note-file (a file, or "-" for stdin), checked against the
 * format's limit before anything is sent. A file's final line end is dropped: editors
 * add one, and the note is shown, not reproduced byte for byte.
 */
export async function noteFromOptions(
  env: CliEnv,
  options: { note?: string | undefined; noteFile?: string | undefined },
): Promise<string> {
  if (options.note !== undefined && options.noteFile !== undefined) {
    throw usageError('Give the note with --note or with --note-file, not both.');
  }
  let note = options.note ?? '';
  if (options.noteFile !== undefined) {
    const bytes =
      options.noteFile === '-'
        ? await readAll(env.stdin)
        : await readLocalFile(env.cwd, options.noteFile, {
            maxBytes: MAX_NOTE_BYTES + 2,
            tooLarge: () => tooLong(`over ${MAX_NOTE_BYTES} bytes`),
          });
    note = decodeUtf8(bytes, () => usageError('The note is not valid UTF-8 text. Nothing was sent.')).replace(
      /\r?\n$/,
      '',
    );
  }
  const bytes = Buffer.byteLength(note);
  if (bytes > MAX_NOTE_BYTES) throw tooLong(count(bytes, 'byte', 'bytes'));
  return note;
}

/**
 * Shows a note on stderr under `heading`, indented, with control and bidi characters
 * escaped: whoever wrote it chose every character, and a terminal obeys some of them.
 */
export function showNote(env: CliEnv, heading: string, note: string): void {
  const shown = escapeText(note);
  const lines = shown.text.replace(/\r?\n$/, '').split(/\r?\n/);
  env.stderr.write(`${heading}\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
  if (shown.escaped > 0) {
    env.stderr.write(
      `(${count(shown.escaped, 'control character is', 'control characters are')} shown escaped, ` +
        'such as \\x1b for ESC.)\n',
    );
  }
}
