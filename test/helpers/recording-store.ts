/**
 * A SecretStore that records every call before passing it on, so a test can prove that
 * a refused request never reached storage, and see exactly what the routes hand over.
 */
import type { NewSecret, RevealRequest, SecretStore } from '../../server/store/secret-store.js';

export type StoreMethod = Exclude<keyof SecretStore, 'close'>;

export class RecordingStore implements SecretStore {
  readonly calls: { method: StoreMethod; args: unknown[] }[] = [];

  constructor(readonly inner: SecretStore) {}

  /** How many calls were made, to one method or to any. */
  count(method?: StoreMethod): number {
    return this.calls.filter((call) => method === undefined || call.method === method).length;
  }

  create(secret: NewSecret) {
    this.calls.push({ method: 'create', args: [secret] });
    return this.inner.create(secret);
  }
  status(id: string, accessHash: Uint8Array) {
    this.calls.push({ method: 'status', args: [id, accessHash] });
    return this.inner.status(id, accessHash);
  }
  reveal(request: RevealRequest) {
    this.calls.push({ method: 'reveal', args: [request] });
    return this.inner.reveal(request);
  }
  burn(id: string, manageHash: Uint8Array) {
    this.calls.push({ method: 'burn', args: [id, manageHash] });
    return this.inner.burn(id, manageHash);
  }
  receipt(id: string, manageHash: Uint8Array) {
    this.calls.push({ method: 'receipt', args: [id, manageHash] });
    return this.inner.receipt(id, manageHash);
  }
  ping() {
    this.calls.push({ method: 'ping', args: [] });
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}
