/**
 * Requests kept in this process's memory, beside the MemoryStore's secrets and within
 * the same byte budget. Every method does its work synchronously before its promise
 * settles, so each operation is atomic under Node's event loop, as the Redis store's
 * scripts are.
 */
import { hashesEqual } from './hashes.js';
import type { MemoryBudget } from './memory-budget.js';
import { ENTRY_OVERHEAD_BYTES } from './memory.js';
import type { AnswerOutcome, Inbox, NewRequest, ReadOutcome, RequestStatus, RequestStore } from './request-store.js';
import type { AlertRecipient, StoreLimits } from './secret-store.js';
import { assertHash, assertValidRequest } from './invariants.js';
import { ownBytes } from './own-bytes.js';

const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

export interface MemoryRequestStoreOptions {
  limits: StoreLimits;
  budget: MemoryBudget;
  now?: () => number;
  sweepIntervalMs?: number;
}

interface RequestEntry {
  accessHash: Uint8Array;
  inboxHash: Uint8Array;
  lifetimeMs: number;
  state: 'open' | 'answered' | 'read';
  /** The request envelope, until the answer is read or the request ends. */
  envelope: Uint8Array | null;
  answer: Uint8Array | null;
  alert: AlertRecipient | null;
  expiresAt: number;
  /** When the inbox record itself is forgotten. */
  forgetAt: number;
  answeredAt: number | null;
  readAt: number | null;
  /** Whether its time ran out before the answer was read. */
  ended: boolean;
}

/** RequestStore kept in this process's memory. */
export class MemoryRequestStore implements RequestStore {
  readonly #entries = new Map<string, RequestEntry>();
  readonly #limits: StoreLimits;
  readonly #budget: MemoryBudget;
  readonly #now: () => number;
  readonly #sweepTimer: NodeJS.Timeout;
  readonly #removeSweeper: () => void;

  constructor(options: MemoryRequestStoreOptions) {
    this.#limits = options.limits;
    this.#budget = options.budget;
    this.#now = options.now ?? Date.now;
    this.#removeSweeper = this.#budget.addSweeper(() => this.sweep());
    this.#sweepTimer = setInterval(() => this.sweep(), options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
    this.#sweepTimer.unref();
  }

  async createRequest(request: NewRequest): Promise<{ expiresAt: number }> {
    assertValidRequest(request);
    const now = this.#now();
    if (this.#entry(request.id, now)) throw new Error('request id already exists');
    this.#budget.charge(request.envelope.length + ENTRY_OVERHEAD_BYTES);
    const lifetimeMs = request.ttlSeconds * 1000;
    const expiresAt = now + lifetimeMs;
    this.#entries.set(request.id, {
      accessHash: ownBytes(request.accessHash),
      inboxHash: ownBytes(request.inboxHash),
      lifetimeMs,
      state: 'open',
      envelope: ownBytes(request.envelope),
      answer: null,
      alert: request.alert ? { ...request.alert } : null,
      expiresAt,
      forgetAt: expiresAt + this.#limits.receiptRetentionSeconds * 1000,
      answeredAt: null,
      readAt: null,
      ended: false,
    });
    return { expiresAt };
  }

  async requestStatus(id: string, accessHash: Uint8Array): Promise<RequestStatus | null> {
    const entry = this.#responderEntry(id, accessHash);
    if (!entry) return null;
    if (entry.state === 'open') return { state: 'open', expiresAt: entry.expiresAt, envelope: entry.envelope!.slice() };
    return { state: 'answered', expiresAt: entry.expiresAt };
  }

  async answer(id: string, accessHash: Uint8Array, answer: Uint8Array): Promise<AnswerOutcome> {
    const now = this.#now();
    const entry = this.#responderEntry(id, accessHash, now);
    if (!entry) return { kind: 'not_found' };
    if (entry.state !== 'open') return { kind: 'already_answered' };
    this.#budget.charge(answer.length);
    const { alert } = entry;
    entry.state = 'answered';
    entry.answer = ownBytes(answer);
    entry.alert = null;
    entry.answeredAt = now;
    entry.expiresAt = now + entry.lifetimeMs;
    entry.forgetAt = entry.expiresAt + this.#limits.receiptRetentionSeconds * 1000;
    return { kind: 'answered', expiresAt: entry.expiresAt, ...(alert && { alert }) };
  }

  async inbox(id: string, inboxHash: Uint8Array): Promise<Inbox | null> {
    const entry = this.#requesterEntry(id, inboxHash);
    if (!entry) return null;
    return {
      state: entry.ended ? 'expired' : entry.state,
      expiresAt: entry.expiresAt,
      answeredAt: entry.answeredAt,
      readAt: entry.readAt,
      ...(entry.envelope && entry.state !== 'read' && { envelope: entry.envelope.slice() }),
    };
  }

  async readAnswer(id: string, inboxHash: Uint8Array): Promise<ReadOutcome> {
    const now = this.#now();
    const entry = this.#requesterEntry(id, inboxHash, now);
    if (!entry || entry.ended) return { kind: 'not_found' };
    if (entry.state === 'open') return { kind: 'not_answered' };
    if (entry.state === 'read' || !entry.answer) return { kind: 'not_found' };
    const answer = entry.answer;
    this.#budget.release(answer.length + (entry.envelope?.length ?? 0));
    entry.answer = null;
    entry.envelope = null;
    entry.state = 'read';
    entry.readAt = now;
    return { kind: 'read', answer };
  }

  async close(): Promise<void> {
    clearInterval(this.#sweepTimer);
    this.#removeSweeper();
    for (const entry of this.#entries.values()) this.#budget.release(ENTRY_OVERHEAD_BYTES + bytesOf(entry));
    this.#entries.clear();
  }

  /** Applies expiry to every entry now rather than on next access. */
  sweep(): void {
    const now = this.#now();
    for (const id of this.#entries.keys()) this.#entry(id, now);
  }

  /** The entry with expiry applied; undefined once its inbox record is gone. */
  #entry(id: string, now = this.#now()): RequestEntry | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (!entry.ended && entry.state !== 'read' && now >= entry.expiresAt) {
      this.#budget.release(bytesOf(entry));
      entry.envelope = null;
      entry.answer = null;
      entry.alert = null;
      entry.ended = true;
    }
    if (now >= entry.forgetAt) {
      this.#entries.delete(id);
      this.#budget.release(ENTRY_OVERHEAD_BYTES + bytesOf(entry));
      return undefined;
    }
    return entry;
  }

  /** The entry the responder may see: the request has not ended (open, or answered, read or not). */
  #responderEntry(id: string, accessHash: Uint8Array, now?: number): RequestEntry | undefined {
    assertHash('accessHash', accessHash);
    const entry = this.#entry(id, now);
    if (!entry || entry.ended || (now ?? this.#now()) >= entry.expiresAt) return undefined;
    return hashesEqual(entry.accessHash, accessHash) ? entry : undefined;
  }

  #requesterEntry(id: string, inboxHash: Uint8Array, now?: number): RequestEntry | undefined {
    assertHash('inboxHash', inboxHash);
    const entry = this.#entry(id, now);
    return entry && hashesEqual(entry.inboxHash, inboxHash) ? entry : undefined;
  }
}

function bytesOf(entry: RequestEntry): number {
  return (entry.envelope?.length ?? 0) + (entry.answer?.length ?? 0);
}
