/** Reading all of an input stream, and strict UTF-8. */
import { CliError } from './errors.js';

/** Everything a stream yields until its end. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 exactly (a BOM is kept), or throws `error` for any invalid byte. */
export function decodeUtf8(bytes: Uint8Array, error: () => CliError): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw error();
  }
}
