/** Help texts, and argument parsing that turns every mistake into a usage error. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_SERVER, PASSPHRASE_VARIABLE, SERVER_VARIABLE } from './env.js';
import { usageError } from './errors.js';

export const MAIN_HELP = `Usage: burnlink <command> [options]

Share a secret through a link that works once. It is encrypted here; the server
only ever holds ciphertext, and the key travels only in the link.

Commands:
  send [FILE...|-]   encrypt text from stdin, or files, and print a one-time link
  get LINK           reveal a secret: print its text and save its files

Run "burnlink <command> --help" for the options of a command.

Environment:
  ${SERVER_VARIABLE}      the server for send (default ${DEFAULT_SERVER})
  ${PASSPHRASE_VARIABLE}  the passphrase, for send --passphrase and for get
`;

export const SEND_HELP = `Usage: burnlink send [FILE...|-] [options]

Encrypts a secret here and stores only the ciphertext. Without FILE, or with "-",
the text is read from stdin (UTF-8, exactly as given: "echo" adds a newline). Each
FILE is attached under its base name, and the text is empty unless --text is given.

Prints the secret link on stdout, and the private receipt link and expiry on stderr.

Options:
  --server URL        the burnlink server (default: $${SERVER_VARIABLE}, else ${DEFAULT_SERVER})
  --expires DURATION  how long the link lives: 300 (seconds), 5m, 1h, 1d, 7d (default 1d)
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
