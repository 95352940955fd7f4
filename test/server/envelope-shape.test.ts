/**
 * The server's envelope shape check (server/envelope-shape.ts) against the client's own
 * rule (readHeader, isPaddedSize), which the server may not import: both must accept and
 * refuse exactly the same bytes, on every test vector and on every length. And the create
 * route refuses what no client makes with `400 invalid_envelope`, before the store.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  envelopeShapeProblem,
  isPaddedSize,
  SECRET_ENVELOPE,
  SECRET_ENVELOPE_V2,
} from '../../server/envelope-shape.js';
import { MemoryStore } from '../../server/store/memory.js';
import { decodeBase64Url } from '../../web/src/lib/base64url.js';
import { isPaddedSize as clientIsPaddedSize } from '../../web/src/lib/envelope-payload.js';
import { readHeader } from '../../web/src/lib/envelope.js';
import { jsonOf } from '../helpers/json.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { RecordingStore } from '../helpers/recording-store.js';
import { buildTestApp } from '../helpers/server.js';
import { readVectors, vectorVersion } from '../vectors/generate.js';

const vectors = readVectors();

/** The secret formats the create route takes: 2, and 1 from clients made before it. */
const SECRET_KINDS = [SECRET_ENVELOPE_V2, SECRET_ENVELOPE];
const serverAccepts = (bytes: Uint8Array) => envelopeShapeProblem(bytes, SECRET_KINDS) === undefined;
function clientAccepts(bytes: Uint8Array): boolean {
  try {
    readHeader(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Bytes of this length whose first two bytes are `type` and `flags` (the rest never read). */
function shaped(length: number, type: number, flags: number): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set([type, flags].slice(0, length));
  return bytes;
}

describe('the server and the client agree on an envelope’s shape', () => {
  it.each(vectors.map((v) => [`v${vectorVersion(v)} ${v.name}`, v] as const))('vector %s', (_name, v) => {
    const bytes = decodeBase64Url(v.envelope);
    expect(serverAccepts(bytes)).toBe(clientAccepts(bytes));
  });

  it.each([
    // Padmé's steps (1024, 1088, 1152, …): a few hundred sizes, neither a handful nor most.
    [1024, 325],
    // Format 2's minimum, then Padmé's steps from 960 (960, 992, 1024, …).
    [951, 328],
  ])('on every size up to 9 MiB (past the default MAX_SECRET_BYTES), at least %i', (minimum, sizes) => {
    const mismatches: number[] = [];
    let padded = 0;
    for (let size = 0; size <= 9 << 20; size++) {
      const server = isPaddedSize(size, minimum);
      if (server !== clientIsPaddedSize(size, minimum)) mismatches.push(size);
      if (server) padded++;
    }
    expect(mismatches).toEqual([]);
    expect(padded).toBe(sizes);
  });

  it('on random and near-power-of-two sizes up to 2^40', () => {
    const near = fc
      .tuple(fc.integer({ min: 10, max: 40 }), fc.integer({ min: -4096, max: 4096 }))
      .map(([bits, offset]) => Math.max(0, 2 ** bits + offset));
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }), near), fc.constantFrom(1024, 951), (size, minimum) => {
        expect(isPaddedSize(size, minimum)).toBe(clientIsPaddedSize(size, minimum));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on every type byte, flag byte and length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.oneof(
          fc.integer({ min: 0, max: 20_000 }),
          fc.constantFrom(0, 1, 2, 13, 14, 980, 981, 982, 990, 1053, 1054, 1055, 1118),
        ),
        (type, flags, length) => {
          const bytes = shaped(length, type, flags);
          expect(serverAccepts(bytes)).toBe(clientAccepts(bytes));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

describe('the create route checks the shape before the store', () => {
  async function recordingApp() {
    const store = new RecordingStore(
      new MemoryStore({ limits: { maxAttempts: 10, receiptRetentionSeconds: 60 }, maxBytes: 256 << 20 }),
    );
    return { store, app: await buildTestApp({ maxSecretBytes: 8 << 20 }, { store }) };
  }

  it('refuses envelopes no client makes with 400 invalid_envelope, and accepts every vector’s shape', async () => {
    const { store, app } = await recordingApp();
    const p = newProofs();
    const withPassphrase = newProofs(true);
    const plain = fakeEnvelope();
    const refused: [string, Uint8Array, Record<string, unknown>?][] = [
      ['one byte', Uint8Array.of(1)],
      ['a header and nothing else', plain.subarray(0, 14)],
      ['one byte short', plain.subarray(0, -1)],
      ['one byte long', Buffer.concat([plain, Buffer.of(0)])],
      ['version 2', Buffer.concat([Buffer.of(2), plain.subarray(1)])],
      ['version 0', Buffer.concat([Buffer.of(0), plain.subarray(1)])],
      ['a reserved flag', Buffer.concat([Buffer.of(1, 0x81), plain.subarray(2)])],
      ['1023 bytes of padded plaintext', Buffer.concat([Buffer.of(1, 0), randomBytes(12 + 1023 + 16)])],
      ['format 2 with 950 bytes of padded plaintext', Buffer.concat([Buffer.of(4, 0), randomBytes(12 + 950 + 16)])],
      ['format 1 with format 2’s smallest size', Buffer.concat([Buffer.of(1, 0), randomBytes(12 + 951 + 16)])],
      ['the passphrase flag without an unlock hash', fakeEnvelope({ passphrase: true })],
      ['an unlock hash without the passphrase flag', plain, { unlockHash: withPassphrase.unlockHash }],
    ];
    for (const [name, bytes, extra] of refused) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/secrets',
        payload: { ciphertext: b64(bytes), accessHash: p.accessHash, ...extra },
      });
      const refusal = jsonOf(res, 'createSecret', 400, name);
      expect(refusal.error, name).toBe('invalid_envelope');
      expect(refusal.message, name).toMatch(/^The ciphertext is not an envelope a burnlink client makes: .+\.$/);
    }
    expect(store.calls).toEqual([]);

    for (const v of vectors.filter((v) => clientAccepts(decodeBase64Url(v.envelope)))) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/secrets',
        // The flag of the envelope, not the vector's opening passphrase, says whether a sender set one.
        payload: {
          ciphertext: v.envelope,
          accessHash: p.accessHash,
          ...(readHeader(decodeBase64Url(v.envelope)).passphrase && { unlockHash: withPassphrase.unlockHash }),
        },
      });
      expect(res.statusCode, `${v.name}: ${res.body}`).toBe(201);
    }
  });

  it('costs a 7 MiB create next to nothing', async () => {
    const { app } = await recordingApp();
    const p = newProofs();
    const envelope = fakeEnvelope({ bytes: 7 << 20 });
    const ciphertext = b64(envelope);
    const rounds = 8;
    let checkNs = 0n;
    for (let i = 0; i < 1000; i++) {
      const started = process.hrtime.bigint();
      envelopeShapeProblem(envelope, SECRET_KINDS);
      checkNs += process.hrtime.bigint() - started;
    }
    const createMs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: '/api/secrets',
        payload: { ciphertext, accessHash: p.accessHash },
      });
      createMs.push(performance.now() - started);
      expect(res.statusCode).toBe(201);
    }
    createMs.sort((a, b) => a - b);
    const check = Number(checkNs / 1000n);
    const median = createMs[rounds >> 1]!;
    console.log(
      `envelope shape check: ${check} ns per ${envelope.length}-byte envelope; ` +
        `a whole create of it through inject: median ${median.toFixed(1)} ms`,
    );
    expect(check).toBeLessThan(median * 1e6 * 0.001);
  });
});
