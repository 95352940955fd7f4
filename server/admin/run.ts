/**
 * `burnlink-admin`: the operator's command. `token create|list|revoke` change or show
 * API_TOKENS_FILE, found through the same environment the server reads. It works on the
 * server's own files, so it lives with the server, not with the user CLI (cli/), whose
 * exit codes it shares: 0 done, 1 refused (a name taken or unknown, a file that cannot be
 * used), 2 a wrong command line or configuration (nothing changed).
 */
import { parseArgs } from 'node:util';
import { TOKEN_NAME_RULE } from '../auth/api-token.js';
import { createApiToken, listApiTokens, revokeApiToken, TokenAdminError } from '../auth/token-admin.js';
import { TokenFileError } from '../auth/token-file.js';
import { ConfigError, loadConfig } from '../config.js';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

/** What the command may touch: `main.ts` gives it the process's, the tests their own. */
export interface AdminEnv {
  /** The arguments after the program name. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

class AdminError extends Error {
  constructor(
    message: string,
    readonly exitCode: typeof EXIT_REFUSED | typeof EXIT_USAGE,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

const usageError = (message: string) => new AdminError(message, EXIT_USAGE);
const refused = (message: string) => new AdminError(message, EXIT_REFUSED);

export const ADMIN_HELP = `Usage: burnlink-admin token <create|list|revoke> [options]

Manages the API tokens that let scripts and the burnlink CLI create secrets and
requests (Authorization: Bearer blt_...). Tokens live, hashed, in the file named by
API_TOKENS_FILE, read from the same environment as the server's; servers using the
file see a change within about a second.

Commands:
  token create --name NAME   make a token and print it on stdout, this once only
                             (the file keeps only its hash); NAME is ${TOKEN_NAME_RULE},
                             never used before
  token list [--json]        the tokens' names, when each was created and revoked
  token revoke --name NAME   refuse the token from now on

Exit codes: 0 done, 1 refused (a name taken or unknown, a file that cannot be used),
2 a wrong command line or configuration.
`;

const OPTIONS = {
  name: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `burnlink-admin` with `env.argv` and resolves to the exit code. */
export async function runAdmin(env: AdminEnv): Promise<number> {
  try {
    return await dispatch(env);
  } catch (error) {
    const failure = asAdminError(error);
    env.stderr.write(`burnlink-admin: ${failure.message}\n`);
    return failure.exitCode;
  }
}

async function dispatch(env: AdminEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...env.argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '.') : '';
    throw usageError(`${message}\nRun "burnlink-admin --help" for usage.`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') {
    env.stdout.write(ADMIN_HELP);
    return EXIT_OK;
  }
  const [group, command, ...extra] = positionals;
  if (group !== 'token' || command === undefined || extra.length > 0) {
    if (positionals.length === 0) {
      env.stderr.write(ADMIN_HELP);
      return EXIT_USAGE;
    }
    throw usageError(
      `Unknown command ${JSON.stringify(positionals.join(' '))}.\nRun "burnlink-admin --help" for usage.`,
    );
  }
  switch (command) {
    case 'create': {
      const path = tokensFile(env);
      const name = requiredName(values.name, 'create');
      const token = await createApiToken(path, name);
      // stdout holds the token alone, so TOKEN=$(burnlink-admin token create --name ci) takes it.
      env.stdout.write(`${token}\n`);
      env.stderr.write(
        `Created the API token "${name}". It is shown only this once (${path} keeps its hash): ` +
          'put it where the script that uses it keeps its secrets, as BURNLINK_TOKEN.\n',
      );
      return EXIT_OK;
    }
    case 'revoke': {
      const path = tokensFile(env);
      const name = requiredName(values.name, 'revoke');
      const revoked = await revokeApiToken(path, name);
      env.stderr.write(
        revoked
          ? `Revoked the API token "${name}": servers using ${path} refuse it within about a second.\n`
          : `The API token "${name}" was already revoked; nothing changed.\n`,
      );
      return EXIT_OK;
    }
    case 'list': {
      if (values.name !== undefined) throw usageError('token list takes no --name.');
      const tokens = await listApiTokens(tokensFile(env));
      if (values.json) env.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
      else if (tokens.length === 0) env.stderr.write('There are no API tokens yet.\n');
      else env.stdout.write(tokenTable(tokens));
      return EXIT_OK;
    }
    default:
      throw usageError(
        `Unknown command ${JSON.stringify(`token ${command}`)}.\nRun "burnlink-admin --help" for usage.`,
      );
  }
}

/** API_TOKENS_FILE, validated with the rest of the server's configuration. */
function tokensFile(env: AdminEnv): string {
  let path: string | undefined;
  try {
    path = loadConfig(env.env).apiTokensFile;
  } catch (error) {
    if (error instanceof ConfigError) throw usageError(error.message);
    throw error;
  }
  if (path === undefined) {
    throw usageError('Set API_TOKENS_FILE to the tokens file the server reads (the same value as for the server).');
  }
  return path;
}

function requiredName(name: string | undefined, command: string): string {
  if (name === undefined) throw usageError(`token ${command} needs --name NAME.`);
  return name;
}

function tokenTable(tokens: { name: string; createdAt: string; revokedAt: string | null }[]): string {
  const width = Math.max(4, ...tokens.map(({ name }) => name.length));
  const row = (name: string, created: string, revoked: string) =>
    `${name.padEnd(width)}  ${created.padEnd(24)}  ${revoked}`.trimEnd() + '\n';
  return (
    row('NAME', 'CREATED', 'REVOKED') +
    tokens.map(({ name, createdAt, revokedAt }) => row(name, createdAt, revokedAt ?? '-')).join('')
  );
}

function asAdminError(error: unknown): AdminError {
  if (error instanceof AdminError) return error;
  if (error instanceof TokenAdminError) return error.usage ? usageError(error.message) : refused(error.message);
  if (error instanceof TokenFileError) return refused(error.message);
  return refused(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}
