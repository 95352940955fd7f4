/**
 * The HTTP client for /api (DESIGN §3), shared by the page and the CLI. Bytes in,
 * bytes out: base64url exists only on the wire.
 */
import { decodeBase64Url, encodeBase64Url } from './base64url.js';

export type ReceiptState = 'pending' | 'viewed' | 'burned' | 'expired' | 'locked';

export interface Created {
  id: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  manageToken: string;
}

export interface SecretStatus {
  expiresAt: number;
  viewsLeft: number;
  passphrase: boolean;
  attemptsLeft: number;
}

/** What the server accepts (GET /api/limits), so a client offers only valid choices. */
export interface Limits {
  /** The largest envelope, in bytes. */
  maxSecretBytes: number;
  maxViews: number;
  /** Seconds. */
  expiresIn: { min: number; max: number; default: number };
}

export interface Receipt {
  state: ReceiptState;
  expiresAt: number;
  viewsLeft: number;
  viewedAt: number[];
  failedAttempts: number;
}

/**
 * A refusal by the server (`status` and its error `code`), or `status` 0 with code
 * `network` when it could not be reached or answered something that is not our API.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly attemptsLeft?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class ApiClient {
  constructor(
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  /** The server's bounds on size, views and expiry. */
  async limits(): Promise<Limits> {
    return this.call<Limits>('GET', '/api/limits', {});
  }

  /** Stores an envelope; the proofs themselves never leave the client at creation. */
  async create(input: {
    envelope: Uint8Array;
    accessHash: Uint8Array;
    unlockHash?: Uint8Array;
    expiresIn: number;
    views: number;
  }): Promise<Created> {
    return this.call<Created>('POST', '/api/secrets', {
      body: {
        ciphertext: encodeBase64Url(input.envelope),
        accessHash: encodeBase64Url(input.accessHash),
        ...(input.unlockHash && { unlockHash: encodeBase64Url(input.unlockHash) }),
        expiresIn: input.expiresIn,
        views: input.views,
      },
    });
  }

  /** Looks at a secret without burning it. */
  async status(id: string, access: Uint8Array): Promise<SecretStatus> {
    return this.call<SecretStatus>('POST', `/api/secrets/${encodeURIComponent(id)}/status`, {
      body: { access: encodeBase64Url(access) },
    });
  }

  /** Fetches the envelope and burns one view. */
  async reveal(
    id: string,
    proofs: { access: Uint8Array; unlock?: Uint8Array },
  ): Promise<{ envelope: Uint8Array; viewsLeft: number }> {
    const reply = await this.call<{ ciphertext: string; viewsLeft: number }>(
      'POST',
      `/api/secrets/${encodeURIComponent(id)}/reveal`,
      {
        body: {
          access: encodeBase64Url(proofs.access),
          ...(proofs.unlock && { unlock: encodeBase64Url(proofs.unlock) }),
        },
      },
    );
    let envelope: Uint8Array;
    try {
      envelope = decodeBase64Url(reply.ciphertext);
    } catch {
      throw new ApiError(0, 'bad_reply', 'The server sent a damaged secret.');
    }
    return { envelope, viewsLeft: reply.viewsLeft };
  }

  /** Burns a secret now, with the sender's manage token. */
  async burn(id: string, manageToken: string): Promise<void> {
    await this.call<void>('DELETE', `/api/secrets/${encodeURIComponent(id)}`, { token: manageToken });
  }

  /** The sender's receipt. */
  async receipt(id: string, manageToken: string): Promise<Receipt> {
    return this.call<Receipt>('GET', `/api/secrets/${encodeURIComponent(id)}/receipt`, { token: manageToken });
  }

  private async call<T>(method: string, path: string, options: { body?: unknown; token?: string }): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached.');
    }
    if (response.status === 204) return undefined as T;
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError(
        response.ok ? 0 : response.status,
        'bad_reply',
        `The server answered ${response.status} without JSON.`,
      );
    }
    if (!response.ok) {
      const error = (json ?? {}) as { error?: unknown; message?: unknown; attemptsLeft?: unknown };
      throw new ApiError(
        response.status,
        typeof error.error === 'string' ? error.error : 'unknown',
        typeof error.message === 'string' ? error.message : `The server answered ${response.status}.`,
        typeof error.attemptsLeft === 'number' ? error.attemptsLeft : undefined,
      );
    }
    return json as T;
  }
}
