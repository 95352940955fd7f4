/**
 * The HTTP client for /api (DESIGN §3), shared by the page and the CLI. Bytes in,
 * bytes out: base64url exists only on the wire.
 */
import type { paths } from './api-types.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';

/**
 * The JSON an operation answers with `status`, from the server's own schemas
 * (api-types.ts, generated), so a field the server renames fails the clients' type check.
 */
type Answer<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** The JSON body an operation takes, from the same schemas. */
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type Created = Answer<'/api/secrets', 'post', 201>;
export type SecretStatus = Answer<'/api/secrets/{id}/status', 'post', 200>;
/** What the server accepts (GET /api/limits), so a client offers only valid choices. */
export type Limits = Answer<'/api/limits', 'get', 200>;
export type Receipt = Answer<'/api/secrets/{id}/receipt', 'get', 200>;
export type ReceiptState = Receipt['state'];

/** Who to email when something happens (only where `Limits.alerts`). */
export type AlertRequest = NonNullable<Body<'/api/requests', 'post'>['alert']>;
export type CreatedRequest = Answer<'/api/requests', 'post', 201>;

type RequestStatusAnswer = Answer<'/api/requests/{id}/status', 'post', 200>;
/** The responder's view of a request: the request envelope, as bytes, while it is open. */
export type RequestStatus = Omit<RequestStatusAnswer, 'ciphertext'> & { envelope?: Uint8Array };

type InboxAnswer = Answer<'/api/requests/{id}/inbox', 'post', 200>;
/** The requester's view of their request: the request envelope, as bytes, until the answer is read. */
export type Inbox = Omit<InboxAnswer, 'ciphertext'> & { envelope?: Uint8Array };
export type InboxState = Inbox['state'];

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

/**
 * An operator's API token as text: `blt_` and 32 bytes in base64url. The server's own
 * rule is server/auth/api-token.ts (neither side imports the other); a test checks the two agree.
 */
export const API_TOKEN_SHAPE = /^blt_[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

export class ApiClient {
  constructor(
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    /**
     * An operator's API token (`blt_…`), sent as `Authorization: Bearer` on the two create
     * calls only: the CLI's BURNLINK_TOKEN. The page never has one.
     */
    private readonly apiToken?: string,
  ) {}

  /** The server's bounds on size, views and expiry. */
  async limits(): Promise<Limits> {
    return this.call<Limits>('GET', '/api/limits', { asCreator: true });
  }

  /** Stores an envelope; the proofs themselves never leave the client at creation. */
  async create(input: {
    envelope: Uint8Array;
    accessHash: Uint8Array;
    unlockHash?: Uint8Array;
    /** Seconds; left out, the server's default. */
    expiresIn?: number;
    views: number;
    alert?: AlertRequest;
  }): Promise<Created> {
    return this.call<Created>('POST', '/api/secrets', {
      token: this.apiToken,
      asCreator: true,
      body: {
        ciphertext: encodeBase64Url(input.envelope),
        accessHash: encodeBase64Url(input.accessHash),
        ...(input.unlockHash && { unlockHash: encodeBase64Url(input.unlockHash) }),
        expiresIn: input.expiresIn,
        views: input.views,
        ...(input.alert && { alert: input.alert }),
      } satisfies Body<'/api/secrets', 'post'>,
    });
  }

  /** Stores a request envelope; only the hashes of its two proofs leave the client. */
  async createRequest(input: {
    envelope: Uint8Array;
    accessHash: Uint8Array;
    inboxHash: Uint8Array;
    /** Seconds; left out, the server's default (the CLI's, when no --expires is given). */
    expiresIn?: number;
    alert?: AlertRequest;
  }): Promise<CreatedRequest> {
    return this.call<CreatedRequest>('POST', '/api/requests', {
      token: this.apiToken,
      asCreator: true,
      body: {
        ciphertext: encodeBase64Url(input.envelope),
        accessHash: encodeBase64Url(input.accessHash),
        inboxHash: encodeBase64Url(input.inboxHash),
        expiresIn: input.expiresIn,
        ...(input.alert && { alert: input.alert }),
      } satisfies Body<'/api/requests', 'post'>,
    });
  }

  /** The responder's look at a request; changes nothing. */
  async requestStatus(id: string, access: Uint8Array): Promise<RequestStatus> {
    const reply = await this.call<RequestStatusAnswer>('POST', `/api/requests/${encodeURIComponent(id)}/status`, {
      body: { access: encodeBase64Url(access) } satisfies Body<'/api/requests/{id}/status', 'post'>,
    });
    return { state: reply.state, expiresAt: reply.expiresAt, ...withEnvelope(reply.ciphertext) };
  }

  /** Answers a request with a sealed envelope; the server takes one answer. */
  async answer(
    id: string,
    access: Uint8Array,
    envelope: Uint8Array,
  ): Promise<Answer<'/api/requests/{id}/answer', 'post', 201>> {
    return this.call<Answer<'/api/requests/{id}/answer', 'post', 201>>(
      'POST',
      `/api/requests/${encodeURIComponent(id)}/answer`,
      {
        body: {
          access: encodeBase64Url(access),
          ciphertext: encodeBase64Url(envelope),
        } satisfies Body<'/api/requests/{id}/answer', 'post'>,
      },
    );
  }

  /** The requester's look at the inbox; changes nothing. */
  async inbox(id: string, proof: Uint8Array): Promise<Inbox> {
    const { ciphertext, ...rest } = await this.call<InboxAnswer>(
      'POST',
      `/api/requests/${encodeURIComponent(id)}/inbox`,
      { body: { access: encodeBase64Url(proof) } satisfies Body<'/api/requests/{id}/inbox', 'post'> },
    );
    return { ...rest, ...withEnvelope(ciphertext) };
  }

  /** Fetches the answer, which the server then destroys. */
  async revealAnswer(id: string, proof: Uint8Array): Promise<Uint8Array> {
    const reply = await this.call<Answer<'/api/requests/{id}/reveal', 'post', 200>>(
      'POST',
      `/api/requests/${encodeURIComponent(id)}/reveal`,
      {
        body: { access: encodeBase64Url(proof) } satisfies Body<'/api/requests/{id}/reveal', 'post'>,
      },
    );
    return withEnvelope(reply.ciphertext).envelope!;
  }

  /** Looks at a secret without burning it. */
  async status(id: string, access: Uint8Array): Promise<SecretStatus> {
    return this.call<SecretStatus>('POST', `/api/secrets/${encodeURIComponent(id)}/status`, {
      body: { access: encodeBase64Url(access) } satisfies Body<'/api/secrets/{id}/status', 'post'>,
    });
  }

  /** Fetches the envelope and burns one view. */
  async reveal(
    id: string,
    proofs: { access: Uint8Array; unlock?: Uint8Array },
  ): Promise<{ envelope: Uint8Array; viewsLeft: number }> {
    const reply = await this.call<Answer<'/api/secrets/{id}/reveal', 'post', 200>>(
      'POST',
      `/api/secrets/${encodeURIComponent(id)}/reveal`,
      {
        body: {
          access: encodeBase64Url(proofs.access),
          ...(proofs.unlock && { unlock: encodeBase64Url(proofs.unlock) }),
        } satisfies Body<'/api/secrets/{id}/reveal', 'post'>,
      },
    );
    return { envelope: withEnvelope(reply.ciphertext).envelope!, viewsLeft: reply.viewsLeft };
  }

  /** Burns a secret now, with the sender's manage token. */
  async burn(id: string, manageToken: string): Promise<void> {
    await this.call<void>('DELETE', `/api/secrets/${encodeURIComponent(id)}`, { token: manageToken });
  }

  /** The sender's receipt. */
  async receipt(id: string, manageToken: string): Promise<Receipt> {
    return this.call<Receipt>('GET', `/api/secrets/${encodeURIComponent(id)}/receipt`, { token: manageToken });
  }

  /**
   * `asCreator`: the call goes with this site's cookies, the sign-in session a server that
   * asks who creates (CREATE_AUTH) reads, or the one of the sign-in proxy in front. Every
   * other call goes without any: opening, answering and receipts say nothing of who asks.
   */
  private async call<T>(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; asCreator?: boolean },
  ): Promise<T> {
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
        credentials: options.asCreator ? 'same-origin' : 'omit',
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

/** An envelope from a reply's base64url, if it has one; damaged text is the server's fault. */
function withEnvelope(ciphertext: string | undefined): { envelope?: Uint8Array } {
  if (ciphertext === undefined) return {};
  try {
    return { envelope: decodeBase64Url(ciphertext) };
  } catch {
    throw new ApiError(0, 'bad_reply', 'The server sent damaged data.');
  }
}
