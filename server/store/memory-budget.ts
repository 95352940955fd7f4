/**
 * The byte budget the in-memory stores (secrets and requests) share, so together they
 * cannot exhaust the heap. A store that finds the budget full asks every store sharing
 * it to sweep out what has expired before it refuses.
 */
import { StoreUnavailableError } from './secret-store.js';

export class MemoryBudget {
  readonly #sweepers = new Set<() => void>();
  #usedBytes = 0;

  constructor(readonly maxBytes: number) {}

  /** Bytes currently charged. */
  get usedBytes(): number {
    return this.#usedBytes;
  }

  /** Registers a store's sweep; returns the function that unregisters it. */
  addSweeper(sweep: () => void): () => void {
    this.#sweepers.add(sweep);
    return () => this.#sweepers.delete(sweep);
  }

  /** Charges `bytes`, sweeping first if they do not fit; throws StoreUnavailableError('full') if they still do not. */
  charge(bytes: number): void {
    if (this.#usedBytes + bytes > this.maxBytes) for (const sweep of this.#sweepers) sweep();
    if (this.#usedBytes + bytes > this.maxBytes) throw new StoreUnavailableError('the memory store is full', 'full');
    this.#usedBytes += bytes;
  }

  release(bytes: number): void {
    this.#usedBytes -= bytes;
  }
}
