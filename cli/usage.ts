/** Help texts, and argument parsing that turns every mistake into a usage error. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_NOTE_BYTES } from '../web/src/lib/request.js';
import { DEFAULT_SERVER, PASSPHRASE_VARIABLE, SERVER_VARIABLE, TOKEN_VARIABLE } from './env.js';
import { usageError } from './errors.js';

export const MAIN_HELP = `Usage: burnlink <command> [options]

Share a secret through a link that works once. It is encrypted here; the server
only ever holds ciphertext, and the key travels only in the link.

Commands:
  send [FILE...|-]   encrypt text from stdin, or files, and print a one-time link
  get LINK           reveal a secret, or the answer at an inbox link: print its
                     text and save its files
  request            ask someone for a secret: print a request link to send them
                     and a private inbox link that reads their answer
  answer REQUEST_LINK [FILE...|-]
                     answer a request, once, with text from stdin or files

Run "burnlink <command> --help" for the options of a command.

Environment:
  ${SERVER_VARIABLE}      the server for send and request (${DEFAULT_SERVER})
  ${PASSPHRASE_VARIABLE}  the passphrase, for send --passphrase and for get
  ${TOKEN_VARIABLE}       an API token (blt_...) for send and request, where the
                       server lets only its own users create (exit 5 without one)
`;

export const SEND_HELP = `Usage: burnlink send [FILE...|-] [options]

Encrypts a secret here and stores only the ciphertext. Without FILE, or with "-",
the text is read from stdin (UTF-8, exactly as given: "echo" adds a newline). Each
FILE is attached under its base name, and the text is empty unless --text is given.

Prints the secret link on stdout, and the private status link and expiry on stderr.
Where the server lets only its own users create, it needs an API token from the
operator in $${TOKEN_VARIABLE} (without one, or with a revoked one: exit 5).

Options:
  --server URL        the burnlink server (default: $${SERVER_VARIABLE}, else ${DEFAULT_SERVER})
  --expires DURATION  how long the link lives: 300 (seconds), 5m, 1h, 1d, 7d (default: the server's, usually 1d)
  --views N           how many times the link can be opened (default 1)
  --text TEXT         a note to send with the files (other users can see the command
                      line: never put the secret itself here)
  --passphrase        also require a passphrase, taken from $${PASSPHRASE_VARIABLE} or
                      asked for here (never on the command line)
  -h, --help          show this help
`;

export const GET_HELP = `Usage: burnlink get LINK [options]

Reveals a secret: this uses up one of its views. Prints its text on stdout and
saves its files in the current directory (or --out DIR). With "-" as LINK the link
is read from stdin, which keeps it out of the process list and shell history.

Given an inbox link (from "burnlink request" or the page), reveals the answer to
the request, which destroys it. Not answered yet: exit 4, nothing is changed.

Files are saved under their base name; a file that exists is never replaced
(the new one is saved as "name (1).ext") unless --force is given.

When the secret has a passphrase, it is taken from $${PASSPHRASE_VARIABLE} or asked
for here. A wrong passphrase uses up nothing: run the command again.

Options:
  --out DIR       where to save the files (default: the current directory)
  --force         replace existing files of the same name
  --passphrase    expect a passphrase (one is asked for anyway when the secret has one)
  -h, --help      show this help
`;

export const REQUEST_HELP = `Usage: burnlink request [options]

Asks someone for a secret. The keys are made here; the server stores only the
encrypted note. Prints the request link on stdout: send it to the person who
should answer. Prints the inbox link and the expiry on stderr: keep the inbox
link to yourself, it is the only link that can read the answer
("burnlink get INBOX_LINK"). A request takes one answer. Where the server lets
only its own users create, it needs an API token in $${TOKEN_VARIABLE} (exit 5
without one).

Options:
  --note TEXT          a note for the person, at most ${MAX_NOTE_BYTES} bytes of UTF-8
                       (other users can see the command line: --note-file
                       keeps it private)
  --note-file FILE|-   the note from FILE, or from stdin with "-" (a final line
                       end is dropped): for long or multi-line notes
  --expires DURATION   how long the request stays open: 300 (seconds), 5m, 1h,
                       1d, 7d (default: the server's, usually 1d)
  --alert-email ADDR   email ADDR when it has been answered, if the server sends
                       mail (the email carries no link or key); in German where
                       $LANG is de_*, else in English
  --server URL         the burnlink server (default: $${SERVER_VARIABLE}, else
                       ${DEFAULT_SERVER})
  -h, --help           show this help
`;

export const ANSWER_HELP = `Usage: burnlink answer REQUEST_LINK [FILE...|-] [options]

Answers a request for a secret, once. First shows the request's note (on stderr;
reading it changes nothing); then encrypts the answer here, so that only the
person who sent the request link can read it, and sends it.

REQUEST_LINK is always the first argument, never read from stdin: stdin carries
the answer. Without FILE, or with "-", the answer's text is read from stdin
(UTF-8, exactly as given). Each FILE is attached under its base name, and the
text is empty unless --text is given. Sizes are checked against the server's
limit before anything is sent.

A request that has already been answered: exit 3, and nothing is sent.

Options:
  --text TEXT    a note to send with the files (other users can see the command
                 line: never put the secret itself here)
  -h, --help     show this help
`;

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs in strict mode; any unknown or malformed option is a usage error. */
export function parseCommandArgs<T extends Options>(argv: readonly string[], options: T, command: string) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '.') : String(error);
    throw usageError(`${message}\nRun "burnlink ${command} --help" for usage.`);
  }
}
