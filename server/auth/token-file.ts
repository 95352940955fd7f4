/**
 * The API tokens file (API_TOKENS_FILE): JSON that `burnlink-admin` writes and the
 * server reads. It holds each token's name, the SHA-256 of its text, and when it was
 * created and revoked; never a token itself. Written whole, through a temporary file
 * renamed over the old one, so a reader sees the old file or the new one, never half.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TOKEN_NAME_SHAPE } from './api-token.js';

export interface TokenRecord {
  name: string;
  /** SHA-256 of the token's text. */
  hash: Buffer;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC; null while the token is valid. */
  revokedAt: string | null;
}

/** The file cannot be read, parsed or written; the message names the file and what is wrong. */
export class TokenFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenFileError';
  }
}

const FORMAT_VERSION = 1;
const HASH_SHAPE = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** The records in a file's text; throws TokenFileError saying what is wrong, and where. */
export function parseTokenFile(text: string, path: string): TokenRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TokenFileError(`${path} is not valid JSON.`);
  }
  const file = json as { version?: unknown; tokens?: unknown };
  if (typeof json !== 'object' || json === null || file.version !== FORMAT_VERSION || !Array.isArray(file.tokens)) {
    throw new TokenFileError(`${path} is not an API tokens file (version ${FORMAT_VERSION}, with a "tokens" list).`);
  }
  const names = new Set<string>();
  return file.tokens.map((entry: unknown, index) => {
    const record = parseRecord(entry);
    if (!record) throw new TokenFileError(`${path}: token ${index + 1} is not a valid entry.`);
    if (names.has(record.name)) throw new TokenFileError(`${path}: the name "${record.name}" appears twice.`);
    names.add(record.name);
    return record;
  });
}

function parseRecord(entry: unknown): TokenRecord | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { name, hash, createdAt, revokedAt } = entry as Record<string, unknown>;
  const valid =
    typeof name === 'string' &&
    TOKEN_NAME_SHAPE.test(name) &&
    typeof hash === 'string' &&
    HASH_SHAPE.test(hash) &&
    isTime(createdAt) &&
    (revokedAt === null || isTime(revokedAt));
  return valid ? { name, hash: Buffer.from(hash, 'base64url'), createdAt, revokedAt } : undefined;
}

const isTime = (value: unknown): value is string =>
  typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));

export function serializeTokenFile(records: readonly TokenRecord[]): string {
  const tokens = records.map(({ name, hash, createdAt, revokedAt }) => ({
    name,
    hash: hash.toString('base64url'),
    createdAt,
    revokedAt,
  }));
  return `${JSON.stringify({ version: FORMAT_VERSION, tokens }, null, 2)}\n`;
}

/** The records in the file; a file that does not exist yet holds none. */
export async function readTokenFile(path: string): Promise<TokenRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new TokenFileError(`${path} cannot be read: ${(error as Error).message}`);
  }
  return parseTokenFile(text, path);
}

/**
 * Reads the file, applies `change`, and writes the result whole: into a temporary file
 * beside it, flushed to disk, then renamed over it. A lock file beside it keeps two
 * admin commands from each writing over the other's change.
 */
export async function updateTokenFile<T>(
  path: string,
  change: (records: TokenRecord[]) => { records: TokenRecord[]; result: T },
): Promise<T> {
  const lock = `${path}.lock`;
  const lockHandle = await open(lock, 'wx').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') {
      throw new TokenFileError(
        `${lock} exists: another burnlink-admin is changing ${path}. If none is running, delete ${lock}.`,
      );
    }
    throw new TokenFileError(`${path} cannot be changed: ${error.message}`);
  });
  try {
    const { records, result } = change(await readTokenFile(path));
    await writeWhole(path, serializeTokenFile(records));
    return result;
  } finally {
    await lockHandle.close();
    await rm(lock, { force: true });
  }
}

async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // A file being replaced keeps its permissions; a new one gets the umask's.
  const mode = await stat(path).then(
    (stats) => stats.mode & 0o777,
    () => undefined,
  );
  try {
    const handle = await open(temporary, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(text, 'utf8');
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new TokenFileError(`${path} cannot be written: ${(error as Error).message}`);
  }
}
