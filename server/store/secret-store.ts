/**
 * The storage contract shared by the memory and Redis stores. It knows nothing of HTTP:
 * the routes hash the proofs and tokens, the store compares hashes and keeps bytes.
 */

/** What the sender's receipt can say about a secret. */
export type ReceiptState = 'pending' | 'viewed' | 'burned' | 'expired' | 'locked';

/** Where to send an alert that carries no secret (DESIGN §5a); never shown to the other party, never logged. */
export interface AlertRecipient {
  email: string;
  /** The language the person used, for the alert's text ("en", "de"). */
  language: string;
}

export interface NewSecret {
  id: string;
  /** The envelope, raw bytes (never base64 in storage). */
  ciphertext: Uint8Array;
  /** SHA-256 of the access proof (32 bytes). */
  accessHash: Uint8Array;
  /** SHA-256 of the unlock proof (32 bytes); present exactly when a passphrase is set. */
  unlockHash?: Uint8Array;
  /** SHA-256 of the manage token (32 bytes). */
  manageHash: Uint8Array;
  views: number;
  ttlSeconds: number;
  /** Who to tell when it is viewed; kept only while the secret lives. */
  alert?: AlertRecipient;
}

export interface SecretStatus {
  expiresAt: number;
  viewsLeft: number;
  passphrase: boolean;
  attemptsLeft: number;
}

export type RevealOutcome =
  | { kind: 'revealed'; ciphertext: Uint8Array; viewsLeft: number; alert?: AlertRecipient }
  /** Unknown id, wrong access hash, expired or burned: the caller cannot tell which. */
  | { kind: 'not_found' }
  /** A passphrase secret asked without an unlock hash. Nothing is counted. */
  | { kind: 'unlock_required' }
  /** A plain secret asked with an unlock hash. Nothing is counted. */
  | { kind: 'unlock_unexpected' }
  /** Wrong unlock hash: counted; at zero attempts left the secret is gone and locked. */
  | { kind: 'wrong_passphrase'; attemptsLeft: number };

export interface Receipt {
  state: ReceiptState;
  /**
   * Epoch milliseconds of the create; null only for a Redis receipt written before the
   * store kept it (receipt layout 1).
   */
  createdAt: number | null;
  expiresAt: number;
  /**
   * Epoch milliseconds of the moment the secret could no longer be viewed: its last view,
   * the burn, the wrong passphrase that locked it, or its expiry. Null while it can still
   * be viewed (and for a layout-1 Redis receipt burned or locked).
   */
  burnedAt: number | null;
  viewsLeft: number;
  /** Epoch milliseconds of each successful reveal, oldest first. */
  viewedAt: number[];
  failedAttempts: number;
}

export interface RevealRequest {
  id: string;
  accessHash: Uint8Array;
  unlockHash?: Uint8Array;
}

export interface SecretStore {
  /** Stores a new secret and its receipt; the secret never exists without its expiry. */
  create(secret: NewSecret): Promise<{ expiresAt: number }>;
  /** Looks at a secret without burning anything; null when reveal would say not_found. */
  status(id: string, accessHash: Uint8Array): Promise<SecretStatus | null>;
  /** Checks the hashes, returns the ciphertext and burns one view, atomically. */
  reveal(request: RevealRequest): Promise<RevealOutcome>;
  /** Burns the secret now; true while the receipt lives and the token matches. */
  burn(id: string, manageHash: Uint8Array): Promise<boolean>;
  /** The sender's receipt; null for an unknown id or a wrong token. */
  receipt(id: string, manageHash: Uint8Array): Promise<Receipt | null>;
  /** Resolves when the store can serve requests, rejects with StoreUnavailableError. */
  ping(): Promise<void>;
  /** Stops timers; the Redis client is closed by its owner. */
  close(): Promise<void>;
}

/** The store cannot be reached or is out of memory: the API answers 503. */
export class StoreUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'unreachable' | 'full' = 'unreachable',
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

export interface StoreLimits {
  /** Wrong passphrases after which a secret is burned and its receipt says locked. */
  maxAttempts: number;
  /** How long a receipt outlives its secret's expiry. */
  receiptRetentionSeconds: number;
}
