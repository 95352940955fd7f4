/**
 * Showing sender-controlled text on a terminal, and asking for a passphrase without
 * echoing it.
 */
import { StringDecoder } from 'node:string_decoder';
import type { InputStream } from './env.js';
import { refused } from './errors.js';

/**
 * C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates that can
 * make a line read differently from what it holds ("Trojan Source"). A lone CR is
 * caught separately: it moves the cursor back over what was already shown.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
const UNSAFE_IN_TEXT = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

function escapeChar(char: string): string {
  const code = char.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text made safe for a terminal: every control character shown as `\xNN` (ESC as
 * `\x1b`), bidi controls as `\uNNNN`; newlines, tabs and CRLF line ends are kept.
 */
export function escapeText(text: string): { text: string; escaped: number } {
  let escaped = 0;
  const safe = text.replace(UNSAFE_IN_TEXT, (char) => {
    escaped++;
    return escapeChar(char);
  });
  return { text: safe, escaped };
}

/** A one-line value (a file name, a type) with every control character escaped. */
export function escapeLine(value: string): string {
  return value.replace(UNSAFE, escapeChar);
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = '\u0008';
const DELETE = '\u007f';

/**
 * Asks a question on `output` and reads one line from a terminal in raw mode, so
 * nothing typed is echoed. Backspace and Ctrl-U edit; Ctrl-C and Ctrl-D cancel.
 */
export async function promptHidden(
  input: InputStream,
  output: NodeJS.WritableStream,
  question: string,
): Promise<string> {
  const setRawMode = input.setRawMode?.bind(input);
  if (!setRawMode) throw new Error('promptHidden needs a terminal');
  output.write(question);
  setRawMode(true);
  const decoder = new StringDecoder('utf8');
  let answer = '';
  return new Promise<string>((resolve, reject) => {
    // Undone synchronously, inside the keystroke's own event: when Node's TTY stdin was
    // paused a microtask later, the next reader of stdin was never woken (exit code 13).
    const finish = (outcome: () => void, rest = '') => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.pause();
      setRawMode(false);
      // What was typed or pasted after Enter belongs to whoever reads stdin next.
      if (rest !== '') input.unshift(Buffer.from(rest));
      output.write('\n');
      outcome();
    };
    const cancel = () => finish(() => reject(refused('Cancelled.')));
    const onEnd = cancel;
    const onData = (chunk: Buffer | string) => {
      const chars = Array.from(typeof chunk === 'string' ? chunk : decoder.write(chunk));
      for (const [i, char] of chars.entries()) {
        if (char === '\r' || char === '\n') {
          const next = char === '\r' && chars[i + 1] === '\n' ? i + 2 : i + 1;
          return finish(() => resolve(answer), chars.slice(next).join(''));
        }
        if (char === CTRL_C || (char === CTRL_D && answer === '')) return cancel();
        if (char === BACKSPACE || char === DELETE) answer = Array.from(answer).slice(0, -1).join('');
        else if (char === CTRL_U) answer = '';
        else if (char !== CTRL_D) answer += char;
      }
    };
    input.on('data', onData);
    input.once('end', onEnd);
    input.resume();
  });
}
