/**
 * What a command may touch of the outside world. `main.ts` builds it from `process`;
 * the tests build it from fake streams and run the commands in-process.
 */

/** Standard input; a terminal also offers raw mode, which the hidden prompt needs. */
export type InputStream = NodeJS.ReadableStream & { setRawMode?(raw: boolean): unknown };

export interface CliEnv {
  /** The arguments after the program name, command first. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: InputStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Where relative paths (FILE, --out) are resolved from. */
  readonly cwd: string;
  readonly isTTY: { readonly stdin: boolean; readonly stdout: boolean; readonly stderr: boolean };
}

/** The environment variable naming the server for `send`. */
export const SERVER_VARIABLE = 'BURNLINK_SERVER';
/** The environment variable holding a passphrase, so scripts need no prompt. */
export const PASSPHRASE_VARIABLE = 'BURNLINK_PASSPHRASE';
/** The environment variable holding an API token (blt_…) for servers that let only their own users create. */
export const TOKEN_VARIABLE = 'BURNLINK_TOKEN';
export const DEFAULT_SERVER = 'http://localhost:3000';
