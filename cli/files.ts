/**
 * Writing a sender's files to disk (under names already made safe by
 * web/src/lib/file-names.ts): never over an existing file unless asked, and even then
 * never through a symlink.
 */
import { randomBytes } from 'node:crypto';
import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_NAME_BYTES } from '../web/src/lib/envelope.js';

const MAX_ALTERNATIVES = 1000;

/** `name (n).ext`: the alternative Chrome and Finder pick, kept within the byte limit. */
export function alternativeName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const suffix = ` (${n})${ext}`;
  const room = MAX_NAME_BYTES - Buffer.byteLength(suffix);
  return `${truncateUtf8(stem, Math.max(room, 1))}${suffix}`;
}

export interface SavedFile {
  /** The name actually written, inside the directory. */
  name: string;
  /** Whether an existing file of that name was replaced (only with `force`). */
  replaced: boolean;
}

/**
 * Writes `bytes` as `name` in `dir`, readable by the owner only. An existing file is
 * kept and the next free `name (n).ext` is used instead, unless `force`; names in
 * `taken` (written earlier in this run) are never replaced. Adds the name to `taken`.
 */
export async function saveFile(
  dir: string,
  name: string,
  bytes: Uint8Array,
  options: { force: boolean; taken: Set<string> },
): Promise<SavedFile> {
  if (options.force && !options.taken.has(name)) {
    const outcome = await replaceFile(dir, name, bytes);
    if (outcome !== 'impossible') {
      options.taken.add(name);
      return { name, replaced: outcome === 'replaced' };
    }
  }
  for (let n = 0; n <= MAX_ALTERNATIVES; n++) {
    const candidate = n === 0 ? name : alternativeName(name, n);
    if (options.taken.has(candidate)) continue;
    try {
      // O_CREAT|O_EXCL: fails on any existing entry, a dangling symlink included.
      await writeFile(join(dir, candidate), bytes, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    options.taken.add(candidate);
    return { name: candidate, replaced: false };
  }
  throw new Error(`no free name like “${name}” in ${dir}`);
}

/**
 * Writes a temporary file beside the target and renames it over it: the directory
 * entry is replaced, so a symlink planted there is never followed. `impossible` when
 * the target cannot be replaced (it is a directory, say).
 */
async function replaceFile(
  dir: string,
  name: string,
  bytes: Uint8Array,
): Promise<'created' | 'replaced' | 'impossible'> {
  const target = join(dir, name);
  const existed = await lstat(target).then(
    () => true,
    () => false,
  );
  const temporary = join(dir, `.burnlink-${randomBytes(6).toString('hex')}.part`);
  await writeFile(temporary, bytes, { flag: 'wx', mode: 0o600 });
  try {
    await rename(temporary, target);
    return existed ? 'replaced' : 'created';
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') return 'impossible';
    throw error;
  }
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, cut between code points. */
function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}
