/**
 * send → get through a real server, in-process: exact text, files, safe names,
 * nothing overwritten; and links interchangeable with the page's own modules.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../web/src/lib/api.js';
import { deriveKeys, newLinkKey, open, proofHash, seal, type Secret } from '../../web/src/lib/envelope.js';
import { parseSecretLink, secretLink } from '../../web/src/lib/link.js';
import { startServer, type RunningServer } from '../helpers/server.js';
import { burnlink, sendText, tempDir } from './harness.js';

let server: RunningServer;
let api: ApiClient;
beforeAll(async () => {
  server = await startServer();
  api = new ApiClient(server.url);
});
afterAll(async () => server?.close());

/**
 * Seals a secret with the page's modules alone, as the browser does, and returns its link;
 * with `version: 1`, as a page made before format 2 did (a `#1.` link).
 */
async function sealLikeThePage(secret: Secret, options: { version?: 1 } = {}): Promise<string> {
  const linkKey = newLinkKey();
  const keys = await deriveKeys(linkKey);
  const created = await api.create({
    envelope: await seal(secret, keys, options),
    accessHash: await proofHash(keys.access),
    expiresIn: 600,
    views: 1,
  });
  const link = secretLink(server.url, created.id, linkKey);
  return options.version ? link.replace('#2.', `#${options.version}.`) : link;
}

describe('text', () => {
  it('prints exactly the text sent on stdin, non-ASCII and multi-line, then the link is gone', async () => {
    const text = 'Grüße, 世界 🔑\r\nline two\n\n  indented\tand tabbed\nno newline at the end';
    const sent = await burnlink(['send', '--server', server.url, '--expires', '5m'], { stdin: text });
    expect(sent.code).toBe(0);
    expect(sent.out).toMatch(new RegExp(`^${server.url}/s/[A-Za-z0-9_-]{21,}#2\\.[A-Za-z0-9_-]{43}\\n$`));
    expect(sent.stderr).toMatch(/\/r\/[A-Za-z0-9_-]{21,}#[A-Za-z0-9_-]{43}\n/);
    expect(sent.stderr).toMatch(/in 5 minutes/);

    const got = await burnlink(['get', sent.out.trim()]);
    expect(got.code).toBe(0);
    expect(got.stdout.equals(Buffer.from(text))).toBe(true);
    expect(got.stderr).toMatch(/last view/);
  });

  it('without --expires, takes the server’s default expiry', async () => {
    const short = await startServer({ defaultExpiresIn: 600, maxExpiresIn: 3_600 });
    try {
      const sent = await burnlink(['send', '--server', short.url], { stdin: 'default expiry' });
      expect(sent.code, sent.stderr).toBe(0);
      expect(sent.stderr).toMatch(/in 10 minutes/);
    } finally {
      await short.close();
    }
  });

  it('keeps a byte-order mark and a trailing newline, and lets a 2-view link be opened twice', async () => {
    const text = '\uFEFFsecret\n';
    const link = await sendText(server, text, ['--views', '2']);
    const first = await burnlink(['get', link]);
    expect(first.stdout.equals(Buffer.from(text))).toBe(true);
    expect(first.stderr).toMatch(/opened 1 more time/);
    expect((await burnlink(['get', link])).stdout.equals(Buffer.from(text))).toBe(true);
  });

  it('refuses invalid UTF-8 and empty input without sending anything', async () => {
    const bad = await burnlink(['send', '--server', server.url], { stdin: Buffer.from([0x61, 0xff, 0x62]) });
    expect(bad).toMatchObject({ code: 1, out: '' });
    expect(bad.stderr).toMatch(/not valid UTF-8.*FILE/);
    const empty = await burnlink(['send', '--server', server.url], { stdin: '' });
    expect(empty).toMatchObject({ code: 1, out: '' });
    expect(empty.stderr).toMatch(/nothing to send/);
  });
});

describe('files', () => {
  it('attaches a file under its base name and writes the same bytes into --out', async () => {
    const from = await tempDir();
    const to = await tempDir();
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    await writeFile(join(from, 'id_ed25519'), bytes);
    const sent = await burnlink(['send', '--server', server.url, join(from, 'id_ed25519'), '--text', 'the key ✓']);
    expect(sent.code).toBe(0);

    const got = await burnlink(['get', sent.out.trim(), '--out', to]);
    expect(got.code).toBe(0);
    expect(got.out).toBe('the key ✓');
    expect(await readdir(to)).toEqual(['id_ed25519']);
    expect((await readFile(join(to, 'id_ed25519'))).equals(bytes)).toBe(true);
    expect(got.stderr).toMatch(/Saved .*id_ed25519 \(70000 bytes\)\./);
  });

  it('reduces hostile names to safe base names inside the output directory', async () => {
    const to = await tempDir();
    const link = await sealLikeThePage({
      text: '',
      files: [
        { name: '../../etc/passwd', type: 'text/plain', bytes: Buffer.from('root') },
        { name: '.bashrc', type: 'text/plain', bytes: Buffer.from('rc') },
        { name: 'C:\\Windows\\evil\x1b[2J.txt', type: 'x\x1b', bytes: Buffer.from('evil') },
      ],
    });
    const got = await burnlink(['get', link, '--out', to]);
    expect(got.code).toBe(0);
    expect((await readdir(to)).sort()).toEqual(['bashrc', 'evil_[2J.txt', 'passwd']);
    expect(await readFile(join(to, 'passwd'), 'utf8')).toBe('root');
    expect(got.stderr).toContain('(sent as “../../etc/passwd”)');
    expect(got.stderr).toContain('\\x1b[2J');
    expect(got.stderr).not.toContain('\x1b');
  });

  it('never overwrites an existing file without --force, and replaces it with --force', async () => {
    const to = await tempDir();
    await writeFile(join(to, 'notes.txt'), 'mine');
    const secret = { text: 'hi', files: [{ name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('theirs') }] };

    const kept = await burnlink(['get', await sealLikeThePage(secret), '--out', to]);
    expect(kept.code).toBe(0);
    expect(kept.out).toBe('hi');
    expect(await readFile(join(to, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(to, 'notes (1).txt'), 'utf8')).toBe('theirs');
    expect(kept.stderr).toMatch(/Saved .*notes \(1\)\.txt .*“notes\.txt” already exists/);

    const forced = await burnlink(['get', await sealLikeThePage(secret), '--out', to, '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(join(to, 'notes.txt'), 'utf8')).toBe('theirs');
    expect(forced.stderr).toMatch(/replaced the existing file/);
  });

  it('checks --out before revealing, so a bad directory burns nothing', async () => {
    const link = await sendText(server, 'still here');
    const missing = await burnlink(['get', link, '--out', join(await tempDir(), 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist\. Nothing was revealed/);
    expect((await burnlink(['get', link])).out).toBe('still here');
  });
});

describe('interchangeable with the page', () => {
  it('opens a secret sealed by the page’s modules', async () => {
    const file = { name: 'a.bin', type: 'application/x-thing', bytes: new Uint8Array([0, 1, 2]) };
    const secret = { text: 'from the browser\n', files: [file] };
    const to = await tempDir();
    const got = await burnlink(['get', await sealLikeThePage(secret), '--out', to]);
    expect(got.out).toBe(secret.text);
    expect([...(await readFile(join(to, 'a.bin')))]).toEqual([0, 1, 2]);
  });

  it('opens a secret of format 1, made before format 2', async () => {
    const link = await sealLikeThePage({ text: 'from an older page', files: [] }, { version: 1 });
    expect(link).toContain('#1.');
    const got = await burnlink(['get', link]);
    expect(got.code).toBe(0);
    expect(got.out).toBe('from an older page');
  });

  it('makes links the page’s modules open', async () => {
    const from = await tempDir();
    await writeFile(join(from, 'f.txt'), 'file body');
    const sent = await burnlink(['send', '--server', server.url, join(from, 'f.txt'), '--text', 'note']);
    const { origin, id, linkKey } = parseSecretLink(sent.out.trim());
    expect(origin).toBe(server.url);
    const keys = await deriveKeys(linkKey);
    expect(await api.status(id, keys.access)).toMatchObject({ passphrase: false, viewsLeft: 1 });
    const { envelope } = await api.reveal(id, keys);
    expect(await open(envelope, keys)).toEqual({
      text: 'note',
      files: [{ name: 'f.txt', type: 'application/octet-stream', bytes: new Uint8Array(Buffer.from('file body')) }],
    });
  });
});
