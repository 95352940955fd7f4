/**
 * What a person puts into a secret or an answer: text and files, with the size of
 * the envelope they make, checked before anything is encrypted.
 */
import { sealedSize, utf8Length } from '../files.js';
import type { FileLengths, Secret } from '../lib/envelope.js';
import { Attachments } from './attachments.svelte.js';

export class SecretContent {
  text = $state('');
  readonly attachments = new Attachments();
  readonly empty = $derived(this.text.length === 0 && this.attachments.list.length === 0);
  /** The envelope's size in bytes, which the server's limit counts. */
  readonly sealedSize: number;

  /** `sizeOf`: the size of the kind of envelope this content is sealed into (a sealed answer's). */
  constructor(sizeOf: (textBytes: number, files: FileLengths[]) => number) {
    this.sealedSize = $derived(sealedSize(utf8Length(this.text), this.attachments.list, sizeOf));
  }

  /** The text and every file's bytes, for sealing. */
  async read(): Promise<Secret> {
    return { text: this.text, files: await this.attachments.read() };
  }

  /** Forgets the text and the files, keeping nothing sensitive in memory. */
  clear(): void {
    this.text = '';
    this.attachments.clear();
  }
}
