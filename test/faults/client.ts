/**
 * A small HTTP client for the fault tests: every answer with its status, JSON body and
 * time taken; and traffic that counts every secret served, to prove none is served twice.
 */
import { expect } from 'vitest';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
  /** performance.now() when the answer came. */
  at: number;
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
      at: performance.now(),
    };
  } catch (error) {
    return { status: 0, body: { error: String(error) }, ms: performance.now() - started, at: performance.now() };
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
  const ciphertext = b64(fakeEnvelope({ bytes: 1500 }));
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

/**
 * The secrets a test sent and how often each was served, over any number of servers, so
 * it can check that none is ever served twice, whatever happened meanwhile.
 */
export class Ledger {
  /** Acknowledged (201) secrets. */
  readonly sent: Sent[] = [];
  readonly served = new Map<string, number>();
  /** Secrets a reveal of which got no clear answer (503, or none): it may have burned them unseen. */
  readonly uncertain = new Set<string>();

  async send(base: string): Promise<Answer> {
    const { sent, answer } = await send(base);
    if (sent) this.sent.push(sent);
    return answer;
  }

  async reveal(base: string, secret: Sent): Promise<Answer> {
    const answer = await reveal(base, secret);
    if (answer.status === 200) {
      expect(answer.body.ciphertext).toBe(secret.ciphertext);
      this.served.set(secret.id, (this.served.get(secret.id) ?? 0) + 1);
    } else if (answer.status === 0 || answer.status === 503) this.uncertain.add(secret.id);
    return answer;
  }

  /** Reveals every acknowledged secret once more through `base`. */
  async revealEach(base: string): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (const secret of this.sent) answers.push(await this.reveal(base, secret));
    return answers;
  }

  /** Secrets served more than once: must be none. */
  twice(): string[] {
    return [...this.served].filter(([, count]) => count > 1).map(([id]) => id);
  }

  /** Acknowledged secrets never served though no reveal of theirs was cut off: a lost create or view. */
  lost(): string[] {
    return this.sent.filter(({ id }) => !this.served.has(id) && !this.uncertain.has(id)).map(({ id }) => id);
  }

  /** Acknowledged secrets never served: a reveal cut off by the fault burned them unseen. */
  burnedUnseen(): number {
    return this.sent.filter(({ id }) => !this.served.has(id)).length;
  }
}

/**
 * Traffic for a fault test: `workers` loops, each sending a one-view secret or revealing
 * one sent before, at random, until `finish()`.
 */
export function startLoad(base: string, { workers = 6, pauseMs = 20 } = {}) {
  const ledger = new Ledger();
  const answers: Answer[] = [];
  let running = true;
  const worker = async () => {
    while (running) {
      const { sent } = ledger;
      const secret = sent.length > 0 && Math.random() < 0.5 ? sent[Math.floor(Math.random() * sent.length)] : undefined;
      answers.push(await (secret ? ledger.reveal(base, secret) : ledger.send(base)));
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const loops = Promise.all(Array.from({ length: workers }, worker));
  return {
    ledger,
    answers,
    /** Stops the loops, then reveals every acknowledged secret once more; resolves with those answers. */
    async finish(): Promise<Answer[]> {
      running = false;
      await loops;
      return ledger.revealEach(base);
    },
  };
}
