/**
 * The API's types, generated from the server's OpenAPI document (GET /api/openapi.json) by
 * `npm run api-types`: do not edit. api.ts names the ones clients use.
 */
export interface paths {
  '/api/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This document */
    get: operations['getOpenApi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers */
    get: operations['healthz'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the store answers */
    get: operations['readyz'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/limits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bounds of size, views and expiry this server accepts, what it offers, and its brand */
    get: operations['getLimits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/secrets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Store a secret */
    post: operations['createSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/secrets/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Look at a secret without burning anything */
    post: operations['getSecretStatus'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/secrets/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reveal a secret: check the proofs, return the ciphertext and burn one view, atomically */
    post: operations['revealSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/secrets/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Burn a secret now (idempotent while its receipt lives) */
    delete: operations['burnSecret'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/secrets/{id}/receipt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sender's receipt */
    get: operations['getReceipt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask for a secret: store a request */
    post: operations['createRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The responder's view of a request: its envelope while open; burns nothing */
    post: operations['getRequestStatus'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/answer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer a request once, with an envelope sealed to the requester */
    post: operations['answerRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The requester's inbox: whether the request has been answered; burns nothing */
    post: operations['getInbox'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reveal the answer: return it and destroy it, atomically */
    post: operations['revealAnswer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getOpenApi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI 3.1 document of this API. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
    };
  };
  healthz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: string;
          };
        };
      };
    };
  };
  readyz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: string;
          };
        };
      };
      /** @description `store_unavailable`: the storage is unreachable or full; try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
  getLimits: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description the largest envelope, in bytes */
            maxSecretBytes: number;
            maxViews: number;
            /** @description seconds */
            expiresIn: {
              min: number;
              max: number;
              default: number;
            };
            /** @description the expiries to offer, in seconds, ascending (EXPIRY_CHOICES); the default is one of them */
            expiryChoices: number[];
            /** @description whether this server sends email alerts (SMTP is configured) */
            alerts: boolean;
            /** @description whether to offer attaching files (ALLOW_FILES); the server cannot see inside an envelope, so clients keep to this themselves */
            files: boolean;
            /** @description whether every secret needs a passphrase (a create without unlockHash is refused) */
            passphraseRequired: boolean;
            /** @description whether new requests for a secret may be made (POST /api/requests) */
            requests: boolean;
            /** @description how the operator brands this site (BRAND_*) */
            brand: {
              /** @description the product name */
              name: string;
              /** @description who runs this site; '' when not configured */
              operator: string;
              /** @description the logo's URL on this site; '' for none */
              logo: string;
              /** @description the home page's lead text; '' for the built-in one */
              lead: string;
              /** @description footer links: https:// addresses or paths on this site */
              links: {
                /** @description '' when not configured */
                imprint: string;
                /** @description '' when not configured */
                privacy: string;
                /** @description '' when not configured */
                terms: string;
              };
            };
            /** @description who may create here, and whether the one asking may */
            create: {
              /** @description CREATE_AUTH: who may create secrets and requests */
              auth: 'none' | 'header' | 'oidc';
              /** @description whether this request, as sent, may create */
              allowed: boolean;
              /** @description who this request creates as (the audit log records it); null for nobody */
              user: string | null;
            };
          };
        };
      };
    };
  };
  createSecret: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description the envelope (docs/FORMAT.md), canonical base64url */
          ciphertext: string;
          /** @description 32 bytes, canonical base64url */
          accessHash: string;
          /** @description 32 bytes, canonical base64url */
          unlockHash?: string;
          /** @description seconds until the secret expires; the default is in GET /api/limits */
          expiresIn?: number;
          /** @description views allowed; default 1 */
          views?: number;
          /** @description Send an email each time the secret is viewed: what happened and when, nothing secret. */
          alert?: {
            /** @description the address to tell; kept only while it may be needed, never shown to the other party */
            email: string;
            /** @description the language of the alert, as a language tag ("en", "de-AT"); English unless German */
            language: string;
          };
        };
      };
    };
    responses: {
      /** @description Stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description the secret's id, for its link */
            id: string;
            /** @description when the secret expires, in epoch milliseconds */
            expiresAt: number;
            /** @description for the receipt and for burning: keep it private */
            manageToken: string;
          };
        };
      };
      /**
       * @description `invalid_request`: a malformed or missing body, path parameter or header, or an unknown field (the message says which); also a URL that cannot be decoded or malformed HTTP.
       *     `invalid_envelope`: the ciphertext is not an envelope a burnlink client makes.
       *     `alerts_unavailable`: an alert address was sent, but this server does not send email alerts (GET /api/limits says so).
       *     `passphrase_mandatory`: this server takes only secrets with a passphrase (GET /api/limits: passphraseRequired): send unlockHash.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'invalid_request' | 'invalid_envelope' | 'alerts_unavailable' | 'passphrase_mandatory';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /**
       * @description `sign_in_required`: creating secrets and requests on this server needs a signed-in user or an API token (GET /api/limits says how); reading and answering never do.
       *     `invalid_token`: the API token (Authorization: Bearer blt_…) is unknown, revoked or not a whole token.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'sign_in_required' | 'invalid_token';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `not_allowed`: the signed-in user may not create here (not in an allowed domain or group), an identity header came from an address that is not the trusted proxy, or the feature is off. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_allowed';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `too_large`: the body, or the envelope in it, is larger than this server accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'too_large';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `unsupported_media_type`: the body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'unsupported_media_type';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /**
       * @description `rate_limited`: too many requests from this address; the message says when to retry.
       *     `quota_exceeded`: this address has stored as much as it may (size × days kept); Retry-After says when it may again, unless the secret could never fit (then choose a shorter expiry or send less).
       *     `too_many_uploads`: this address is already sending as many secrets at once as it may.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'rate_limited' | 'quota_exceeded' | 'too_many_uploads';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /**
       * @description `store_unavailable`: the storage is unreachable or full; try again later.
       *     `store_nearly_full`: the storage is short of room and takes only small secrets that expire within a day for now.
       *     `server_busy`: the server is receiving too many bytes at once; Retry-After says when to retry.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable' | 'store_nearly_full' | 'server_busy';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
  getSecretStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a secret id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description 32 bytes, canonical base64url */
          access: string;
        };
      };
    };
    responses: {
      /** @description The secret exists and the access proof is right. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description when the secret expires, in epoch milliseconds */
            expiresAt: number;
            /** @description views left before the secret is gone */
            viewsLeft: number;
            /** @description whether revealing needs the unlock proof */
            passphrase: boolean;
            /** @description wrong passphrases allowed before the secret is destroyed */
            attemptsLeft: number;
          };
        };
      };
      /** @description `invalid_request`: a malformed or missing body, path parameter or header, or an unknown field (the message says which); also a URL that cannot be decoded or malformed HTTP. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'invalid_request';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `not_found`: unknown id, wrong access proof or manage token, expired or burned: one answer for all, so it never tells whether a secret exists. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_found';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `too_large`: the body, or the envelope in it, is larger than this server accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'too_large';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `uri_too_long`: a path parameter is longer than this server accepts. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'uri_too_long';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `unsupported_media_type`: the body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'unsupported_media_type';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `rate_limited`: too many requests from this address; the message says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'rate_limited';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `store_unavailable`: the storage is unreachable or full; try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
  revealSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a secret id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description 32 bytes, canonical base64url */
          access: string;
          /** @description 32 bytes, canonical base64url */
          unlock?: string;
        };
      };
    };
    responses: {
      /** @description Revealed; one view is used up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * Format: unsafe
             * @description the envelope, base64url
             */
            ciphertext: string;
            /** @description views left before the secret is gone */
            viewsLeft: number;
          };
        };
      };
      /**
       * @description `invalid_request`: a malformed or missing body, path parameter or header, or an unknown field (the message says which); also a URL that cannot be decoded or malformed HTTP.
       *     `passphrase_required`: the secret has a passphrase and no unlock proof was sent; not counted as an attempt.
       *     `no_passphrase`: an unlock proof was sent for a secret without a passphrase; not counted as an attempt.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'invalid_request' | 'passphrase_required' | 'no_passphrase';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `wrong_passphrase`: the unlock proof is wrong; attemptsLeft says how many attempts remain, and at 0 the secret is destroyed and its receipt says locked. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'wrong_passphrase';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
            /** @description wrong passphrases allowed before the secret is destroyed */
            attemptsLeft: number;
          };
        };
      };
      /** @description `not_found`: unknown id, wrong access proof or manage token, expired or burned: one answer for all, so it never tells whether a secret exists. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_found';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `too_large`: the body, or the envelope in it, is larger than this server accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'too_large';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `uri_too_long`: a path parameter is longer than this server accepts. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'uri_too_long';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `unsupported_media_type`: the body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'unsupported_media_type';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `rate_limited`: too many requests from this address; the message says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'rate_limited';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `store_unavailable`: the storage is unreachable or full; try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
  burnSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a secret id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Burned, or already gone while the receipt lives. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `invalid_request`: a malformed or missing body, path parameter or header, or an unknown field (the message says which); also a URL that cannot be decoded or malformed HTTP. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'invalid_request';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `not_found`: unknown id, wrong access proof or manage token, expired or burned: one answer for all, so it never tells whether a secret exists. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_found';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `too_large`: the body, or the envelope in it, is larger than this server accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'too_large';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `uri_too_long`: a path parameter is longer than this server accepts. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'uri_too_long';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `unsupported_media_type`: the body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'unsupported_media_type';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `rate_limited`: too many requests from this address; the message says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'rate_limited';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `store_unavailable`: the storage is unreachable or full; try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
  getReceipt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a secret id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The receipt. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description pending: can still be viewed; viewed: every view used; burned: by the sender; expired; locked: too many wrong passphrases */
            state: 'pending' | 'viewed' | 'burned' | 'expired' | 'locked';
            /** @description when the secret was stored, in epoch milliseconds; null only for a receipt kept from before the server recorded it */
            createdAt: number | null;
            /** @description when the secret expires, in epoch milliseconds */
            expiresAt: number;
            /** @description when the secret stopped being viewable, in epoch milliseconds: its last view, the burn, the wrong passphrase that locked it, or its expiry; null while it can still be viewed (and when a receipt kept from before the server recorded it was burned or locked) */
            burnedAt: number | null;
            /** @description views left before the secret is gone */
            viewsLeft: number;
            /** @description when each view was revealed, epoch milliseconds */
            viewedAt: number[];
            /** @description wrong passphrases so far */
            failedAttempts: number;
          };
        };
      };
      /** @description `invalid_request`: a malformed or missing body, path parameter or header, or an unknown field (the message says which); also a URL that cannot be decoded or malformed HTTP. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'invalid_request';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `not_found`: unknown id, wrong access proof or manage token, expired or burned: one answer for all, so it never tells whether a secret exists. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_found';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `rate_limited`: too many requests from this address; the message says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'rate_limited';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `store_unavailable`: the storage is unreachable or full; try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
  createRequest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description the envelope (docs/FORMAT.md), canonical base64url */
          ciphertext: string;
          /** @description 32 bytes, canonical base64url */
          accessHash: string;
          /** @description 32 bytes, canonical base64url */
          inboxHash: string;
          /** @description seconds the request stays open; the default is in GET /api/limits */
          expiresIn?: number;
          /** @description Send an email when the request is answered: what happened and when, nothing secret. */
          alert?: {
            /** @description the address to tell; kept only while it may be needed, never shown to the other party */
            email: string;
            /** @description the language of the alert, as a language tag ("en", "de-AT"); English unless German */
            language: string;
          };
        };
      };
    };
    responses: {
      /** @description Stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description the request's id, for both links */
            id: string;
            /** @description when it closes, in epoch milliseconds */
            expiresAt: number;
          };
        };
      };
      /**
       * @description `invalid_request`: a malformed or missing body, path parameter or header, or an unknown field (the message says which); also a URL that cannot be decoded or malformed HTTP.
       *     `invalid_envelope`: the ciphertext is not an envelope a burnlink client makes.
       *     `alerts_unavailable`: an alert address was sent, but this server does not send email alerts (GET /api/limits says so).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'invalid_request' | 'invalid_envelope' | 'alerts_unavailable';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /**
       * @description `sign_in_required`: creating secrets and requests on this server needs a signed-in user or an API token (GET /api/limits says how); reading and answering never do.
       *     `invalid_token`: the API token (Authorization: Bearer blt_…) is unknown, revoked or not a whole token.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'sign_in_required' | 'invalid_token';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `not_allowed`: the signed-in user may not create here (not in an allowed domain or group), an identity header came from an address that is not the trusted proxy, or the feature is off. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_allowed';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `too_large`: the body, or the envelope in it, is larger than this server accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'too_large';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `unsupported_media_type`: the body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'unsupported_media_type';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /**
       * @description `rate_limited`: too many requests from this address; the message says when to retry.
       *     `quota_exceeded`: this address has stored as much as it may (size × days kept); Retry-After says when it may again, unless the secret could never fit (then choose a shorter expiry or send less).
       *     `too_many_uploads`: this address is already sending as many secrets at once as it may.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'rate_limited' | 'quota_exceeded' | 'too_many_uploads';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /**
       * @description `store_unavailable`: the storage is unreachable or full; try again later.
       *     `store_nearly_full`: the storage is short of room and takes only small secrets that expire within a day for now.
       *     `server_busy`: the server is receiving too many bytes at once; Retry-After says when to retry.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable' | 'store_nearly_full' | 'server_busy';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
  getRequestStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a secret id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description 32 bytes, canonical base64url */
          access: string;
        };
      };
    };
    responses: {
      /** @description The request exists and the access proof is right. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description open: waiting for its one answer; answered: someone has answered it */
            state: 'open' | 'answered';
            /** @description open: when it closes; answered: when the answer will be gone, in epoch milliseconds */
            expiresAt: number;
            /** @description the request envelope, base64url; only while open */
            ciphertext?: string;
          };
        };
      };
      /** @description `invalid_request`: a malformed or missing body, path parameter or header, or an unknown field (the message says which); also a URL that cannot be decoded or malformed HTTP. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'invalid_request';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `not_found`: unknown id, wrong access proof or manage token, expired or burned: one answer for all, so it never tells whether a secret exists. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_found';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `too_large`: the body, or the envelope in it, is larger than this server accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'too_large';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `uri_too_long`: a path parameter is longer than this server accepts. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'uri_too_long';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `unsupported_media_type`: the body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'unsupported_media_type';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `rate_limited`: too many requests from this address; the message says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'rate_limited';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `store_unavailable`: the storage is unreachable or full; try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
  answerRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a secret id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description 32 bytes, canonical base64url */
          access: string;
          /** @description the envelope (docs/FORMAT.md), canonical base64url */
          ciphertext: string;
        };
      };
    };
    responses: {
      /** @description The answer is stored; the request is now answered. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description when the answer will be gone unless revealed before, in epoch milliseconds */
            expiresAt: number;
          };
        };
      };
      /**
       * @description `invalid_request`: a malformed or missing body, path parameter or header, or an unknown field (the message says which); also a URL that cannot be decoded or malformed HTTP.
       *     `invalid_envelope`: the ciphertext is not an envelope a burnlink client makes.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'invalid_request' | 'invalid_envelope';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `not_found`: unknown id, wrong access proof or manage token, expired or burned: one answer for all, so it never tells whether a secret exists. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_found';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `already_answered`: the request has already been answered: it takes one answer. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'already_answered';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `too_large`: the body, or the envelope in it, is larger than this server accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'too_large';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `uri_too_long`: a path parameter is longer than this server accepts. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'uri_too_long';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `unsupported_media_type`: the body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'unsupported_media_type';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /**
       * @description `rate_limited`: too many requests from this address; the message says when to retry.
       *     `quota_exceeded`: this address has stored as much as it may (size × days kept); Retry-After says when it may again, unless the secret could never fit (then choose a shorter expiry or send less).
       *     `too_many_uploads`: this address is already sending as many secrets at once as it may.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'rate_limited' | 'quota_exceeded' | 'too_many_uploads';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /**
       * @description `store_unavailable`: the storage is unreachable or full; try again later.
       *     `store_nearly_full`: the storage is short of room and takes only small secrets that expire within a day for now.
       *     `server_busy`: the server is receiving too many bytes at once; Retry-After says when to retry.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable' | 'store_nearly_full' | 'server_busy';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
  getInbox: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a secret id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description 32 bytes, canonical base64url */
          access: string;
        };
      };
    };
    responses: {
      /** @description The inbox exists and the inbox proof is right. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description open: not answered yet; answered: an answer waits to be revealed; read: the answer was revealed (and destroyed); expired: the request or its answer ran out of time */
            state: 'open' | 'answered' | 'read' | 'expired';
            /** @description open: when the request closes; answered: when the answer will be gone, in epoch milliseconds */
            expiresAt: number;
            answeredAt: number | null;
            readAt: number | null;
            /** @description the request envelope, base64url, so the inbox can show its note; until the answer is read */
            ciphertext?: string;
          };
        };
      };
      /** @description `invalid_request`: a malformed or missing body, path parameter or header, or an unknown field (the message says which); also a URL that cannot be decoded or malformed HTTP. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'invalid_request';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `not_found`: unknown id, wrong access proof or manage token, expired or burned: one answer for all, so it never tells whether a secret exists. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_found';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `too_large`: the body, or the envelope in it, is larger than this server accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'too_large';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `uri_too_long`: a path parameter is longer than this server accepts. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'uri_too_long';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `unsupported_media_type`: the body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'unsupported_media_type';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `rate_limited`: too many requests from this address; the message says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'rate_limited';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `store_unavailable`: the storage is unreachable or full; try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
  revealAnswer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a secret id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description 32 bytes, canonical base64url */
          access: string;
        };
      };
    };
    responses: {
      /** @description Revealed; the answer is destroyed on the server. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * Format: unsafe
             * @description the sealed answer, base64url
             */
            ciphertext: string;
          };
        };
      };
      /** @description `invalid_request`: a malformed or missing body, path parameter or header, or an unknown field (the message says which); also a URL that cannot be decoded or malformed HTTP. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'invalid_request';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `not_found`: unknown id, wrong access proof or manage token, expired or burned: one answer for all, so it never tells whether a secret exists. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_found';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `not_answered`: nobody has answered the request yet; nothing was changed. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'not_answered';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `too_large`: the body, or the envelope in it, is larger than this server accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'too_large';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `uri_too_long`: a path parameter is longer than this server accepts. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'uri_too_long';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `unsupported_media_type`: the body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'unsupported_media_type';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `rate_limited`: too many requests from this address; the message says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'rate_limited';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
      /** @description `store_unavailable`: the storage is unreachable or full; try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            error: 'store_unavailable';
            /** @description what went wrong, in a sentence a person understands */
            message: string;
          };
        };
      };
    };
  };
}
