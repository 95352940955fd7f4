/**
 * Prometheus metrics on their own port (METRICS_PORT): what they count, that they never
 * carry an id, that the public port does not serve them, and the text format itself.
 */
import { createServer } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Counter, Histogram, Registry } from '../../server/metrics/registry.js';
import { b64, newProofs } from '../helpers/proofs.js';
import { freePort } from '../helpers/redis-server.js';
import { startServer } from '../helpers/server.js';

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('METRICS_PORT', () => {
  it('counts and times every answer by route pattern, on its own port only', async () => {
    const server = await startServer({ metricsPort: 0 });
    onTestFinished(() => server.close());
    const { url, app } = server;
    expect(app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(app.metricsUrl!).port).not.toBe(new URL(url).port);

    const proofs = newProofs();
    const created = await post(`${url}/api/secrets`, {
      ciphertext: b64(Buffer.alloc(1100, 7)),
      accessHash: proofs.accessHash,
    });
    const { id } = (await created.json()) as { id: string };
    expect((await post(`${url}/api/secrets/${id}/reveal`, { access: proofs.access })).status).toBe(200);
    expect((await post(`${url}/api/secrets/${id}/reveal`, { access: proofs.access })).status).toBe(404);
    expect((await fetch(`${url}/no/such/${id}`)).status).toBe(404);
    expect((await fetch(`${url}/metrics`)).status).toBe(404);

    const scrape = await fetch(app.metricsUrl!);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await scrape.text();
    expect(text).toContain('burnlink_http_requests_total{method="POST",route="/api/secrets",status="201"} 1\n');
    expect(text).toContain(
      'burnlink_http_requests_total{method="POST",route="/api/secrets/:id/reveal",status="200"} 1\n',
    );
    expect(text).toContain(
      'burnlink_http_requests_total{method="POST",route="/api/secrets/:id/reveal",status="404"} 1\n',
    );
    expect(text).toMatch(/burnlink_http_requests_total\{method="GET",route="\(unmatched\)",status="404"\} [12]\n/);
    expect(text).toContain('burnlink_http_request_duration_seconds_count{route="/api/secrets/:id/reveal"} 2\n');
    expect(text).toContain(
      'burnlink_http_request_duration_seconds_bucket{route="/api/secrets/:id/reveal",le="+Inf"} 2\n',
    );
    expect(text).toMatch(/^burnlink_memory_store_bytes [1-9]\d*$/m);
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]\d*$/m);
    // Ids are in URLs; metrics carry route patterns only.
    expect(text).not.toContain(id);
    expect((await fetch(app.metricsUrl!.replace('/metrics', '/'))).status).toBe(404);
  });

  it('serves nothing extra when unset', async () => {
    const server = await startServer();
    onTestFinished(() => server.close());
    expect(server.app.metricsUrl).toBeNull();
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

describe('the exposition format', () => {
  it('escapes label values and keeps histogram buckets cumulative', () => {
    const registry = new Registry();
    const counter = registry.add(new Counter('c_total', 'A counter.', ['route']));
    const histogram = registry.add(new Histogram('h_seconds', 'A histogram.', [0.1, 1]));
    counter.inc(['a"b\\c\nd']);
    counter.inc(['a"b\\c\nd'], 2);
    for (const value of [0.05, 0.5, 0.7, 3]) histogram.observe([], value);
    expect(registry.render()).toBe(
      '# HELP c_total A counter.\n# TYPE c_total counter\n' +
        'c_total{route="a\\"b\\\\c\\nd"} 3\n' +
        '# HELP h_seconds A histogram.\n# TYPE h_seconds histogram\n' +
        'h_seconds_bucket{le="0.1"} 1\nh_seconds_bucket{le="1"} 3\nh_seconds_bucket{le="+Inf"} 4\n' +
        'h_seconds_sum 4.25\nh_seconds_count 4\n',
    );
  });
});
