/**
 * Requests on Redis, beside the RedisStore's secrets on the same client. Every
 * operation is one Lua script over one request's keys (request-scripts.ts has the
 * layout), so of concurrent answers one wins and of concurrent reads one gets the answer.
 */
import type { Cluster, Redis } from 'ioredis';
import { toStoreError } from './redis.js';
import { hashesEqual } from './hashes.js';
import { buffer, integer, list, optionalBuffer } from './redis-replies.js';
import { decodeAlert, encodeAlert, runScript, type LuaScript } from './redis-scripts.js';
import type { AnswerOutcome, Inbox, NewRequest, ReadOutcome, RequestStatus, RequestStore } from './request-store.js';
import {
  ANSWER,
  CREATE_REQUEST,
  INBOX_BYTES,
  INBOX_HASH_OFFSET,
  READ_ANSWER,
  READ_INBOX_STATE,
  REQUEST_HEADER_BYTES,
  REQUEST_LAYOUT_VERSION,
  REQUEST_STATUS,
  STORED_REQUEST_STATES,
} from './request-scripts.js';
import type { StoreLimits } from './secret-store.js';
import { assertHash, assertValidRequest } from './invariants.js';

export interface RedisRequestStoreOptions {
  redis: Redis | Cluster;
  limits: StoreLimits;
  /** Put before every key; must not contain braces, which would break the hash tag. */
  keyPrefix?: string;
}

/** RequestStore on Redis (single node, Sentinel or Cluster, through ioredis). */
export class RedisRequestStore implements RequestStore {
  readonly #redis: Redis | Cluster;
  readonly #limits: StoreLimits;
  readonly #prefix: string;

  constructor(options: RedisRequestStoreOptions) {
    const prefix = options.keyPrefix ?? 'bl:';
    if (/[{}]/.test(prefix)) throw new RangeError('keyPrefix must not contain { or }');
    this.#redis = options.redis;
    this.#limits = options.limits;
    this.#prefix = prefix;
  }

  async createRequest(request: NewRequest): Promise<{ expiresAt: number }> {
    assertValidRequest(request);
    if (request.ttlSeconds > 0xffff_ffff) throw new RangeError('ttlSeconds must fit 32 bits');
    const header = Buffer.alloc(REQUEST_HEADER_BYTES);
    header.writeUInt8(REQUEST_LAYOUT_VERSION, 0);
    header.writeUInt32BE(request.ttlSeconds, 2);
    header.set(request.accessHash, 6);
    const inbox = Buffer.alloc(INBOX_BYTES);
    inbox.writeUInt8(REQUEST_LAYOUT_VERSION, 0);
    inbox.set(request.inboxHash, INBOX_HASH_OFFSET);
    const [requestKey, inboxKey, , alertKey] = this.#keys(request.id);
    const reply = await this.#run(
      CREATE_REQUEST,
      [requestKey, inboxKey, alertKey],
      [
        Buffer.concat([header, request.envelope]),
        request.ttlSeconds,
        request.ttlSeconds + this.#limits.receiptRetentionSeconds,
        inbox,
        request.alert ? encodeAlert(request.alert) : '',
      ],
    );
    return { expiresAt: integer(reply) };
  }

  async requestStatus(id: string, accessHash: Uint8Array): Promise<RequestStatus | null> {
    assertHash('accessHash', accessHash);
    const reply = await this.#run(REQUEST_STATUS, [this.#keys(id)[0]], [Buffer.from(accessHash)]);
    if (reply === null) return null;
    const [state, expiresAt, envelope] = list(reply);
    if (integer(state) === 0) return { state: 'open', expiresAt: integer(expiresAt), envelope: buffer(envelope) };
    return { state: 'answered', expiresAt: integer(expiresAt) };
  }

  async answer(id: string, accessHash: Uint8Array, answer: Uint8Array): Promise<AnswerOutcome> {
    assertHash('accessHash', accessHash);
    const reply = list(
      await this.#run(ANSWER, this.#keys(id), [
        Buffer.from(accessHash),
        Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength),
        this.#limits.receiptRetentionSeconds,
      ]),
    );
    const kind = String(reply[0]);
    switch (kind) {
      case 'not_found':
      case 'already_answered':
        return { kind };
      case 'answered': {
        const alert = optionalBuffer(reply[2]);
        return { kind, expiresAt: integer(reply[1]), ...(alert && { alert: decodeAlert(alert) }) };
      }
      default:
        throw new Error(`unexpected answer reply: ${kind}`);
    }
  }

  async inbox(id: string, inboxHash: Uint8Array): Promise<Inbox | null> {
    assertHash('inboxHash', inboxHash);
    const [requestKey, inboxKey] = this.#keys(id);
    const reply = await this.#run(READ_INBOX_STATE, [requestKey, inboxKey], [Buffer.from(inboxHash)]);
    if (reply === null) return null;
    const [bytes, requestExists, envelope] = list(reply);
    const inbox = buffer(bytes);
    // The script compared the hash; compared again here in constant time, as defence in depth.
    if (!hashesEqual(inbox.subarray(INBOX_HASH_OFFSET, INBOX_BYTES), inboxHash)) return null;
    const stored = STORED_REQUEST_STATES[inbox.readUInt8(1)];
    if (!stored) throw new Error(`unexpected request state: ${inbox.readUInt8(1)}`);
    const answeredAt = inbox.readUIntBE(8, 6);
    const readAt = inbox.readUIntBE(14, 6);
    const expired = stored !== 'read' && integer(requestExists) === 0;
    const requestEnvelope = optionalBuffer(envelope);
    return {
      state: expired ? 'expired' : stored,
      expiresAt: inbox.readUIntBE(2, 6),
      answeredAt: answeredAt === 0 ? null : answeredAt,
      readAt: readAt === 0 ? null : readAt,
      ...(requestEnvelope && !expired && { envelope: requestEnvelope }),
    };
  }

  async readAnswer(id: string, inboxHash: Uint8Array): Promise<ReadOutcome> {
    assertHash('inboxHash', inboxHash);
    const [requestKey, inboxKey, answerKey] = this.#keys(id);
    const reply = list(await this.#run(READ_ANSWER, [requestKey, inboxKey, answerKey], [Buffer.from(inboxHash)]));
    const kind = String(reply[0]);
    switch (kind) {
      case 'not_found':
      case 'not_answered':
        return { kind };
      case 'read':
        return { kind, answer: buffer(reply[1]) };
      default:
        throw new Error(`unexpected read reply: ${kind}`);
    }
  }

  async close(): Promise<void> {
    // The client is its creator's to close (plugins/redis.ts in the app).
  }

  #keys(id: string): [request: string, inbox: string, answer: string, alert: string] {
    const tag = `${this.#prefix}{${id}}`;
    return [`${tag}:q`, `${tag}:qi`, `${tag}:qx`, `${tag}:qa`];
  }

  async #run(script: LuaScript, keys: string[], args: (string | Buffer | number)[]): Promise<unknown> {
    try {
      return await runScript(this.#redis, script, keys, args);
    } catch (error) {
      throw toStoreError(error);
    }
  }
}
