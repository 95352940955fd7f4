/**
 * Files in a secret: attached by the picker and by drag and drop, checked against the
 * server's limit before anything is uploaded, and offered to the recipient only as
 * downloads (never opened on our origin), under base names that cannot disguise them.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sealedSize } from '../../web/src/files.js';
import type { ContextRecorder } from '../helpers/browser.js';
import { bytes, storeSecret } from './forge.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { attachFiles, dropFiles, openCreatePage, reveal, screenshots, waitForRevealForm } from './pages.js';

const MAX_SECRET_BYTES = 64 * 1024;

describe('files in a secret', () => {
  const env = useServerAndBrowser({ maxSecretBytes: MAX_SECRET_BYTES });

  /** A recipient's page that records the type of every Blob it turns into a URL. */
  async function recipientPage(recorders: ContextRecorder[]): Promise<Page> {
    const context = await freshContext(env.browser, recorders);
    await context.addInitScript(() => {
      const types: string[] = [];
      Object.defineProperty(window, 'blobTypes', { value: types });
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        types.push(blob instanceof Blob ? blob.type : 'not a blob');
        return create(blob);
      };
    });
    return context.newPage();
  }

  /** Clicks a Download button; returns the name the browser saves under and the bytes. */
  async function download(page: Page, name: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${name}`, exact: true }).click(),
    ]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }

  it('attaches files by picker and by drag and drop, and the recipient downloads each', async () => {
    const recorders: ContextRecorder[] = [];
    const sender = await (await freshContext(env.browser, recorders)).newPage();
    await openCreatePage(sender, env.server.url);
    await sender.getByLabel('Secret', { exact: true }).fill('see the files');
    await attachFiles(sender, [
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
      { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(3000, 7) },
    ]);
    await dropFiles(sender, [{ name: 'page.html', type: 'text/html', text: '<script>parent.pwned = 1</script>' }]);
    const list = sender.getByRole('list', { name: 'Attached files' });
    await list.getByText('page.html').waitFor();
    expect((await list.innerText()).replace(/\s+/g, ' ')).toMatch(
      /notes\.txt 5 bytes Remove photo\.jpg 2\.93 kB Remove page\.html 33 bytes Remove/,
    );
    const group = (await sender.getByRole('group', { name: 'Files (optional)' }).innerText()).replace(/\s+/g, ' ');
    const sealed = sealedSize(13, [
      { name: 'notes.txt', type: 'text/plain', size: 5 },
      { name: 'photo.jpg', type: 'image/jpeg', size: 3000 },
      { name: 'page.html', type: 'text/html', size: 33 },
    ]);
    const sealedKb = (Math.ceil((sealed / 1024) * 100) / 100).toFixed(2);
    expect(group).toContain(` 3 files, 2.97 kB in all. ${sealedKb} kB of 64 kB allowed.`);

    await sender.getByRole('button', { name: 'Remove photo.jpg' }).click();
    expect(await sender.evaluate(() => document.activeElement?.textContent)).toBe('Add files');
    expect(await list.getByRole('listitem').count()).toBe(2);
    await screenshots(sender, 'create-files');

    await sender.getByRole('button', { name: 'Create secret link' }).click();
    await sender.getByRole('heading', { name: 'Your link is ready' }).waitFor();
    const link = await sender.getByLabel('Secret link', { exact: true }).inputValue();

    const recipient = await recipientPage(recorders);
    await recipient.goto(link);
    expect(await reveal(recipient)).toBe('see the files');
    const files = recipient.getByRole('list', { name: 'Files in the secret' });
    expect((await files.innerText()).replace(/\s+/g, ' ')).toMatch(
      /notes\.txt 5 bytes Download page\.html 33 bytes Download/,
    );
    await screenshots(recipient, 'revealed-files');

    expect(await download(recipient, 'notes.txt')).toEqual({ name: 'notes.txt', text: 'hello' });
    expect(await download(recipient, 'page.html')).toEqual({
      name: 'page.html',
      text: '<script>parent.pwned = 1</script>',
    });
    expect(await recipient.evaluate(() => (window as unknown as { blobTypes: string[] }).blobTypes)).toEqual([
      'application/octet-stream',
      'application/octet-stream',
    ]);
    expect(recipient.context().pages(), 'nothing opened in a tab').toHaveLength(1);
    // A file dropped by mistake is refused, so the browser does not open it in place of the only copy.
    const opened = await recipient.evaluate(() => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File(['stray'], 'stray.txt'));
      const drop = new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true });
      document.querySelector('main')!.dispatchEvent(drop);
      return !drop.defaultPrevented;
    });
    expect(opened).toBe(false);
    expect(await recipient.evaluate(() => 'pwned' in window)).toBe(false);
    expect(recorders.flatMap((recorder) => recorder.problems)).toEqual([]);
  });

  it('checks the encrypted (padded) size against the server’s limit before uploading', async () => {
    const recorders: ContextRecorder[] = [];
    const page = await (await freshContext(env.browser, recorders)).newPage();
    await openCreatePage(page, env.server.url);
    // Smaller than the limit, but its padded envelope is not: the envelope is what counts.
    const size = MAX_SECRET_BYTES - 2000;
    const sealed = sealedSize(0, [{ name: 'almost.bin', type: 'application/octet-stream', size }]);
    expect(sealed).toBeGreaterThan(MAX_SECRET_BYTES);
    await attachFiles(page, [{ name: 'almost.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(size) }]);
    const warning = 'Too large: encrypted, this comes to 64.1 kB, and this server accepts at most 64 kB.';
    await page.getByText(warning).waitFor();
    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByText('Encrypting in your browser').waitFor({ state: 'detached' });
    expect(await page.getByText(warning).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Your link is ready' }).count()).toBe(0);
    await screenshots(page, 'create-too-large');

    await page.getByRole('button', { name: 'Remove almost.bin' }).click();
    await attachFiles(page, [
      { name: 'fits.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(size - 8192) },
    ]);
    expect(await page.getByText('Too large').count()).toBe(0);
    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();

    const creations = (await recorders[0]!.requests()).filter(
      (r) => r.method === 'POST' && r.url.endsWith('/api/secrets'),
    );
    expect(creations, 'only the file that fits was uploaded').toHaveLength(1);
  });

  it('refuses more than 100 files and names over 255 bytes, keeping the rest', async () => {
    const page = await (await freshContext(env.browser)).newPage();
    await openCreatePage(page, env.server.url);
    const longName = `${'é'.repeat(126)}.txt`; // 130 characters, 256 bytes
    const files = Array.from({ length: 101 }, (_, i) => ({
      name: `file-${i + 1}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(String(i)),
    }));
    await attachFiles(page, [{ name: longName, mimeType: 'text/plain', buffer: Buffer.from('x') }, ...files]);
    await page.getByText('At most 100 files can be attached: 1 file was left out.').waitFor();
    expect(await page.getByText(`“${longName}” was left out: its name is too long`).count()).toBe(1);
    const list = page.getByRole('list', { name: 'Attached files' });
    expect(await list.getByRole('listitem').count()).toBe(100);
    expect(await list.getByText('file-101.txt').count()).toBe(0);

    // Each new addition is judged on its own: with 100 attached, one more is refused.
    await attachFiles(page, [{ name: 'one-more.txt', mimeType: 'text/plain', buffer: Buffer.from('1') }]);
    await page.getByText('At most 100 files can be attached: 1 file was left out.').waitFor();
    expect(await page.getByText('was left out: its name is too long').count()).toBe(0);
  });

  it('reduces names to base names and keeps sender-controlled content inert', async () => {
    const sender = await (await freshContext(env.browser)).newPage();
    await openCreatePage(sender, env.server.url);
    await dropFiles(sender, [{ name: 'folder\\inner.txt', type: 'text/plain', text: 'inner' }]);
    await sender.getByRole('list', { name: 'Attached files' }).getByText('inner.txt', { exact: true }).waitFor();

    const recorders: ContextRecorder[] = [];
    const hostileText = '<img src=x onerror="window.pwned=1"><b>not bold</b>';
    const link = await storeSecret(env.server.url, {
      text: hostileText,
      files: [
        { name: '../../.ssh/authorized_keys', type: 'text/plain', bytes: bytes('ssh-ed25519 AAAA') },
        { name: 'C:\\Users\\me\\evil.exe', type: 'application/x-msdownload', bytes: bytes('MZ') },
        { name: 'invoice\u202Efdp.exe', type: 'application/pdf', bytes: bytes('MZ') },
        { name: 'page.svg', type: 'image/svg+xml', bytes: bytes('<svg onload="parent.pwned=1"/>') },
      ],
    });
    const recipient = await recipientPage(recorders);
    await recipient.goto(link);
    await waitForRevealForm(recipient);
    expect(await reveal(recipient)).toBe(hostileText);
    expect(await recipient.locator('main img, main b').count(), 'text is shown as text').toBe(0);
    const rows = await recipient
      .getByRole('list', { name: 'Files in the secret' })
      .getByRole('listitem')
      .allInnerTexts();
    expect(rows.map((row) => row.split('\n')[0])).toEqual([
      'authorized_keys',
      'evil.exe',
      'invoice_fdp.exe',
      'page.svg',
    ]);
    expect((await download(recipient, 'invoice_fdp.exe')).name).toBe('invoice_fdp.exe');
    expect((await download(recipient, 'page.svg')).name).toBe('page.svg');
    expect(await recipient.evaluate(() => 'pwned' in window)).toBe(false);
    expect(recorders.flatMap((recorder) => recorder.problems)).toEqual([]);
  });
});
