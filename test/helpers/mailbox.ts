/**
 * SMTP servers on 127.0.0.1 for tests: a mailbox that keeps every message it receives
 * (optionally asking for a login, or refusing the first messages), a port where nothing
 * listens, and a server that takes connections and never says a word.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface MailboxOptions {
  /** The login the server asks for; without it, anyone may send. */
  auth?: { user: string; pass: string };
  /** Refuse this many messages (DATA) before accepting, with `refuseWith`. */
  refuseFirst?: number;
  /** The reply code of a refusal: 451 (try again later, the default) or a 5xx (never). */
  refuseWith?: number;
}

export interface Mailbox {
  port: number;
  /** smtp://127.0.0.1:PORT, without credentials. */
  url: string;
  /** Raw messages, in the order they were accepted. */
  messages: Buffer[];
  /** Messages offered, refused ones included. */
  offered(): number;
  /** The accepted messages once there are `count` of them; rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 that keeps every message it accepts, raw. */
export async function startMailbox(options: MailboxOptions = {}): Promise<Mailbox> {
  const messages: Buffer[] = [];
  const waiters = new Set<() => void>();
  let offered = 0;
  const smtp = new SMTPServer({
    authOptional: !options.auth,
    // Plain-text login on loopback: these tests are about alerts, not TLS.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const { user, pass } = options.auth ?? {};
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        offered++;
        if (offered <= (options.refuseFirst ?? 0)) {
          const code = options.refuseWith ?? 451;
          callback(Object.assign(new Error(code < 500 ? 'Try again later' : 'Refused'), { responseCode: code }));
          return;
        }
        messages.push(Buffer.concat(chunks));
        callback();
        for (const wake of waiters) wake();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    offered: () => offered,
    waitForMessages: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${messages.length} of ${count} messages arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        function check() {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice(0, count));
        }
        waiters.add(check);
        check();
      }),
    close: () => new Promise((resolve) => smtp.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 where nothing listens (connections are refused at once). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server on 127.0.0.1 that accepts connections and never answers: a hung SMTP server. */
export async function startSilentServer(): Promise<{ port: number; connections(): number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
