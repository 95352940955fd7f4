/**
 * The envelope module's cost in Node: seal and open by payload size, and key
 * derivation with and without a passphrase (PBKDF2, 600,000 iterations in v1).
 */
import { deriveKeys, newLinkKey, open, proofHash, seal, type Secret } from '../web/src/lib/envelope.js';

export interface EnvelopeSizeResult {
  /** Bytes of the file inside the secret. */
  payloadBytes: number;
  /** Bytes of the sealed envelope (framing and padding included). */
  envelopeBytes: number;
  sealMs: number;
  openMs: number;
}

export interface EnvelopeResult {
  sizes: EnvelopeSizeResult[];
  /** deriveKeys from a link key alone (HKDF only): every reveal pays it. */
  deriveKeysMs: number;
  /** deriveKeys with a passphrase: PBKDF2-SHA256 plus HKDF, median of the runs. */
  pbkdf2Ms: number;
}

/** A real envelope and its proofs, as the page would send them to the API. */
export interface EnvelopeFixture {
  envelope: Uint8Array;
  /** base64url of the access proof (for status and reveal). */
  access: string;
  /** base64url of the SHA-256 of the access proof (for create). */
  accessHash: string;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** Seals a short text the way the page does: the smallest envelope there is (1 KiB padded). */
export async function envelopeFixture(text = 'correct horse battery staple'): Promise<EnvelopeFixture> {
  const keys = await deriveKeys(newLinkKey());
  const envelope = await seal({ text, files: [] }, keys);
  return { envelope, access: b64(keys.access), accessHash: b64(await proofHash(keys.access)) };
}

export interface EnvelopeOptions {
  sizes: number[];
  /** Each size is sealed and opened repeatedly for at least this long. */
  minTimeMs: number;
  pbkdf2Runs: number;
}

/** Measures seal/open per size, then key derivation. */
export async function measureEnvelope(options: EnvelopeOptions): Promise<EnvelopeResult> {
  const keys = await deriveKeys(newLinkKey());
  const sizes: EnvelopeSizeResult[] = [];
  for (const payloadBytes of options.sizes) {
    const secret: Secret = {
      text: '',
      files: [{ name: 'payload.bin', type: 'application/octet-stream', bytes: randomBytes(payloadBytes) }],
    };
    const envelope = await seal(secret, keys);
    // A fresh IV per seal; re-sealing under one key is fine for a benchmark that keeps nothing.
    const sealMs = await meanTime(() => seal(secret, keys), options.minTimeMs);
    const openMs = await meanTime(() => open(envelope, keys), options.minTimeMs);
    sizes.push({ payloadBytes, envelopeBytes: envelope.length, sealMs, openMs });
  }
  const linkKey = newLinkKey();
  const deriveKeysMs = await meanTime(() => deriveKeys(linkKey), options.minTimeMs);
  const pbkdf2 = [];
  for (let run = 0; run < options.pbkdf2Runs; run++) {
    const started = performance.now();
    await deriveKeys(linkKey, 'correct horse battery staple');
    pbkdf2.push(performance.now() - started);
  }
  return { sizes, deriveKeysMs, pbkdf2Ms: median(pbkdf2) };
}

/** Mean milliseconds per call, after one untimed call, over at least minTimeMs and 3 calls. */
async function meanTime(task: () => Promise<unknown>, minTimeMs: number): Promise<number> {
  await task();
  let runs = 0;
  const started = performance.now();
  let elapsed = 0;
  while (runs < 3 || elapsed < minTimeMs) {
    await task();
    runs++;
    elapsed = performance.now() - started;
  }
  return elapsed / runs;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** getRandomValues fills at most 64 KiB per call. */
function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let at = 0; at < length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(length, at + 65_536)));
  return bytes;
}
