/**
 * Where the audit log's lines go (AUDIT_LOG): stdout, or a file opened once for appending.
 * Each line is one write: with O_APPEND, Linux appends each write(2) to a regular file
 * whole, so the WORKERS processes may share one file, and on stdout a line never splits
 * around a log line (pino also writes each of its lines at once).
 */
import { closeSync, openSync, write } from 'node:fs';
import { ConfigError } from '../config.js';

export interface AuditSink {
  /** Appends one line (a JSON object and its newline); failures go to `onError`, never to the caller. */
  write(line: string): void;
  /** Waits for the lines written so far, then lets go of the file. */
  close(): Promise<void>;
}

/** Owner read-write, group read: a log shipper in the file's group may read it; nobody else may. */
export const AUDIT_FILE_MODE = 0o640;

/**
 * The sink AUDIT_LOG names, or undefined for `off`. A file that cannot be opened is a
 * ConfigError, so a server that was asked to keep an audit log does not start without one.
 */
export function openAuditSink(
  target: string,
  stdout: NodeJS.WritableStream,
  onError: (error: Error) => void,
): AuditSink | undefined {
  if (target === 'off') return undefined;
  if (target === 'stdout') {
    return {
      write: (line) => {
        stdout.write(line);
      },
      close: () => Promise.resolve(),
    };
  }
  let fd: number;
  try {
    fd = openSync(target, 'a', AUDIT_FILE_MODE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError([
      `AUDIT_LOG must be off, stdout, or a file this process can append to; ${JSON.stringify(target)} cannot be opened (${code}).`,
    ]);
  }
  // One write at a time keeps this process's lines in the order they happened.
  let tail = Promise.resolve();
  return {
    write(line) {
      const bytes = Buffer.from(line);
      tail = tail.then(
        () =>
          new Promise<void>((done) => {
            write(fd, bytes, (error) => {
              if (error) onError(error);
              done();
            });
          }),
      );
    },
    async close() {
      await tail;
      closeSync(fd);
    },
  };
}
