/**
 * Bounds the memory that uploads can hold while their bodies arrive: a body is buffered
 * whole before it is parsed, so 30 unfinished 11 MiB creates once held 330 MiB.
 *
 * - At most `CREATE_BYTES_IN_FLIGHT` bytes of bodies at once in this process, judged from
 *   `Content-Length` before a byte of the body is read; a body without a length (chunked)
 *   counts as the route's whole body limit. The last eighth is kept for bodies up to
 *   64 KiB, so large uploads cannot shut out small secrets. A single body larger than the
 *   cap is let in only when nothing else is in flight. Over it: `503 server_busy` with
 *   `Retry-After`.
 * - At most `MAX_UPLOADS_PER_CLIENT` uploads at once from one client
 *   (`request.clientKey`), in this process: `429 too_many_uploads` with `Retry-After`.
 *
 * What is refused is answered at once; Node then reads and drops the rest of the body,
 * which the request timeout bounds. A reservation ends when the response is done or the
 * connection closes. Routes opt in with `onRequest: uploadCap(app)`, after their rate limit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Uploads in flight; routes opt in through `uploadCap()`. */
    uploadGate: UploadGate;
  }
}

/** Most uploads are done within seconds; a refused client should not hammer the server meanwhile. */
const RETRY_AFTER_SECONDS = 5;
const SMALL_BODY_BYTES = 64 * 1024;

export class UploadGate {
  #bytesInFlight = 0;
  readonly #perClient = new Map<string, number>();

  constructor(
    private readonly maxBytes: number,
    private readonly maxPerClient: number,
  ) {}

  get active(): boolean {
    return this.maxBytes > 0 || this.maxPerClient > 0;
  }

  /** Bytes of bodies admitted and not yet answered. */
  get bytesInFlight(): number {
    return this.#bytesInFlight;
  }

  /** Reserves room for the request's body until it is answered, or throws the refusal. */
  admit(request: FastifyRequest, reply: FastifyReply): void {
    const limit = request.routeOptions.bodyLimit ?? request.server.initialConfig.bodyLimit ?? 0;
    const announced = request.headers['content-length'];
    const bytes = announced !== undefined ? Number(announced) : request.headers['transfer-encoding'] ? limit : 0;
    // No body, or one Fastify refuses unread (413, or 400 for a broken length).
    if (!(bytes > 0 && bytes <= limit)) return;

    const client = request.clientKey;
    const uploads = this.#perClient.get(client) ?? 0;
    if (this.maxPerClient > 0 && uploads >= this.maxPerClient) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      throw new HttpError(
        429,
        'too_many_uploads',
        `Your address is already sending ${uploads} secrets at once: wait until one has arrived.`,
      );
    }
    if (this.maxBytes > 0 && this.#bytesInFlight > 0) {
      const room = bytes <= SMALL_BODY_BYTES ? this.maxBytes : this.maxBytes - this.maxBytes / 8;
      if (this.#bytesInFlight + bytes > room) {
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        throw new HttpError(
          503,
          'server_busy',
          'The server is receiving too many secrets at once. Try again in a few seconds.',
        );
      }
    }

    this.#bytesInFlight += bytes;
    this.#perClient.set(client, uploads + 1);
    reply.raw.once('close', () => {
      this.#bytesInFlight -= bytes;
      const left = (this.#perClient.get(client) ?? 1) - 1;
      if (left > 0) this.#perClient.set(client, left);
      else this.#perClient.delete(client);
    });
  }
}

async function uploadCapPlugin(app: FastifyInstance, { config }: { config: Config }) {
  app.decorate('uploadGate', new UploadGate(config.createBytesInFlight, config.maxUploadsPerClient));
}

/** onRequest hooks that admit the request's body into the uploads in flight; none when both caps are off. */
export function uploadCap(app: FastifyInstance): onRequestHookHandler[] {
  const gate = app.uploadGate;
  if (!gate.active) return [];
  return [
    (request, reply, done) => {
      try {
        gate.admit(request, reply);
      } catch (refusal) {
        return done(refusal as Error);
      }
      done();
    },
  ];
}

export default fp(uploadCapPlugin, { name: 'upload-cap', fastify: '5.x', dependencies: ['client-key'] });
