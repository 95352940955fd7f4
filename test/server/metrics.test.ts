/**
 * Prometheus metrics on their own port (METRICS_PORT): what they count (answers, what
 * the service is for, the store, the process), that no label or value can single out a
 * secret, that the public port does not serve them, and that nothing runs when unset.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { NO_METRICS } from '../../server/metrics/events.js';
import { MemoryStore } from '../../server/store/memory.js';
import { StoreUnavailableError } from '../../server/store/secret-store.js';
import { fetchedJsonOf } from '../helpers/json.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { freePort } from '../helpers/redis-server.js';
import { startServer } from '../helpers/server.js';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a scrape in the Prometheus text format. */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name, labels = '', value] = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      const pairs = [...labels.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, val]) => [key!, val!]);
      return { name: name!, labels: Object.fromEntries(pairs), value: Number(value) };
    });
}

/** The value of the one sample with this name and these labels (among others). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, val]) => sample.labels[key] === val),
  );
  expect(found.length, `${name} ${JSON.stringify(labels)}`).toBeLessThanOrEqual(1);
  return found[0]?.value;
}

async function scrape(metricsUrl: string) {
  const res = await fetch(metricsUrl);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { res, text, samples: parse(text) };
}

/** A secret created over HTTP, with what a client holds of it. */
async function create(url: string, options: { passphrase?: boolean; views?: number; bytes?: number } = {}) {
  const proofs = newProofs(options.passphrase);
  const envelope = fakeEnvelope({ passphrase: options.passphrase, bytes: options.bytes });
  const res = await post(`${url}/api/secrets`, {
    ciphertext: b64(envelope),
    accessHash: proofs.accessHash,
    unlockHash: proofs.unlockHash,
    views: options.views ?? 1,
  });
  const { id, manageToken } = await fetchedJsonOf(res, 'createSecret', 201);
  return { id, manageToken, proofs, envelope };
}

/** Every label a series may carry, ours and prom-client's defaults: none for an id, a token, a client or a size. */
const LABEL_NAMES = new Set(['method', 'route', 'status', 'le', 'last_view', 'reason', 'store', 'operation']);
const DEFAULT_LABEL_NAMES = new Set(['version', 'major', 'minor', 'patch', 'kind', 'space', 'type', 'le']);

describe('METRICS_PORT', () => {
  it('counts and times every answer by route pattern, on its own port only', async () => {
    const server = await startServer({ metricsPort: 0 });
    onTestFinished(() => server.close());
    const { url, app } = server;
    expect(app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(app.metricsUrl!).port).not.toBe(new URL(url).port);

    const { id, proofs } = await create(url);
    expect((await post(`${url}/api/secrets/${id}/reveal`, { access: proofs.access })).status).toBe(200);
    expect((await post(`${url}/api/secrets/${id}/reveal`, { access: proofs.access })).status).toBe(404);
    expect((await fetch(`${url}/no/such/${id}`)).status).toBe(404);
    expect((await fetch(`${url}/metrics`)).status).toBe(404);

    const { res, text, samples } = await scrape(app.metricsUrl!);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const requests = (route: string, status: string, method = 'POST') =>
      valueOf(samples, 'burnlink_http_requests_total', { method, route, status });
    expect(requests('/api/secrets', '201')).toBe(1);
    expect(requests('/api/secrets/:id/reveal', '200')).toBe(1);
    expect(requests('/api/secrets/:id/reveal', '404')).toBe(1);
    expect(requests('(unmatched)', '404', 'GET')).toBeGreaterThanOrEqual(1);
    const reveal = { route: '/api/secrets/:id/reveal' };
    expect(valueOf(samples, 'burnlink_http_request_duration_seconds_count', reveal)).toBe(2);
    expect(valueOf(samples, 'burnlink_http_request_duration_seconds_bucket', { ...reveal, le: '+Inf' })).toBe(2);
    expect(valueOf(samples, 'burnlink_memory_store_bytes')).toBeGreaterThan(0);
    // Ids are in URLs; metrics carry route patterns only.
    expect(text).not.toContain(id);
    expect((await fetch(app.metricsUrl!.replace('/metrics', '/'))).status).toBe(404);
  });

  it('counts what the service is for: created, revealed, burned, wrong passphrases, locked, refused', async () => {
    const server = await startServer({ metricsPort: 0, maxPassphraseAttempts: 2 });
    onTestFinished(() => server.close());
    const { url, app } = server;
    const before = await scrape(app.metricsUrl!);
    // Every series is there at 0 before its first event, so rate() sees the first one.
    expect(valueOf(before.samples, 'burnlink_secrets_revealed_total', { last_view: 'true' })).toBe(0);
    expect(valueOf(before.samples, 'burnlink_refusals_total', { reason: 'not_found' })).toBe(0);
    expect(valueOf(before.samples, 'burnlink_store_errors_total', { operation: 'reveal', reason: 'unreachable' })).toBe(
      0,
    );

    const twice = await create(url, { views: 2, bytes: 3333 });
    for (let i = 0; i < 2; i++) {
      expect((await post(`${url}/api/secrets/${twice.id}/reveal`, { access: twice.proofs.access })).status).toBe(200);
    }
    expect((await post(`${url}/api/secrets/${twice.id}/status`, { access: twice.proofs.access })).status).toBe(404);
    const locked = await create(url, { passphrase: true });
    const wrong = { access: locked.proofs.access, unlock: b64(randomBytes(32)) };
    expect((await post(`${url}/api/secrets/${locked.id}/reveal`, wrong)).status).toBe(403);
    expect((await post(`${url}/api/secrets/${locked.id}/reveal`, wrong)).status).toBe(403);
    const burned = await create(url);
    const bearer = { authorization: `Bearer ${burned.manageToken}` };
    expect((await fetch(`${url}/api/secrets/${burned.id}`, { method: 'DELETE', headers: bearer })).status).toBe(204);
    expect((await post(`${url}/api/secrets`, { ciphertext: 'AA' })).status).toBe(400);

    const { text, samples } = await scrape(app.metricsUrl!);
    expect(valueOf(samples, 'burnlink_secrets_created_total')).toBe(3);
    expect(valueOf(samples, 'burnlink_secrets_revealed_total', { last_view: 'false' })).toBe(1);
    expect(valueOf(samples, 'burnlink_secrets_revealed_total', { last_view: 'true' })).toBe(1);
    expect(valueOf(samples, 'burnlink_passphrase_failures_total')).toBe(2);
    expect(valueOf(samples, 'burnlink_secrets_locked_total')).toBe(1);
    expect(valueOf(samples, 'burnlink_secrets_burned_total')).toBe(1);
    expect(valueOf(samples, 'burnlink_refusals_total', { reason: 'not_found' })).toBe(1);
    expect(valueOf(samples, 'burnlink_refusals_total', { reason: 'wrong_passphrase' })).toBe(2);
    expect(valueOf(samples, 'burnlink_refusals_total', { reason: 'invalid_request' })).toBe(1);
    expect(valueOf(samples, 'burnlink_store_duration_seconds_count', { operation: 'reveal' })).toBe(4);

    // Nothing that could single out a secret or a client: no id, token, proof, address or size.
    const secrets = [twice, locked, burned];
    for (const held of [
      ...secrets.flatMap(({ id, manageToken, proofs }) => [id, manageToken, proofs.access, proofs.accessHash]),
      wrong.unlock,
      '127.0.0.1',
    ]) {
      expect(text).not.toContain(held);
    }
    const sizes = new Set(secrets.flatMap(({ envelope }) => [envelope.length, b64(envelope).length]));
    expect(samples.filter((sample) => sizes.has(sample.value))).toEqual([]);
    for (const sample of samples) {
      for (const [name, value] of Object.entries(sample.labels)) {
        const ours = sample.name.startsWith('burnlink_');
        expect((ours ? LABEL_NAMES : DEFAULT_LABEL_NAMES).has(name), `${sample.name} ${name}`).toBe(true);
        if (name === 'route') expect(value).toMatch(/^(\/[\w/:.*-]*|\(unmatched\))$/);
      }
    }
  });

  it('times every store call and counts the failed ones by reason', async () => {
    class StatusDown extends MemoryStore {
      override status(): never {
        throw new StoreUnavailableError('Redis is away');
      }
    }
    const store = new StatusDown({ limits: { maxAttempts: 10, receiptRetentionSeconds: 60 }, maxBytes: 1 << 20 });
    const server = await startServer({ metricsPort: 0 }, { store });
    onTestFinished(() => server.close());
    const { url, app } = server;
    const { id, proofs } = await create(url);
    expect((await post(`${url}/api/secrets/${id}/status`, { access: proofs.access })).status).toBe(503);
    expect((await post(`${url}/api/secrets/${id}/reveal`, { access: proofs.access })).status).toBe(200);

    const { samples } = await scrape(app.metricsUrl!);
    const secrets = { store: 'secrets' };
    expect(
      valueOf(samples, 'burnlink_store_errors_total', { ...secrets, operation: 'status', reason: 'unreachable' }),
    ).toBe(1);
    expect(
      valueOf(samples, 'burnlink_store_errors_total', { ...secrets, operation: 'reveal', reason: 'unreachable' }),
    ).toBe(0);
    for (const operation of ['create', 'status', 'reveal']) {
      expect(valueOf(samples, 'burnlink_store_duration_seconds_count', { ...secrets, operation })).toBe(1);
    }
    expect(valueOf(samples, 'burnlink_http_requests_total', { route: '/api/secrets/:id/status', status: '503' })).toBe(
      1,
    );
    // The wrapped store is still the store the app was given.
    expect(app.store).toBeInstanceOf(StatusDown);
  });

  it('reports the process: event-loop lag, GC, heap, memory', async () => {
    const server = await startServer({ metricsPort: 0 });
    onTestFinished(() => server.close());
    const { text, samples } = await scrape(server.app.metricsUrl!);
    for (const name of [
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_size_used_bytes',
      'process_resident_memory_bytes',
    ]) {
      expect(valueOf(samples, name), name).toBeGreaterThanOrEqual(0);
    }
    expect(text).toContain('# TYPE nodejs_gc_duration_seconds histogram');
  });

  it('serves nothing extra and records nothing when unset', async () => {
    const server = await startServer();
    onTestFinished(() => server.close());
    expect(server.app.metricsUrl).toBeNull();
    expect(server.app.metrics).toBe(NO_METRICS);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });

  it('fails the start-up when its port is taken, rather than running without metrics', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    await new Promise((resolve) => blocker.once('listening', resolve));
    await expect(startServer({ metricsPort: port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
