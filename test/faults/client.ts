/** A small HTTP client for the fault tests: every answer with its status, JSON body and time taken. */
import { randomBytes } from 'node:crypto';
import { b64, newProofs } from '../helpers/proofs.js';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

/** One request; a network failure is status 0 rather than a throw, so a load loop can count it. */
export async function call(base: string, method: string, path: string, payload?: unknown): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      ms: performance.now() - started,
    };
  } catch (error) {
    return { status: 0, body: { error: String(error) }, ms: performance.now() - started };
  }
}

/** A secret as its sender knows it. */
export interface Sent {
  id: string;
  access: string;
  ciphertext: string;
}

/** Creates a one-view secret; resolves with it when the server acknowledged it (201), else with the answer. */
export async function send(base: string, views = 1): Promise<{ sent?: Sent; answer: Answer }> {
  const p = newProofs();
  const ciphertext = b64(randomBytes(1500));
  const answer = await call(base, 'POST', '/api/secrets', {
    ciphertext,
    accessHash: p.accessHash,
    views,
    expiresIn: 3600,
  });
  if (answer.status !== 201) return { answer };
  return { sent: { id: answer.body.id as string, access: p.access, ciphertext }, answer };
}

export const reveal = (base: string, secret: Sent) =>
  call(base, 'POST', `/api/secrets/${secret.id}/reveal`, { access: secret.access });

/** Polls until the server says ready; resolves with the time it took. */
export async function waitUntilReady(base: string, timeoutMs = 8000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if ((await call(base, 'GET', '/readyz')).status === 200) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not ready within ${timeoutMs} ms`);
}

/** The `{error, message}` shape of a 503 while the store is down. */
export function expectStoreUnavailable(answer: Answer): boolean {
  return (
    answer.status === 503 &&
    answer.body.error === 'store_unavailable' &&
    typeof answer.body.message === 'string' &&
    /^[A-Z].+\.$/.test(answer.body.message)
  );
}
