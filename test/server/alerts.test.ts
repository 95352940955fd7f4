/**
 * How alerts are sent: never in the caller's way (a dead or a hung SMTP server slows no
 * request), retried with back-off, then dropped with a log line; a bounded queue; a quick
 * close; the login from SMTP_URL; and no address, password or reply text in any log line.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AlertMailer, createAlertTransport } from '../../server/alerts/mailer.js';
import type { Config } from '../../server/config.js';
import { captureLog, type CapturedLog } from '../helpers/log-capture.js';
import { closedPort, startMailbox, startSilentServer } from '../helpers/mailbox.js';
import { buildTestApp } from '../helpers/server.js';

const FROM = 'burnlink <alerts@burnlink.example>';
const ADDRESS = 'someone.private@example.test';
const VIEWED = { kind: 'secret_viewed', at: Date.UTC(2026, 2, 5, 14, 3), viewsLeft: 0 } as const;

const logLines = (log: CapturedLog, msg: string) => log.entries().filter((entry) => entry.msg === msg);

/** An app logging everything to a capture; its logger also serves mailers built by hand. */
async function loggedApp(overrides: Partial<Config> = {}) {
  const log = captureLog();
  const app = await buildTestApp({ logLevel: 'trace', mailFrom: FROM, ...overrides }, { logStream: log.stream });
  await app.ready();
  return { app, log };
}

/** A mailer with test-sized delays, closed when the test ends. */
function testMailer(
  smtpUrl: string,
  logger: FastifyBaseLogger,
  options: { maxPending?: number; maxAgeMs?: number } = {},
) {
  const mailer = new AlertMailer({
    transport: createAlertTransport(smtpUrl),
    from: FROM,
    log: logger,
    retryDelaysMs: [50, 150],
    ...options,
  });
  onTestFinished(() => mailer.close());
  return mailer;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it('is off without SMTP_URL: not enabled, and notify does nothing', async () => {
  const app = await buildTestApp();
  expect(app.alerts.enabled).toBe(false);
  expect(() => app.alerts.notify({ email: ADDRESS, language: 'en' }, VIEWED)).not.toThrow();
});

describe('delivery', () => {
  it('retries what the server refuses for now, with back-off, and delivers it once', async () => {
    const mailbox = await startMailbox({ refuseFirst: 2 });
    onTestFinished(() => mailbox.close());
    const { app, log } = await loggedApp();
    const mailer = testMailer(mailbox.url, app.log);
    const started = performance.now();
    mailer.notify({ email: ADDRESS, language: 'en' }, VIEWED);
    await mailbox.waitForMessages(1);
    const took = performance.now() - started;
    // The mailbox has the message before the mailer has its reply; once the mailer has
    // nothing left to send or retry, no second copy can still be on its way.
    await until(() => mailer.pending === 0);
    expect(mailbox.messages).toHaveLength(1);
    expect(mailbox.offered()).toBe(3);
    expect(took, 'the waits of 50 and 150 ms came between the attempts').toBeGreaterThanOrEqual(200);
    expect(logLines(log, 'alert failed; will retry').map((entry) => entry.responseCode)).toEqual([451, 451]);
    expect(logLines(log, 'alert sent')).toMatchObject([{ kind: 'secret_viewed', attempts: 3 }]);
    expect(log.text()).not.toContain(ADDRESS);
  });

  it('drops an alert after its last attempt, with a log line that names no address', async () => {
    const { app, log } = await loggedApp();
    const mailer = testMailer(`smtp://127.0.0.1:${await closedPort()}`, app.log);
    mailer.notify({ email: ADDRESS, language: 'de' }, VIEWED);
    await until(() => mailer.pending === 0);
    expect(logLines(log, 'alert failed; will retry')).toHaveLength(2);
    const [dropped, ...more] = logLines(log, 'alert dropped: every attempt failed');
    expect(more).toEqual([]);
    expect(dropped).toMatchObject({ level: 40, kind: 'secret_viewed', attempts: 3, code: 'ESOCKET' });
    expect(log.text()).not.toContain(ADDRESS);
    expect(log.text()).not.toContain('example.test');
  });

  it('waits while the server cannot be reached, instead of trying every alert, and drops them when too old', async () => {
    const { app, log } = await loggedApp();
    const mailer = testMailer(`smtp://127.0.0.1:${await closedPort()}`, app.log, { maxAgeMs: 400 });
    for (let i = 0; i < 50; i++) mailer.notify({ email: ADDRESS, language: 'en' }, VIEWED);
    await until(() => mailer.pending === 0);
    const failed = logLines(log, 'alert failed; will retry').length;
    const exhausted = logLines(log, 'alert dropped: every attempt failed').length;
    const aged = logLines(log, 'alerts dropped: the SMTP server stayed unreachable');
    console.log(`50 alerts, dead server: ${failed + exhausted} attempts (150 without the pause)`);
    // One pause of 50 ms after each failure, for 400 ms: about 2 attempts a pause.
    expect(failed + exhausted).toBeLessThan(40);
    expect(exhausted + aged.reduce((sum, entry) => sum + (entry.dropped as number), 0)).toBe(50);
    expect(log.text()).not.toContain(ADDRESS);
  });

  it('drops at once what the server refuses for good, through the app', async () => {
    const mailbox = await startMailbox({ refuseFirst: Infinity, refuseWith: 550 });
    onTestFinished(() => mailbox.close());
    const { app, log } = await loggedApp({ smtpUrl: mailbox.url });
    app.alerts.notify({ email: ADDRESS, language: 'en' }, VIEWED);
    await until(() => logLines(log, 'alert dropped: the SMTP server refused it').length === 1);
    expect(mailbox.offered()).toBe(1);
    expect(logLines(log, 'alert dropped: the SMTP server refused it')[0]).toMatchObject({
      attempts: 1,
      code: 'EMESSAGE',
      responseCode: 550,
    });
    expect(log.text()).not.toContain(ADDRESS);
  });

  it('refuses an address it cannot send to, without logging it', async () => {
    const mailbox = await startMailbox();
    onTestFinished(() => mailbox.close());
    const { app, log } = await loggedApp({ smtpUrl: mailbox.url });
    const bad = 'victim@example.test\r\nBcc: everyone@example.test';
    app.alerts.notify({ email: bad, language: 'en' }, VIEWED);
    // @ts-expect-error the kind is not one of ours
    app.alerts.notify({ email: ADDRESS, language: 'en' }, { kind: 'secret_made', at: 0 });
    app.alerts.notify({ email: ADDRESS, language: 'en' }, { ...VIEWED, viewsLeft: -1 });
    expect(logLines(log, 'alert dropped: not a valid event or address')).toHaveLength(3);
    expect(log.text()).not.toContain('example.test');
    expect(mailbox.offered()).toBe(0);
  });
});

describe('the login in SMTP_URL', () => {
  const auth = { user: 'alerts', pass: 'p@ss:wörd/1%' };

  it('is used, percent-decoded, and never logged', async () => {
    const mailbox = await startMailbox({ auth });
    onTestFinished(() => mailbox.close());
    const smtpUrl = `smtp://${auth.user}:${encodeURIComponent(auth.pass)}@127.0.0.1:${mailbox.port}`;
    const { app, log } = await loggedApp({ smtpUrl });
    expect(app.alerts.enabled).toBe(true);
    app.alerts.notify({ email: ADDRESS, language: 'en' }, VIEWED);
    await mailbox.waitForMessages(1);
    await until(() => logLines(log, 'email alerts: the SMTP server accepts connections').length === 1);
    expect(logLines(log, 'email alerts on')).toEqual([
      expect.objectContaining({ smtp: `smtp://127.0.0.1:${mailbox.port}` }),
    ]);
    for (const secret of [auth.pass, encodeURIComponent(auth.pass), ADDRESS]) expect(log.text()).not.toContain(secret);
  });

  it('when refused, says so at start-up and drops the alert, naming neither password nor address', async () => {
    const mailbox = await startMailbox({ auth });
    onTestFinished(() => mailbox.close());
    const smtpUrl = `smtp://${auth.user}:wrong-${encodeURIComponent(auth.pass)}@127.0.0.1:${mailbox.port}`;
    const { app, log } = await loggedApp({ smtpUrl });
    app.alerts.notify({ email: ADDRESS, language: 'en' }, VIEWED);
    await until(() => logLines(log, 'alert dropped: the SMTP server refused it').length === 1);
    expect(logLines(log, 'alert dropped: the SMTP server refused it')[0]).toMatchObject({
      code: 'EAUTH',
      responseCode: 535,
    });
    await until(
      () => logLines(log, 'email alerts: the SMTP server cannot be reached or refused the login').length === 1,
    );
    expect(mailbox.messages).toEqual([]);
    for (const secret of ['wrong-', auth.pass, encodeURIComponent(auth.pass), ADDRESS]) {
      expect(log.text()).not.toContain(secret);
    }
  });
});

describe('a dead or hung SMTP server', () => {
  it('bounds the queue and closes in about a second, dropping what is left with one line', async () => {
    const silent = await startSilentServer();
    onTestFinished(() => silent.close());
    const { app, log } = await loggedApp();
    const mailer = testMailer(`smtp://127.0.0.1:${silent.port}`, app.log, { maxPending: 5 });
    for (let i = 0; i < 8; i++) mailer.notify({ email: ADDRESS, language: 'en' }, VIEWED);
    expect(mailer.pending).toBe(5);
    expect(logLines(log, 'alert dropped: too many alerts waiting')).toHaveLength(3);
    await until(() => silent.connections() === 2);
    const started = performance.now();
    await mailer.close();
    const took = performance.now() - started;
    console.log(`closing with 2 sends hung on a silent server and 3 queued: ${took.toFixed(0)} ms`);
    expect(took).toBeLessThan(3000);
    expect(logLines(log, 'alerts dropped: the server is shutting down')).toMatchObject([{ dropped: 5 }]);
    mailer.notify({ email: ADDRESS, language: 'en' }, VIEWED);
    expect(logLines(log, 'alert dropped: the server is shutting down')).toHaveLength(1);
    expect(log.text()).not.toContain(ADDRESS);
  });

  const servers = {
    none: async () => ({ smtpUrl: undefined, contacted: () => true, close: async () => undefined }),
    dead: async () => ({
      smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
      contacted: () => true,
      close: async () => undefined,
    }),
    hung: async () => {
      const silent = await startSilentServer();
      return {
        smtpUrl: `smtp://127.0.0.1:${silent.port}`,
        contacted: () => silent.connections() > 0,
        close: () => silent.close(),
      };
    },
  };

  it.each(Object.keys(servers) as (keyof typeof servers)[])(
    'with SMTP %s: notify returns at once and a burst of requests is not held up',
    async (kind) => {
      const smtp = await servers[kind]();
      onTestFinished(() => smtp.close());
      const app = await buildTestApp({ smtpUrl: smtp.smtpUrl, mailFrom: FROM });
      // As a reveal or an answer does: in the request, once the store has answered, before the
      // reply goes out. (On a route of its own, so the figures measure the alerts alone.)
      app.addHook('onSend', async (request) => {
        if (request.routeOptions.url === '/api/limits') app.alerts.notify({ email: ADDRESS, language: 'en' }, VIEWED);
      });
      const url = await app.listen({ host: '127.0.0.1', port: 0 });

      const burst = (count: number) =>
        Promise.all(
          Array.from({ length: count }, async () => {
            const t0 = performance.now();
            const res = await fetch(`${url}/api/limits`);
            await res.arrayBuffer();
            return { status: res.status, ms: performance.now() - t0 };
          }),
        );
      await burst(50); // warm-up: the figures compare the servers, not the JIT
      const started = performance.now();
      const answers = await burst(200);
      const burstMs = performance.now() - started;
      // The hung server has taken connections and never said a word, so no send has finished:
      // every answer above came back without waiting for one.
      expect(smtp.contacted()).toBe(true);
      expect(answers.every(({ status }) => status === 200)).toBe(true);

      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) app.alerts.notify({ email: ADDRESS, language: 'de' }, VIEWED);
      const notifyMs = (performance.now() - t0) / 1000;

      const closing = performance.now();
      await app.close();
      const closeMs = performance.now() - closing;
      const latencies = answers.map(({ ms }) => ms).sort((a, b) => a - b);
      console.log(
        `SMTP ${kind}: 200 concurrent requests in ${burstMs.toFixed(0)} ms (p50 ${latencies[100]!.toFixed(1)} ms, ` +
          `max ${latencies[199]!.toFixed(1)} ms); notify ${(notifyMs * 1000).toFixed(1)} µs per call; close ${closeMs.toFixed(0)} ms`,
      );
      // Generous: the figures swing with the machine's load; a notify that waited for SMTP
      // would take seconds, not a millisecond, and closing gives the sends one second.
      expect(notifyMs).toBeLessThan(1);
      expect(closeMs).toBeLessThan(5000);
    },
  );
});
