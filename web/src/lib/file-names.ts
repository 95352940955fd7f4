/**
 * The one rule for the name a file is offered or saved under, shared by the page and
 * the CLI so both save the same attachment under the same name. Sender-controlled
 * names are hostile: a path would escape the folder, a leading dot would hide the
 * file, and control or bidirectional characters could disguise it
 * ("invoice\u202Efdp.exe" reads "invoiceexe.pdf").
 */
import type { Secret } from './envelope-types.js';

// Controls, zero-width and direction marks, bidirectional embeddings, overrides and isolates, BOM.
const DISGUISING = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/**
 * A name reduced to its base name, with disguising characters replaced by "_" and
 * leading dots and surrounding spaces removed; "file" when nothing is left. Never
 * longer in UTF-8 than the name it was given.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(DISGUISING, '_')
    .replace(/^[\s.]+/u, '')
    .replace(/[\s.]+$/u, '');
  return cleaned === '' ? 'file' : cleaned;
}

/** A decrypted secret with every file under its safe name: sender-controlled names, made harmless. */
export function withSafeNames(secret: Secret): Secret {
  return { text: secret.text, files: secret.files.map((file) => ({ ...file, name: safeFileName(file.name) })) };
}
