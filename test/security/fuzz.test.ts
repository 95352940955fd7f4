/**
 * Property-based fuzzing of every route through `inject` (fast-check, over 12,000
 * generated requests a run, plus a shorter run against Redis). Whatever arrives: no 5xx,
 * no unhandled rejection, every error in the `{error, message}` shape with a sentence,
 * the security headers on every answer, static paths never serve a file from outside
 * the built page, and nothing secret reaches the log.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { brandedPage, loadBrand } from '../../server/brand.js';
import { MemoryStore } from '../../server/store/memory.js';
import { jsonOf } from '../helpers/json.js';
import { createSecret } from '../helpers/proofs.js';
import { useRedis } from '../helpers/use-redis.js';
import { buildTestApp, FIXTURE_PAGE, testConfig } from '../helpers/server.js';
import { requestFamilies, type KnownSecret } from './fuzz-requests.js';
import { captureLog, secretLookingRuns } from '../helpers/log-capture.js';

const CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const RUNS = { create: 3000, statusAndReveal: 4000, manage: 2500, staticAndHealth: 2500 };
const REDIS_RUNS = { create: 500, statusAndReveal: 700, manage: 500 };

/** The error codes each status may carry. */
const CODES: Record<number, string[]> = {
  400: ['invalid_request', 'invalid_envelope', 'passphrase_required', 'no_passphrase'],
  403: ['wrong_passphrase', 'forbidden'],
  404: ['not_found'],
  413: ['too_large'],
  414: ['uri_too_long'],
  415: ['unsupported_media_type'],
  416: ['range_not_satisfiable'],
};

/** SHA-256 of every file of the page the app serves: the only bodies a static 200 may carry. */
function builtFileHashes(): Set<string> {
  const files = readdirSync(FIXTURE_PAGE, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const contents = files.map((entry) => readFileSync(join(entry.parentPath, entry.name)));
  // Each page's HTML as served: with the (default) brand written into it.
  for (const entry of files.filter((file) => file.name.endsWith('.html'))) {
    const html = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    contents.push(Buffer.from(brandedPage(html, loadBrand(testConfig()))));
  }
  return new Set(contents.map((content) => createHash('sha256').update(content).digest('hex')));
}
const assetNames = readdirSync(join(FIXTURE_PAGE, 'assets'));

/** The secrets the fuzzer can reach with real ids, proofs and tokens; also what must never be logged. */
async function seed(app: FastifyInstance) {
  const known: KnownSecret[] = [];
  const sensitive: string[] = [];
  for (let i = 0; i < 10; i++) {
    const {
      id,
      manageToken,
      ciphertext,
      proofs: p,
    } = await createSecret(app, { passphrase: i % 3 === 0, views: 100, bytes: 1500 });
    known.push({ id, access: p.access, unlock: p.unlock, manageToken });
    sensitive.push(id, manageToken, p.access, p.accessHash, ciphertext, ...(p.unlock ? [p.unlock, p.unlockHash!] : []));
  }
  return { known, sensitive };
}

/** Runs each family of requests through the app, checking every answer; returns the tally. */
async function fuzz(
  app: FastifyInstance,
  known: KnownSecret[],
  runs: Partial<Record<string, number>>,
  created: string[],
) {
  const families = requestFamilies(known, assetNames);
  const fileHashes = builtFileHashes();
  const statuses = new Map<number, number>();
  let requests = 0;
  for (const [name, numRuns] of Object.entries(runs)) {
    const family = families[name as keyof typeof families];
    await fc.assert(
      fc.asyncProperty(family, async (request) => {
        const res = await app.inject(request as InjectOptions);
        requests++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        checkAnswer(request, res, fileHashes);
        if (res.statusCode === 201) {
          const { id, manageToken } = jsonOf(res, 'createSecret', 201);
          created.push(id, manageToken);
        }
      }),
      { numRuns },
    );
  }
  return { requests, statuses };
}

type Answer = Awaited<ReturnType<FastifyInstance['inject']>>;

function checkAnswer(request: { method: string; url: string }, res: Answer, fileHashes: Set<string>) {
  const where = `${request.method} ${request.url.slice(0, 100)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  expect(res.statusCode, where).toBeLessThan(500);
  expect(res.headers['x-content-type-options'], where).toBe('nosniff');
  expect(res.headers['cross-origin-resource-policy'], where).toBe('same-origin');
  expect(res.headers['content-security-policy'], where).toBe(CSP);
  expect(res.headers['referrer-policy'], where).toBe('no-referrer');
  if (request.url.startsWith('/api/') || res.statusCode >= 400)
    expect(res.headers['cache-control'], where).toBe('no-store');
  if (request.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) return;

  if (res.statusCode >= 400) {
    expect(res.headers['content-type'], where).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(
      Object.keys(body).filter((key) => !['error', 'message', 'attemptsLeft'].includes(key)),
      where,
    ).toEqual([]);
    expect(CODES[res.statusCode], where).toContain(body.error);
    // A sentence a person understands: capital letter, full stop, no control characters, short.
    expect(body.message, where).toMatch(/^[A-Z][^\u0000-\u001f\u007f]{5,200}\.$/);
  } else if (res.statusCode === 200 && !/^\/(api\/|healthz|readyz)/.test(request.url)) {
    expect(
      fileHashes.has(createHash('sha256').update(res.rawPayload).digest('hex')),
      `${where}: not a file of the page`,
    ).toBe(true);
  }
}

function summary(label: string, requests: number, statuses: Map<number, number>) {
  const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
  const errors = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
  console.log(`fuzz (${label}): ${requests} requests, ${errors} 5xx (${tally.join(', ')})`);
}

/** Fails the test on any unhandled rejection while `work` runs. */
async function withoutUnhandledRejections(work: () => Promise<void>) {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  try {
    await work();
    // A fixed time on purpose: this proves that no rejection comes, and nothing signals that
    // none will. Node reports those of promises already rejected at the end of the tick; the
    // 50 ms give work still finishing after its answer (a hook, a Redis reply) time to fail.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off('unhandledRejection', onRejection);
  }
  expect(rejections).toEqual([]);
}

function expectCleanLog(log: ReturnType<typeof captureLog>, sensitive: string[]) {
  const text = log.text();
  const entries = log.entries();
  expect(entries.length).toBeGreaterThan(1000);
  expect(entries.filter((entry) => (entry.level as number) >= 50)).toEqual([]);
  expect(secretLookingRuns(text)).toEqual([]);
  for (const secret of sensitive) expect(text.includes(secret), 'a secret in the log').toBe(false);
  return entries.length;
}

describe('fuzzing every route', () => {
  it('answers every generated request below 500, in the error shape, with a clean log (memory store)', async () => {
    const log = captureLog();
    const store = new MemoryStore({ limits: { maxAttempts: 10, receiptRetentionSeconds: 3600 }, maxBytes: 256 << 20 });
    const app = await buildTestApp({ logLevel: 'trace', maxSecretBytes: 4096 }, { store, logStream: log.stream });
    const { known, sensitive } = await seed(app);
    await withoutUnhandledRejections(async () => {
      const { requests, statuses } = await fuzz(app, known, RUNS, sensitive);
      summary('memory store', requests, statuses);
      expect(requests).toBeGreaterThanOrEqual(10_000);
      // The fuzzer reached the deep paths too, not only the refusals.
      for (const status of [200, 201, 204, 400, 403, 404, 413, 415])
        expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    });
    const lines = expectCleanLog(log, sensitive);
    console.log(`fuzz (memory store): ${lines} log lines, none with an id, token, proof or ciphertext`);
  }, 120_000);

  describe('against Redis', () => {
    const redis = useRedis();

    it('answers every generated API request below 500 with a clean log (Redis store)', async () => {
      const log = captureLog();
      const app = await buildTestApp(
        { logLevel: 'trace', maxSecretBytes: 4096, redisUrl: redis.url },
        { logStream: log.stream },
      );
      const { known, sensitive } = await seed(app);
      await withoutUnhandledRejections(async () => {
        const { requests, statuses } = await fuzz(app, known, REDIS_RUNS, sensitive);
        summary('redis store', requests, statuses);
        expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
      });
      expectCleanLog(log, sensitive);
    }, 120_000);
  });
});
