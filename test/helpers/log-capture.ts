/** Captures the server's log lines and finds anything in them that looks like a secret. */
import { hostname } from 'node:os';
import { Writable } from 'node:stream';

export interface CapturedLog {
  stream: Writable;
  text(): string;
  /** Parsed JSON lines. */
  entries(): Record<string, unknown>[];
}

export function captureLog(): CapturedLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    text,
    entries: () =>
      text()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/**
 * Runs of 21 or more base64url characters (the shortest id; tokens, proofs and
 * ciphertext are longer), apart from the host name and error codes such as
 * FST_ERR_CTP_INVALID_MEDIA_TYPE. A clean log has none.
 */
export function secretLookingRuns(log: string): string[] {
  const runs = log.replaceAll(hostname(), '').match(/[A-Za-z0-9_-]{21,}/g) ?? [];
  return [...new Set(runs)].filter((run) => !/^[A-Z0-9_]+$/.test(run) && !/^[a-z_]+$/.test(run));
}
