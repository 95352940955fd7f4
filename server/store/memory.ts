/**
 * The embedded store used when no Redis is configured. Secrets live in this process
 * only, so they do not survive a restart. Every method does its work synchronously
 * before its promise settles, so each operation is atomic under Node's event loop —
 * the same guarantee the Redis store gets from its Lua scripts.
 */
import {
  type AlertRecipient,
  type NewSecret,
  type Receipt,
  type ReceiptState,
  type RevealOutcome,
  type RevealRequest,
  type SecretStatus,
  type SecretStore,
  type StoreLimits,
} from './secret-store.js';
import { hashesEqual } from './hashes.js';
import { MemoryBudget } from './memory-budget.js';
import { assertHash, assertValidLimits, assertValidSecret } from './invariants.js';
import { ownBytes } from './own-bytes.js';

/**
 * Rough cost of one id's bookkeeping (receipt, hashes, map slots), charged to the
 * budget for as long as its receipt lives, so a flood of tiny secrets is bounded too.
 */
export const ENTRY_OVERHEAD_BYTES = 512;
const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

export interface MemoryStoreOptions {
  limits: StoreLimits;
  /** Budget for ciphertext bytes plus ENTRY_OVERHEAD_BYTES per id; beyond it create fails. */
  maxBytes: number;
  /** A budget shared with other stores (the request store); else one of maxBytes of its own. */
  budget?: MemoryBudget;
  now?: () => number;
  sweepIntervalMs?: number;
}

interface StoredSecret {
  ciphertext: Uint8Array;
  accessHash: Uint8Array;
  unlockHash: Uint8Array | undefined;
  alert: AlertRecipient | undefined;
}

/** One id: the receipt, plus the secret while it can still be revealed. */
interface Entry {
  secret: StoredSecret | null;
  manageHash: Uint8Array;
  state: ReceiptState;
  createdAt: number;
  expiresAt: number;
  /** When the secret ended (see Receipt.burnedAt); null while it lives. */
  burnedAt: number | null;
  /** When the receipt itself is forgotten. */
  forgetAt: number;
  viewsLeft: number;
  viewedAt: number[];
  failedAttempts: number;
}

/** SecretStore kept in this process's memory, within a byte budget. */
export class MemoryStore implements SecretStore {
  readonly #entries = new Map<string, Entry>();
  readonly #limits: StoreLimits;
  readonly #budget: MemoryBudget;
  readonly #removeSweeper: () => void;
  readonly #now: () => number;
  readonly #sweepTimer: NodeJS.Timeout;

  constructor(options: MemoryStoreOptions) {
    assertValidLimits(options.limits);
    this.#limits = options.limits;
    this.#budget = options.budget ?? new MemoryBudget(options.maxBytes);
    this.#removeSweeper = this.#budget.addSweeper(() => this.sweep());
    this.#now = options.now ?? Date.now;
    // Lazy expiry alone would keep secrets nobody asks for again; the sweep frees them.
    this.#sweepTimer = setInterval(() => this.sweep(), options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
    this.#sweepTimer.unref();
  }

  /** Bytes currently charged against the budget (shared with the request store, if any). */
  get usedBytes(): number {
    return this.#budget.usedBytes;
  }

  /** The budget, for a request store to share. */
  get budget(): MemoryBudget {
    return this.#budget;
  }

  async create(secret: NewSecret): Promise<{ expiresAt: number }> {
    assertValidSecret(secret);
    const now = this.#now();
    if (this.#entry(secret.id, now)) throw new Error('secret id already exists');

    this.#budget.charge(secret.ciphertext.length + ENTRY_OVERHEAD_BYTES);

    const expiresAt = now + secret.ttlSeconds * 1000;
    this.#entries.set(secret.id, {
      // Copies, so a caller reusing its buffers cannot change what is stored.
      secret: {
        ciphertext: ownBytes(secret.ciphertext),
        accessHash: ownBytes(secret.accessHash),
        unlockHash: secret.unlockHash && ownBytes(secret.unlockHash),
        alert: secret.alert && { ...secret.alert },
      },
      manageHash: ownBytes(secret.manageHash),
      state: 'pending',
      createdAt: now,
      expiresAt,
      burnedAt: null,
      forgetAt: expiresAt + this.#limits.receiptRetentionSeconds * 1000,
      viewsLeft: secret.views,
      viewedAt: [],
      failedAttempts: 0,
    });
    return { expiresAt };
  }

  async status(id: string, accessHash: Uint8Array): Promise<SecretStatus | null> {
    const entry = this.#revealable(id, accessHash);
    if (!entry?.secret) return null;
    return {
      expiresAt: entry.expiresAt,
      viewsLeft: entry.viewsLeft,
      passphrase: entry.secret.unlockHash !== undefined,
      attemptsLeft: this.#attemptsLeft(entry),
    };
  }

  async reveal(request: RevealRequest): Promise<RevealOutcome> {
    if (request.unlockHash) assertHash('unlockHash', request.unlockHash);
    const now = this.#now();
    const entry = this.#revealable(request.id, request.accessHash, now);
    if (!entry?.secret) return { kind: 'not_found' };
    const { unlockHash } = entry.secret;
    const given = request.unlockHash;

    if (unlockHash && !given) return { kind: 'unlock_required' };
    if (!unlockHash && given) return { kind: 'unlock_unexpected' };
    if (unlockHash && given && !hashesEqual(unlockHash, given)) {
      entry.failedAttempts += 1;
      const attemptsLeft = this.#attemptsLeft(entry);
      if (attemptsLeft === 0) this.#endSecret(entry, 'locked', now);
      return { kind: 'wrong_passphrase', attemptsLeft };
    }

    const ciphertext = entry.secret.ciphertext.slice();
    const { alert } = entry.secret;
    entry.viewsLeft -= 1;
    entry.viewedAt.push(now);
    if (entry.viewsLeft === 0) this.#endSecret(entry, 'viewed', now);
    return { kind: 'revealed', ciphertext, viewsLeft: entry.viewsLeft, ...(alert && { alert }) };
  }

  async burn(id: string, manageHash: Uint8Array): Promise<boolean> {
    const entry = this.#managed(id, manageHash);
    if (!entry) return false;
    if (entry.secret) this.#endSecret(entry, 'burned', this.#now());
    return true;
  }

  async receipt(id: string, manageHash: Uint8Array): Promise<Receipt | null> {
    const entry = this.#managed(id, manageHash);
    if (!entry) return null;
    return {
      state: entry.state,
      createdAt: entry.createdAt,
      expiresAt: entry.expiresAt,
      burnedAt: entry.burnedAt,
      viewsLeft: entry.viewsLeft,
      viewedAt: [...entry.viewedAt],
      failedAttempts: entry.failedAttempts,
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.#sweepTimer);
    this.#removeSweeper();
    for (const entry of this.#entries.values()) {
      this.#budget.release(ENTRY_OVERHEAD_BYTES + (entry.secret?.ciphertext.length ?? 0));
    }
    this.#entries.clear();
  }

  /** Applies expiry to every entry now rather than on next access. */
  sweep(): void {
    const now = this.#now();
    for (const id of this.#entries.keys()) this.#entry(id, now);
  }

  /** The entry for an id with expiry applied; undefined once its receipt is gone. */
  #entry(id: string, now = this.#now()): Entry | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    // Found by a later sweep or read, it still ended when it expired.
    if (entry.secret && now >= entry.expiresAt) this.#endSecret(entry, 'expired', entry.expiresAt);
    if (now >= entry.forgetAt) {
      this.#entries.delete(id);
      this.#budget.release(ENTRY_OVERHEAD_BYTES);
      return undefined;
    }
    return entry;
  }

  #revealable(id: string, accessHash: Uint8Array, now?: number): Entry | undefined {
    assertHash('accessHash', accessHash);
    const entry = this.#entry(id, now);
    return entry?.secret && hashesEqual(entry.secret.accessHash, accessHash) ? entry : undefined;
  }

  #managed(id: string, manageHash: Uint8Array): Entry | undefined {
    assertHash('manageHash', manageHash);
    const entry = this.#entry(id);
    return entry && hashesEqual(entry.manageHash, manageHash) ? entry : undefined;
  }

  /** Drops the secret's bytes; the receipt keeps saying why. */
  #endSecret(entry: Entry, state: ReceiptState, at: number): void {
    if (!entry.secret) return;
    this.#budget.release(entry.secret.ciphertext.length);
    entry.secret = null;
    entry.state = state;
    entry.burnedAt = at;
    entry.viewsLeft = 0;
  }

  #attemptsLeft(entry: Entry): number {
    return Math.max(0, this.#limits.maxAttempts - entry.failedAttempts);
  }
}
