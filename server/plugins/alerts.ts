/**
 * Decorates the app with `alerts`: email alerts that carry no secret, sent in the
 * background through SMTP_URL. Without SMTP_URL alerts are off: `enabled` is false, the
 * routes then take no address, and `notify` does nothing. Pending alerts are dropped
 * (with one log line) when the app closes, after a moment's grace.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AlertEvent } from '../alerts/alert-messages.js';
import type { AlertRecipient } from '../alerts/mailer.js';
import { parseSmtpUrl } from '../alerts/smtp-url.js';
import type { Config } from '../config.js';

export interface Alerts {
  /** Whether SMTP is configured; when false, no alert may be offered and no address kept. */
  readonly enabled: boolean;
  /** Queues an alert to send after the caller's commit; returns at once and never throws. */
  notify(recipient: AlertRecipient, event: AlertEvent): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    alerts: Alerts;
  }
}

async function alertsPlugin(app: FastifyInstance, { config }: { config: Config }) {
  if (!config.smtpUrl || !config.mailFrom) {
    app.decorate<Alerts>('alerts', { enabled: false, notify: () => undefined });
    return;
  }
  // Loaded only with SMTP_URL: nodemailer is a seventh of the server bundle, which every
  // start-up would otherwise evaluate (docs/BENCHMARKS.md, "Start-up").
  const { AlertMailer, createAlertTransport } = await import('../alerts/mailer.js');
  const mailer = new AlertMailer({
    transport: createAlertTransport(config.smtpUrl),
    from: config.mailFrom,
    homeUrl: config.publicUrl && new URL('/', config.publicUrl).href,
    log: app.log,
  });
  app.decorate<Alerts>('alerts', { enabled: true, notify: (recipient, event) => mailer.notify(recipient, event) });
  const { secure, host, port } = parseSmtpUrl(config.smtpUrl)!;
  // The server, never the login.
  app.log.info({ smtp: `${secure ? 'smtps' : 'smtp'}://${host}:${port ?? (secure ? 465 : 587)}` }, 'email alerts on');
  // Not awaited: a slow SMTP server must not hold up the start.
  app.addHook('onReady', async () => void mailer.checkServer());
  app.addHook('onClose', async () => mailer.close());
}

export default fp(alertsPlugin, { name: 'alerts', fastify: '5.x' });
