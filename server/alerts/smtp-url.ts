/**
 * SMTP_URL, read once for the config check and the transport. Not handed to nodemailer
 * as a URL: nodemailer takes any option from a URL's query, `debug` and `logger`
 * included, which would write logins and addresses to the console. Only the options
 * below are taken; anything else is refused at start-up.
 */

/** What the transport needs from SMTP_URL. */
export interface SmtpServer {
  host: string;
  /** Unset: nodemailer's default, 465 with smtps://, else 587. */
  port?: number;
  /** smtps://: TLS from the first byte; smtp://: STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
  /** ?requireTLS=true: refuse a server that does not offer STARTTLS. */
  requireTLS?: boolean;
  /** ?tls.rejectUnauthorized=false: accept a certificate that does not verify (a relay of your own). */
  tls?: { rejectUnauthorized: boolean };
  /** ?name=mail.example.com: the name given in EHLO (default: the machine's host name). */
  name?: string;
}

const BOOLEAN = { true: true, false: false } as Record<string, boolean>;

/** The server SMTP_URL names, or null when it is not a URL this reads (never quote it: it may hold a password). */
export function parseSmtpUrl(text: string): SmtpServer | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') return null;
  if (url.pathname !== '' && url.pathname !== '/') return null;
  const server: SmtpServer = { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), secure: url.protocol === 'smtps:' };
  if (url.port !== '') server.port = Number(url.port);
  try {
    if (url.username || url.password) {
      server.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
    }
  } catch {
    return null;
  }
  for (const [key, value] of url.searchParams) {
    if (key === 'requireTLS' && value in BOOLEAN) server.requireTLS = BOOLEAN[value];
    else if (key === 'tls.rejectUnauthorized' && value in BOOLEAN) server.tls = { rejectUnauthorized: BOOLEAN[value]! };
    else if (key === 'name' && /^[A-Za-z0-9.-]{1,253}$/.test(value)) server.name = value;
    else return null;
  }
  return server;
}
