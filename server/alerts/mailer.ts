/**
 * Sends email alerts in the background. `notify` only queues: a reveal or an answer
 * must never wait for, or fail because of, an SMTP server. A bounded queue, a few
 * sends at a time, a few attempts with back-off, then the alert is dropped with a log
 * line. Log lines name the kind of alert and the failure's code, never the address
 * (nor a server's reply text or nodemailer's message, which may quote it).
 */
import { randomUUID } from 'node:crypto';
import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';
import { isAlertAddress } from './alert-address.js';
import { parseSmtpUrl } from './smtp-url.js';
import { alertLanguage, composeAlert, toAlertEvent, type AlertEvent, type AlertLanguage } from './alert-messages.js';

/** Who gets an alert: an address (never logged) and the language the person used. */
export interface AlertRecipient {
  email: string;
  /** A language tag such as "de" or "en-GB"; anything but German gets English. */
  language: string;
}

/** The two log levels the mailer uses; the app's pino logger is one. */
export interface AlertLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/**
 * Short, so a dead or frozen SMTP server ties up a send slot for seconds, not the minutes
 * of nodemailer's defaults; `attemptMs` bounds a whole attempt, also against a server
 * that trickles its replies.
 */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 5000,
  greetingTimeout: 5000,
  socketTimeout: 10_000,
  dnsTimeout: 5000,
  attemptMs: 30_000,
};

export interface AlertMailerOptions {
  transport: Transporter;
  /** MAIL_FROM: the From header, the envelope sender and the Message-ID's domain. */
  from: string;
  /** PUBLIC_URL's home page: the only link an alert may carry. */
  homeUrl?: string;
  log: AlertLog;
  /** The waits before the second, third, … attempt; its length + 1 attempts in all. */
  retryDelaysMs?: readonly number[];
  /** Alerts queued, being sent or waiting for a retry, at most; more are dropped. */
  maxPending?: number;
  /** Sends at a time. */
  concurrency?: number;
  /** The longest one attempt may take before it is abandoned. */
  attemptMs?: number;
  /** How long closing waits for the sends under way before abandoning them. */
  closeGraceMs?: number;
  /**
   * How long an alert may wait for an unreachable SMTP server before it is dropped: it
   * bounds how long an address stays in memory.
   */
  maxAgeMs?: number;
}

interface PendingAlert {
  to: string;
  event: AlertEvent;
  language: AlertLanguage;
  /** One per alert, kept across attempts, so a receiving system can tell a repeat. */
  messageId: string;
  attempts: number;
  queuedAt: number;
}

/** An SMTP transport for SMTP_URL. Its own logging stays off: it would log addresses. */
export function createAlertTransport(smtpUrl: string): Transporter {
  const server = parseSmtpUrl(smtpUrl);
  if (!server) throw new Error('SMTP_URL is not a URL burnlink can use.');
  const { connectionTimeout, greetingTimeout, socketTimeout, dnsTimeout } = SMTP_TIMEOUTS;
  return createTransport({
    ...server,
    connectionTimeout,
    greetingTimeout,
    socketTimeout,
    dnsTimeout,
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

/** The domain of MAIL_FROM's address ("burnlink <alerts@example.com>" → example.com). */
export function senderDomain(from: string): string {
  const match = /@([^\s@<>]+)>?\s*$/.exec(from);
  if (!match) throw new Error('MAIL_FROM has no address with a domain.');
  return match[1]!;
}

/** Only the code and the SMTP reply code: the rest of an error may quote the address. */
function failure(error: unknown): { code?: string; responseCode?: number } {
  const { code, responseCode } = (error ?? {}) as NodemailerError;
  return {
    ...(typeof code === 'string' && { code }),
    ...(typeof responseCode === 'number' && { responseCode }),
  };
}

/** Queues, sends, retries and drops email alerts; see the module comment. */
export class AlertMailer {
  readonly #transport: Transporter;
  readonly #from: string;
  readonly #domain: string;
  readonly #homeUrl: string | undefined;
  readonly #log: AlertLog;
  readonly #retryDelaysMs: readonly number[];
  readonly #maxPending: number;
  readonly #concurrency: number;
  readonly #attemptMs: number;
  readonly #closeGraceMs: number;
  readonly #maxAgeMs: number;

  readonly #ready: PendingAlert[] = [];
  readonly #retryTimers = new Set<NodeJS.Timeout>();
  /** One per send under way, aborted by its deadline or by close. */
  readonly #underWay = new Set<AbortController>();
  #sending = 0;
  /** Ready, being sent or waiting for a retry: what the bound counts. */
  #pending = 0;
  #closing = false;
  #pumpScheduled = false;
  /** While the server cannot be reached, no new attempt starts before this time. */
  #pausedUntil = 0;
  #resumeTimer: NodeJS.Timeout | null = null;
  #onIdle: (() => void) | null = null;

  constructor(options: AlertMailerOptions) {
    this.#transport = options.transport;
    this.#from = options.from;
    this.#domain = senderDomain(options.from);
    this.#homeUrl = options.homeUrl;
    this.#log = options.log;
    this.#retryDelaysMs = options.retryDelaysMs ?? [2000, 10_000];
    this.#maxPending = options.maxPending ?? 1000;
    this.#concurrency = options.concurrency ?? 2;
    this.#attemptMs = options.attemptMs ?? SMTP_TIMEOUTS.attemptMs;
    this.#closeGraceMs = options.closeGraceMs ?? 1000;
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    // A transport may report errors as events too; unheard, one would crash the process.
    this.#transport.on('error', (error: unknown) => this.#log.warn(failure(error), 'alert transport error'));
  }

  /** Alerts not yet sent or dropped. */
  get pending(): number {
    return this.#pending;
  }

  /**
   * Queues an alert and returns at once; never throws. Only the event's kind, times and
   * count are read from it, and only the recipient's address and language.
   */
  notify(recipient: AlertRecipient, event: AlertEvent): void {
    try {
      const valid = toAlertEvent(event);
      if (!valid || !isAlertAddress(recipient?.email)) {
        this.#log.warn({ kind: valid?.kind }, 'alert dropped: not a valid event or address');
        return;
      }
      if (this.#closing) {
        this.#log.warn({ kind: valid.kind }, 'alert dropped: the server is shutting down');
        return;
      }
      if (this.#pending >= this.#maxPending) {
        this.#log.warn({ kind: valid.kind, pending: this.#pending }, 'alert dropped: too many alerts waiting');
        return;
      }
      this.#pending++;
      // Composed when sent, not here: notify runs inside the caller's request.
      this.#ready.push({
        to: recipient.email,
        event: valid,
        language: alertLanguage(recipient.language),
        messageId: `<${randomUUID()}@${this.#domain}>`,
        attempts: 0,
        queuedAt: Date.now(),
      });
      // Sending starts after the caller's reply has been written.
      if (!this.#pumpScheduled) {
        this.#pumpScheduled = true;
        setImmediate(() => {
          this.#pumpScheduled = false;
          this.#pump();
        });
      }
    } catch (error) {
      this.#log.warn({ reason: error instanceof Error ? error.name : typeof error }, 'alert dropped: could not queue');
    }
  }

  /** Connects (and logs in) once, so the operator learns at start-up whether alerts can go out. */
  async checkServer(): Promise<void> {
    try {
      await this.#transport.verify();
      this.#log.info({}, 'email alerts: the SMTP server accepts connections');
    } catch (error) {
      this.#log.warn(failure(error), 'email alerts: the SMTP server cannot be reached or refused the login');
    }
  }

  /**
   * Stops retrying, gives the sends under way (and those ready to go) `closeGraceMs` to
   * finish, abandons the rest and logs how many were dropped.
   */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    for (const timer of this.#retryTimers) clearTimeout(timer);
    this.#retryTimers.clear();
    if (this.#resumeTimer) clearTimeout(this.#resumeTimer);
    if (this.#sending > 0 || (this.#ready.length > 0 && Date.now() >= this.#pausedUntil)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#closeGraceMs);
        this.#onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    this.#onIdle = null;
    for (const send of this.#underWay) send.abort();
    this.#ready.length = 0;
    if (this.#pending > 0) this.#log.warn({ dropped: this.#pending }, 'alerts dropped: the server is shutting down');
    this.#pending = 0;
    this.#transport.close();
  }

  #pump(): void {
    const now = Date.now();
    if (now < this.#pausedUntil) {
      if (!this.#resumeTimer && !this.#closing) {
        this.#resumeTimer = setTimeout(() => {
          this.#resumeTimer = null;
          this.#pump();
        }, this.#pausedUntil - now);
        this.#resumeTimer.unref();
      }
      return;
    }
    this.#dropExpired(now);
    while (this.#sending < this.#concurrency && this.#ready.length > 0) {
      this.#sending++;
      void this.#send(this.#ready.shift()!).finally(() => {
        this.#sending--;
        this.#pump();
        // Idle for closing: nothing under way, and nothing that could start now.
        if (this.#sending === 0 && (this.#ready.length === 0 || Date.now() < this.#pausedUntil)) this.#onIdle?.();
      });
    }
  }

  #dropExpired(now: number): void {
    const kept = this.#ready.filter((alert) => now - alert.queuedAt <= this.#maxAgeMs);
    const dropped = this.#ready.length - kept.length;
    if (dropped === 0) return;
    this.#ready.splice(0, this.#ready.length, ...kept);
    this.#pending -= dropped;
    this.#log.warn({ dropped }, 'alerts dropped: the SMTP server stayed unreachable');
  }

  async #send(alert: PendingAlert): Promise<void> {
    alert.attempts++;
    const send = new AbortController();
    const deadline = setTimeout(() => send.abort(), this.#attemptMs);
    this.#underWay.add(send);
    try {
      const message = composeAlert(alert.event, alert.language, this.#homeUrl);
      await this.#transport.sendMail({
        from: this.#from,
        to: alert.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: alert.messageId,
        headers: {
          'Auto-Submitted': 'auto-generated',
          // Out-of-office and other automatic replies (Exchange) would go nowhere useful.
          'X-Auto-Response-Suppress': 'All',
          'Content-Language': message.language,
        },
        xMailer: false,
        signal: send.signal,
      });
      this.#pending--;
      this.#log.info({ kind: alert.event.kind, attempts: alert.attempts }, 'alert sent');
    } catch (error) {
      // Closing counts what is left in one line.
      if (this.#closing) return;
      // No SMTP reply: the server is down or hung, and trying the other alerts now would
      // only spend connections (and CPU) on it; they wait as long as this one does.
      if (typeof (error as NodemailerError | null)?.responseCode !== 'number') {
        this.#pausedUntil = Date.now() + (this.#retryDelaysMs[0] ?? 0);
      }
      const delay = this.#retryDelaysMs[alert.attempts - 1];
      const permanent = (error as NodemailerError | null)?.permanent === true;
      if (delay === undefined || permanent) {
        this.#pending--;
        this.#log.warn(
          { kind: alert.event.kind, attempts: alert.attempts, ...failure(error) },
          permanent ? 'alert dropped: the SMTP server refused it' : 'alert dropped: every attempt failed',
        );
        return;
      }
      this.#log.info(
        { kind: alert.event.kind, attempts: alert.attempts, ...failure(error) },
        'alert failed; will retry',
      );
      const timer = setTimeout(() => {
        this.#retryTimers.delete(timer);
        this.#ready.push(alert);
        this.#pump();
      }, delay);
      timer.unref();
      this.#retryTimers.add(timer);
    } finally {
      clearTimeout(deadline);
      this.#underWay.delete(send);
    }
  }
}
