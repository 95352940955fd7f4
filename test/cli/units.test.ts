/** The CLI's small parts: durations, terminal escaping, the hidden prompt, safe file names. */
import { lstat, mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../cli/duration.js';
import { alternativeName, saveFile } from '../../cli/files.js';
import { readAll } from '../../cli/io.js';
import { escapeLine, escapeText, promptHidden } from '../../cli/terminal.js';
import { Capture, fakeTerminal, tempDir } from './harness.js';

describe('parseDuration', () => {
  it('reads seconds and unit suffixes', () => {
    const read = ['300', '90s', '5m', '1h', '1d', '7d', '2w', ' 1H '].map(parseDuration);
    expect(read).toEqual([300, 90, 300, 3_600, 86_400, 604_800, 1_209_600, 3_600]);
  });

  it('refuses anything else', () => {
    for (const bad of ['', '0', '0m', '-5m', '1.5h', '5 m', '5mm', '1y', 'm', '1e3', '9999999999']) {
      expect(parseDuration(bad), bad).toBeUndefined();
    }
  });
});

describe('escaping for a terminal', () => {
  it('shows controls, C1 and bidi overrides escaped, keeping newlines, tabs and CRLF', () => {
    const { text, escaped } = escapeText('a\x1b[2Jb\tc\r\nd\re\x07\x7f\u009b\u202eok\n');
    expect(text).toBe('a\\x1b[2Jb\tc\r\nd\\x0de\\x07\\x7f\\x9b\\u202eok\n');
    expect(escaped).toBe(6);
    expect(escapeText('plain ✓ \\x1b').escaped).toBe(0);
  });

  it('escapes newlines and tabs too in one-line values such as file names', () => {
    expect(escapeLine('a\nb\tc\x1bd')).toBe('a\\x0ab\\x09c\\x1bd');
  });
});

describe('promptHidden', () => {
  it('reads one line without echo, with backspace and Ctrl-U, and restores the terminal', async () => {
    const terminal = fakeTerminal(['x\x15s3', 'cr\x7f\x7fcret', '\rthe rest']);
    const output = new Capture();
    expect(await promptHidden(terminal, output, 'Passphrase: ')).toBe('s3cret');
    expect(output.text).toBe('Passphrase: \n');
    expect(terminal.rawModes).toEqual([true, false]);
    terminal.end();
    expect(Buffer.from(await readAll(terminal)).toString()).toBe('the rest');
  });

  it('keeps non-ASCII characters split across chunks', async () => {
    const bytes = Buffer.from('pâß\r');
    const terminal = fakeTerminal([]);
    terminal.write(bytes.subarray(0, 2));
    terminal.write(bytes.subarray(2));
    expect(await promptHidden(terminal, new Capture(), '? ')).toBe('pâß');
  });

  it('cancels on Ctrl-C and on end of input', async () => {
    await expect(promptHidden(fakeTerminal(['abc\x03']), new Capture(), '? ')).rejects.toThrow('Cancelled.');
    const ended = fakeTerminal(['abc']);
    ended.end();
    await expect(promptHidden(ended, new Capture(), '? ')).rejects.toThrow('Cancelled.');
    expect(ended.rawModes).toEqual([true, false]);
  });
});

describe('alternativeName', () => {
  it('numbers alternatives before the extension, within 255 bytes', () => {
    expect(alternativeName('notes.txt', 1)).toBe('notes (1).txt');
    expect(alternativeName('README', 2)).toBe('README (2)');
    const long = alternativeName(`${'é'.repeat(127)}.bin`, 12);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    expect(long.endsWith(' (12).bin')).toBe(true);
  });
});

describe('saveFile', () => {
  it('never replaces an existing file, picking the next free name instead', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), 'old');
    await writeFile(join(dir, 'a (1).txt'), 'old too');
    const taken = new Set<string>();
    const saved = await saveFile(dir, 'a.txt', Buffer.from('new'), { force: false, taken });
    expect(saved).toEqual({ name: 'a (2).txt', replaced: false });
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('old');
    expect(await readFile(join(dir, 'a (2).txt'), 'utf8')).toBe('new');
    expect(((await lstat(join(dir, 'a (2).txt'))).mode & 0o777).toString(8)).toBe('600');
  });

  it('with force, replaces the entry itself, never following a symlink, and never a file of this run', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', 'target'), 'precious');
    await symlink(join(dir, 'elsewhere', 'target'), join(dir, 'key'));
    const taken = new Set<string>();
    expect(await saveFile(dir, 'key', Buffer.from('one'), { force: true, taken })).toEqual({
      name: 'key',
      replaced: true,
    });
    expect((await lstat(join(dir, 'key'))).isSymbolicLink()).toBe(false);
    expect(await readFile(join(dir, 'elsewhere', 'target'), 'utf8')).toBe('precious');
    expect(await saveFile(dir, 'key', Buffer.from('two'), { force: true, taken })).toEqual({
      name: 'key (1)',
      replaced: false,
    });
    expect(await readFile(join(dir, 'key'), 'utf8')).toBe('one');
  });

  it('does not write through a dangling symlink without force', async () => {
    const dir = await tempDir();
    await symlink(join(dir, 'nowhere'), join(dir, 'x'));
    expect(await saveFile(dir, 'x', Buffer.from('data'), { force: false, taken: new Set() })).toMatchObject({
      name: 'x (1)',
    });
    expect(await readlink(join(dir, 'x'))).toBe(join(dir, 'nowhere'));
    await expect(lstat(join(dir, 'nowhere'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
