/**
 * The server's view of API_TOKENS_FILE: loaded at start-up (a damaged file stops the
 * start), then looked at again when a token arrives and the last look is more than a
 * second old. Only a changed file (another inode, size or mtime: the admin command
 * renames a new file into place) is read again, so a token created or revoked reaches
 * every server process within about a second of the file changing where it runs.
 */
import { stat } from 'node:fs/promises';
import { hashesEqual } from '../store/hashes.js';
import { apiTokenHash } from './api-token.js';
import { readTokenFile, TokenFileError, type TokenRecord } from './token-file.js';

export interface RegistryOptions {
  /** How old the last look at the file may be before a token makes the next one. */
  checkIntervalMs?: number;
  /** The clock; tests move it instead of waiting. */
  now?: () => number;
  /** Told when a changed file cannot be used: until it is fixed, every token is refused. */
  onProblem?: (message: string) => void;
}

export class ApiTokenRegistry {
  /** undefined while the file cannot be used: no token is accepted then (fail closed). */
  #records: readonly TokenRecord[] | undefined;
  #signature: string;
  #checkedAt: number;
  #checking: Promise<void> | undefined;
  /** The last problem told, so a file that stays damaged is reported once, not every second. */
  #problem: string | undefined;
  readonly #interval: number;
  readonly #now: () => number;
  readonly #onProblem: (message: string) => void;

  private constructor(
    readonly path: string,
    records: TokenRecord[],
    signature: string,
    options: RegistryOptions,
  ) {
    this.#records = records;
    this.#signature = signature;
    this.#interval = options.checkIntervalMs ?? 1000;
    this.#now = options.now ?? Date.now;
    this.#onProblem = options.onProblem ?? (() => undefined);
    this.#checkedAt = this.#now();
  }

  /** Loads the file; throws TokenFileError when it exists and cannot be used. A missing file holds no tokens yet. */
  static async open(path: string, options: RegistryOptions = {}): Promise<ApiTokenRegistry> {
    const signature = await fileSignature(path);
    return new ApiTokenRegistry(path, await readTokenFile(path), signature, options);
  }

  /** The record whose hash is this token's, revoked or not; undefined for a token never made. */
  async find(token: string): Promise<TokenRecord | undefined> {
    await this.#fresh();
    const hash = apiTokenHash(token);
    let found: TokenRecord | undefined;
    // Every record is compared, each in constant time: how long this takes says nothing of the hashes.
    for (const record of this.#records ?? []) {
      if (hashesEqual(record.hash, hash)) found = record;
    }
    return found;
  }

  #fresh(): Promise<void> {
    if (this.#now() - this.#checkedAt < this.#interval) return Promise.resolve();
    // Requests arriving together share one look at the file.
    this.#checking ??= this.#reload().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  async #reload(): Promise<void> {
    this.#checkedAt = this.#now();
    try {
      const signature = await fileSignature(this.path);
      if (signature === this.#signature) return;
      this.#records = await readTokenFile(this.path);
      this.#signature = signature;
      this.#problem = undefined;
    } catch (error) {
      this.#records = undefined;
      // Looked at again on the next token: a fixed permission changes no signature.
      this.#signature = 'unusable';
      const why = error instanceof TokenFileError ? error.message : `${this.path} cannot be read: ${String(error)}`;
      if (why !== this.#problem) this.#onProblem(`${why} Every API token is refused until it is fixed.`);
      this.#problem = why;
    }
  }
}

/** What tells a changed file from the one last read; "missing" when there is none. */
async function fileSignature(path: string): Promise<string> {
  try {
    const stats = await stat(path);
    return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new TokenFileError(`${path} cannot be read: ${(error as Error).message}`);
  }
}
