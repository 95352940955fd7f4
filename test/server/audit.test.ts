/**
 * The audit log (AUDIT_LOG): one JSON line per secret or request created and per burn by
 * the sender, after the store took it, with who and roughly what, and never anything
 * that opens, proves or addresses: no id, link key, proof, token, ciphertext or alert address.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AUDIT_FILE_MODE } from '../../server/audit/audit-log.js';
import { ConfigError, type Config } from '../../server/config.js';
import { idHash, sizeBucket } from '../../server/plugins/audit.js';
import { captureLog } from '../helpers/log-capture.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { createTestRequest } from '../helpers/requests.js';
import { buildTestApp } from '../helpers/server.js';

const ALERT_EMAIL = 'rosa.private@example.org';
const ALERTS = { smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'alerts@example.com' };

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'burnlink-audit-')), 'audit.jsonl');
const linesOf = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** An app whose creators name themselves in `x-test-creator`, as a token or a proxy would vouch for them. */
async function auditedApp(
  overrides: Partial<Config>,
  options: { auditStream?: NodeJS.WritableStream; logStream?: NodeJS.WritableStream } = {},
) {
  const app = await buildTestApp({ ...ALERTS, ...overrides }, options);
  app.addCreatorResolver((request) => {
    const name = request.headers['x-test-creator'];
    return typeof name === 'string' ? { via: 'token', name } : undefined;
  });
  return app;
}

/** Creates a secret with a passphrase, 3 views and an alert, as "ci"; returns everything secret about it. */
async function createAlertedSecret(app: FastifyInstance) {
  const proofs = newProofs(true);
  const ciphertext = b64(fakeEnvelope({ bytes: 5000, passphrase: true }));
  const res = await app.inject({
    method: 'POST',
    url: '/api/secrets',
    headers: { 'x-test-creator': 'ci' },
    payload: {
      ciphertext,
      accessHash: proofs.accessHash,
      unlockHash: proofs.unlockHash,
      views: 3,
      expiresIn: 3600,
      alert: { email: ALERT_EMAIL, language: 'de' },
    },
  });
  expect(res.statusCode).toBe(201);
  const { id, manageToken, expiresAt } = res.json<{ id: string; manageToken: string; expiresAt: number }>();
  return { id, manageToken, expiresAt, ciphertext, proofs };
}

/** After close, every write has reached the file. */
async function closedAndRead(app: FastifyInstance, path: string) {
  await app.close();
  return readFileSync(path, 'utf8');
}

describe('the audit log in a file', () => {
  it('records creations and burns, with who, the id’s hash, size, expiry, views, passphrase and alert', async () => {
    const path = tempPath();
    const app = await auditedApp({ auditLog: path });
    const secret = await createAlertedSecret(app);
    const request = await createTestRequest(app, { expiresIn: 7200 });
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/secrets',
      payload: { ciphertext: b64(fakeEnvelope({ bytes: 100 })), accessHash: newProofs().accessHash },
    });
    expect(anonymous.statusCode).toBe(201);
    const burn = await app.inject({
      method: 'DELETE',
      url: `/api/secrets/${secret.id}`,
      headers: { authorization: `Bearer ${secret.manageToken}` },
    });
    expect(burn.statusCode).toBe(204);
    // A refused create and a burn with a wrong token leave no line.
    await app.inject({ method: 'POST', url: '/api/secrets', payload: { ciphertext: 'x' } });
    const wrong = await app.inject({
      method: 'DELETE',
      url: `/api/secrets/${anonymous.json<{ id: string }>().id}`,
      headers: { authorization: `Bearer ${secret.manageToken}` },
    });
    expect(wrong.statusCode).toBe(404);

    const text = await closedAndRead(app, path);
    const lines = linesOf(text);
    const time = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(lines).toEqual([
      {
        time,
        event: 'secret_created',
        who: 'ci',
        via: 'token',
        idHash: idHash(secret.id),
        sizeBucket: 8192,
        expiresIn: 3600,
        expiresAt: new Date(secret.expiresAt).toISOString(),
        alert: true,
        views: 3,
        passphrase: true,
      },
      {
        time,
        event: 'request_created',
        who: null,
        via: null,
        idHash: idHash(request.id),
        sizeBucket: expect.any(Number),
        expiresIn: 7200,
        expiresAt: new Date(request.expiresAt).toISOString(),
        alert: false,
      },
      expect.objectContaining({ event: 'secret_created', who: null, sizeBucket: 2048, views: 1, passphrase: false }),
      { time, event: 'secret_burned', idHash: idHash(secret.id) },
    ]);
    expect(idHash(secret.id)).toMatch(/^[0-9a-f]{16}$/);

    for (const secretValue of [
      secret.id,
      secret.manageToken,
      secret.proofs.access,
      secret.proofs.unlock!,
      secret.proofs.accessHash,
      secret.proofs.unlockHash!,
      secret.ciphertext.slice(0, 16),
      ALERT_EMAIL,
      'example.org',
      request.id,
      request.access,
      request.proof,
      request.body.accessHash,
      request.body.inboxHash,
      request.body.ciphertext.slice(0, 16),
    ]) {
      expect(text).not.toContain(secretValue);
    }
  });

  it('creates the file readable by its owner and group only, and appends to one that exists', async () => {
    const path = tempPath();
    const app = await auditedApp({ auditLog: path });
    await createAlertedSecret(app);
    await app.close();
    expect(statSync(path).mode & 0o777).toBe(AUDIT_FILE_MODE);
    expect(AUDIT_FILE_MODE).toBe(0o640);

    const again = await auditedApp({ auditLog: path });
    await createAlertedSecret(again);
    expect(linesOf(await closedAndRead(again, path))).toHaveLength(2);
  });

  it('shares one file between processes: each line is one write appended whole', async () => {
    const path = tempPath();
    writeFileSync(path, '');
    // Two apps on one file, as two WORKERS are: their lines interleave but never mix.
    const [one, two] = await Promise.all([auditedApp({ auditLog: path }), auditedApp({ auditLog: path })]);
    await Promise.all(Array.from({ length: 20 }, (_, i) => createAlertedSecret(i % 2 === 0 ? one : two)));
    await Promise.all([one.close(), two.close()]);
    const lines = linesOf(readFileSync(path, 'utf8'));
    expect(lines).toHaveLength(20);
    for (const line of lines) expect(line.event).toBe('secret_created');
  });

  it('refuses to start when the file cannot be opened, naming AUDIT_LOG', async () => {
    const error = await buildTestApp({ auditLog: '/nonexistent-dir/audit.jsonl' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]).toMatch(/^AUDIT_LOG must be .* cannot be opened \(ENOENT\)/);
  });
});

describe('the audit log on stdout', () => {
  it('writes each event as one line in one write, apart from the request log', async () => {
    const audit = captureLog();
    const log = captureLog();
    const writes: string[] = [];
    const original = audit.stream.write.bind(audit.stream);
    audit.stream.write = ((chunk: string) => {
      writes.push(chunk);
      return original(chunk);
    }) as typeof audit.stream.write;
    const app = await auditedApp(
      { auditLog: 'stdout', logLevel: 'info' },
      { auditStream: audit.stream, logStream: log.stream },
    );
    const secret = await createAlertedSecret(app);
    await app.inject({
      method: 'DELETE',
      url: `/api/secrets/${secret.id}`,
      headers: { authorization: `Bearer ${secret.manageToken}` },
    });
    expect(writes).toHaveLength(2);
    for (const write of writes) expect(write).toMatch(/^\{"time":"[^\n]*\}\n$/);
    expect(audit.entries().map((line) => line.event)).toEqual(['secret_created', 'secret_burned']);
    expect(audit.text()).not.toContain(secret.id);
    expect(log.entries().filter((line) => line.msg === 'request completed')).toHaveLength(2);
    expect(log.entries()).toContainEqual(expect.objectContaining({ msg: 'audit log on', auditLog: 'stdout' }));
    expect(audit.text()).not.toContain('request completed');
  });
});

it('is off by default: no line anywhere', async () => {
  const audit = captureLog();
  const path = tempPath();
  const app = await auditedApp({}, { auditStream: audit.stream });
  await createAlertedSecret(app);
  await app.close();
  expect(audit.text()).toBe('');
  expect(existsSync(path)).toBe(false);
});

it('buckets sizes by powers of two, at least 1 KiB', () => {
  expect([0, 1, 1024, 1025, 5000, 8192, 8193].map(sizeBucket)).toEqual([1024, 1024, 1024, 2048, 8192, 8192, 16_384]);
});
