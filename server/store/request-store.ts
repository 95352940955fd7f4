/**
 * The storage contract for requests (asking someone for a secret, docs/FORMAT.md §7),
 * shared by the memory and Redis request stores. Like SecretStore it knows nothing of
 * HTTP: the routes hash the proofs, the store compares hashes and keeps bytes.
 *
 * A request lives for its lifetime while open. Answered, its answer is kept for the
 * same lifetime again, counted from the answer, so a late answer still leaves the
 * requester as long to read it as the request stood open. The inbox record outlives
 * both by the receipt retention, so the inbox can say "read" or "expired".
 */
import type { AlertRecipient } from './secret-store.js';

/** What the requester's inbox can say; 'expired' is derived (open or answered, and gone). */
export type InboxState = 'open' | 'answered' | 'read' | 'expired';

export interface NewRequest {
  id: string;
  /** The request envelope (note and public key, encrypted), raw bytes. */
  envelope: Uint8Array;
  /** SHA-256 of the request link's access proof. */
  accessHash: Uint8Array;
  /** SHA-256 of the inbox proof. */
  inboxHash: Uint8Array;
  ttlSeconds: number;
  /** Who to tell when it is answered; kept only until then, or until the request ends. */
  alert?: AlertRecipient;
}

/** What the responder sees. */
export interface RequestStatus {
  state: 'open' | 'answered';
  /** While open, when the request closes; answered, when its answer will be gone. */
  expiresAt: number;
  /** The request envelope, while the request is open. */
  envelope?: Uint8Array;
}

export type AnswerOutcome =
  | { kind: 'answered'; expiresAt: number; alert?: AlertRecipient }
  /** Someone answered first; this answer was not stored. */
  | { kind: 'already_answered' }
  /** Unknown id, wrong access hash or expired: the caller cannot tell which. */
  | { kind: 'not_found' };

/** What the requester sees. */
export interface Inbox {
  state: InboxState;
  /** Open: when the request closes. Answered: when the answer will be gone. Read/expired: when it ended or would have. */
  expiresAt: number;
  answeredAt: number | null;
  readAt: number | null;
  /** The request envelope, while the request is open or answered and unread. */
  envelope?: Uint8Array;
}

export type ReadOutcome =
  | { kind: 'read'; answer: Uint8Array }
  /** The right inbox hash, but nobody has answered yet. Nothing is changed. */
  | { kind: 'not_answered' }
  /** Unknown id, wrong inbox hash, expired, or the answer was already read. */
  | { kind: 'not_found' };

export interface RequestStore {
  /** Stores a new request and its inbox; neither ever exists without its expiry. */
  createRequest(request: NewRequest): Promise<{ expiresAt: number }>;
  /** The responder's view; null when an answer would be not_found. Changes nothing. */
  requestStatus(id: string, accessHash: Uint8Array): Promise<RequestStatus | null>;
  /** Stores the one answer, atomically: of concurrent answers exactly one wins. */
  answer(id: string, accessHash: Uint8Array, answer: Uint8Array): Promise<AnswerOutcome>;
  /** The requester's view; null for an unknown id or a wrong inbox hash. Changes nothing. */
  inbox(id: string, inboxHash: Uint8Array): Promise<Inbox | null>;
  /** Returns the answer and destroys it, atomically: of concurrent reads exactly one wins. */
  readAnswer(id: string, inboxHash: Uint8Array): Promise<ReadOutcome>;
  /** Stops timers; the Redis client is closed by its owner. */
  close(): Promise<void>;
}
