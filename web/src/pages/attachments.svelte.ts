/**
 * The files a sender attaches: added by the picker or by drag and drop, each reduced
 * to a safe base name; refused when there are too many or a name is too long.
 */
import { MAX_FILES, nameFits, storedType } from '../files.js';
import { safeFileName } from '../lib/file-names.js';
import type { SecretFile } from '../lib/envelope.js';

export interface Attachment {
  readonly key: number;
  readonly file: File;
  /** The base name that goes into the envelope. */
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/** Why some of the files just added were left out. */
export type AttachmentNotice = { code: 'too_many'; left: number } | { code: 'name_too_long'; name: string };

/** A file that could not be read when sealing (deleted or moved since it was added). */
export class UnreadableFileError extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} could not be read`);
    this.name = 'UnreadableFileError';
  }
}

export class Attachments {
  list = $state.raw<Attachment[]>([]);
  /** About the last addition only. */
  notices = $state.raw<AttachmentNotice[]>([]);
  readonly totalBytes = $derived(this.list.reduce((sum, attachment) => sum + attachment.size, 0));

  #nextKey = 0;

  add(files: Iterable<File>): void {
    const added: Attachment[] = [];
    const notices: AttachmentNotice[] = [];
    let left = 0;
    for (const file of files) {
      const name = safeFileName(file.name);
      if (!nameFits(name)) {
        notices.push({ code: 'name_too_long', name });
      } else if (this.list.length + added.length >= MAX_FILES) {
        left++;
      } else {
        added.push({ key: this.#nextKey++, file, name, type: storedType(file.type), size: file.size });
      }
    }
    if (left > 0) notices.push({ code: 'too_many', left });
    this.list = [...this.list, ...added];
    this.notices = notices;
  }

  remove(key: number): void {
    this.list = this.list.filter((attachment) => attachment.key !== key);
    this.notices = [];
  }

  clear(): void {
    this.list = [];
    this.notices = [];
  }

  /** Reads every file, for sealing. */
  async read(): Promise<SecretFile[]> {
    return Promise.all(
      this.list.map(async ({ file, name, type }) => {
        try {
          return { name, type, bytes: new Uint8Array(await file.arrayBuffer()) };
        } catch {
          throw new UnreadableFileError(name);
        }
      }),
    );
  }
}
