/**
 * axe-core scans every state of every page, in light and dark mode, and must find
 * nothing. The scanning contexts bypass the CSP so axe can be injected; the other
 * e2e tests check the CSP holds.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scan, type Violation } from './axe.js';
import { bytes, storeSecret } from './forge.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { attachFiles, createSecret, GONE, openCreatePage, reveal, waitForRevealForm } from './pages.js';

const MAX_SECRET_BYTES = 64 * 1024;

describe('accessibility of every page state (axe-core)', () => {
  const env = useServerAndBrowser({ maxSecretBytes: MAX_SECRET_BYTES, maxPassphraseAttempts: 2 }, [
    '--host-resolver-rules=MAP burnlink.test 127.0.0.1',
  ]);

  async function scanningPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await freshContext(env.browser, [], { bypassCSP: true, ...options });
    return context.newPage();
  }

  /** Scans each state as the test reaches it, and reports all violations together. */
  function scanner() {
    const violations: Violation[] = [];
    const states: string[] = [];
    return {
      async state(page: Page, name: string) {
        states.push(name);
        violations.push(...(await scan(page, name)));
      },
      check(expectedStates: number) {
        expect(states).toHaveLength(expectedStates);
        expect(violations).toEqual([]);
      },
    };
  }

  it('finds nothing on the sender’s pages', async () => {
    const axe = scanner();
    const page = await scanningPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await openCreatePage(page, env.server.url);
    await axe.state(page, 'create: empty');

    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByRole('alert').waitFor();
    await axe.state(page, 'create: nothing typed');

    await page.getByLabel('Secret', { exact: true }).fill('with files');
    await attachFiles(page, [
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
      { name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(MAX_SECRET_BYTES) },
      { name: `${'n'.repeat(256)}.txt`, mimeType: 'text/plain', buffer: Buffer.from('long name') },
    ]);
    await page.getByText('Too large').waitFor();
    await axe.state(page, 'create: files, one too large, one refused');

    await page.getByRole('button', { name: 'Remove big.bin' }).click();
    await page.getByRole('button', { name: 'Generate a passphrase' }).click();
    await page.getByText('A random passphrase was generated').waitFor();
    await axe.state(page, 'create: a file attached, passphrase generated');

    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
    await page.getByRole('button', { name: 'Copy secret link' }).click();
    await page.getByRole('button', { name: 'Show QR code' }).click();
    await page.getByRole('img', { name: 'QR code of the secret link' }).waitFor();
    await axe.state(page, 'created: copied, QR code shown');
    axe.check(5);
  });

  it('finds nothing on the recipient’s pages', async () => {
    const axe = scanner();
    const page = await scanningPage();
    await page.goto(await storeSecret(env.server.url, { text: 'plain', files: [] }));
    await waitForRevealForm(page);
    await axe.state(page, 'reveal: ready');

    await page.route('**/reveal', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('alert').waitFor();
    await axe.state(page, 'reveal: server unreachable on Reveal');
    await page.unroute('**/reveal');

    const files = [
      { name: 'report.pdf', type: 'application/pdf', bytes: bytes('%PDF') },
      { name: 'key.pem', type: '', bytes: bytes('-----BEGIN') },
    ];
    await page.goto(await storeSecret(env.server.url, { text: 'with files', files }));
    await reveal(page);
    await axe.state(page, 'revealed: text and files');

    await page.goto(await storeSecret(env.server.url, { text: '', files: files.slice(0, 1) }));
    await waitForRevealForm(page);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('button', { name: 'Download report.pdf' }).waitFor();
    await axe.state(page, 'revealed: a file only');

    const link = await storeSecret(env.server.url, { text: 'locked', files: [] }, { passphrase: 'right' });
    await page.goto(link);
    await waitForRevealForm(page);
    await axe.state(page, 'reveal: passphrase needed');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('alert').filter({ hasText: 'Type the passphrase first.' }).waitFor();
    await axe.state(page, 'reveal: passphrase missing');
    await page.getByLabel('Passphrase', { exact: true }).fill('wrong');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong passphrase. 1 attempt left.' }).waitFor();
    await axe.state(page, 'reveal: wrong passphrase');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('heading', { name: 'Too many wrong passphrases' }).waitFor();
    await axe.state(page, 'reveal: destroyed after too many wrong passphrases');

    await page.goto('about:blank');
    await page.goto(link);
    await page.getByRole('heading', { name: GONE }).waitFor();
    await axe.state(page, 'reveal: gone');

    await page.goto(`${env.server.url}/s/${'A'.repeat(21)}`);
    await page.getByRole('heading', { name: 'This link is incomplete or damaged' }).waitFor();
    await axe.state(page, 'reveal: key missing');

    await page.goto(await storeSecret(env.server.url, { text: 'x', files: [] }, { tamper: true }));
    await waitForRevealForm(page);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('heading', { name: 'The secret could not be decrypted' }).waitFor();
    await axe.state(page, 'reveal: undecryptable');

    await page.route('**/status', (route) => route.abort('connectionrefused'));
    await page.goto(await storeSecret(env.server.url, { text: 'x', files: [] }));
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    await axe.state(page, 'reveal: server unreachable on opening');
    axe.check(12);
  });

  it('finds nothing on the status pages', async () => {
    const axe = scanner();
    const page = await scanningPage();
    const { link, receiptLink } = await createSecret(page, env.server.url, { text: 'receipt', views: 2 });
    await page.goto(receiptLink);
    await page.getByText('Not viewed yet.').waitFor();
    await axe.state(page, 'receipt: pending');

    const recipient = await scanningPage();
    await recipient.goto(link);
    await reveal(recipient);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('Viewed. It can be viewed 1 more time.').waitFor();
    await axe.state(page, 'receipt: viewed once');

    await page.getByRole('button', { name: 'Burn now' }).click();
    await axe.state(page, 'receipt: confirm burning');
    await page.getByRole('button', { name: 'Yes, burn it' }).click();
    await page.getByText('Burned by you').waitFor();
    await axe.state(page, 'receipt: burned');

    await page.goto('about:blank');
    await page.goto(`${receiptLink.split('#')[0]}#${'A'.repeat(43)}`);
    await page.getByRole('heading', { name: 'No status for this link' }).waitFor();
    await axe.state(page, 'receipt: unknown');

    await page.goto('about:blank');
    await page.goto(`${receiptLink.split('#')[0]}#short`);
    await page.getByRole('heading', { name: 'This status link is incomplete or damaged' }).waitFor();
    await axe.state(page, 'receipt: damaged link');
    axe.check(6);
  });

  it('finds nothing on the other pages, nor in German', async () => {
    const axe = scanner();
    const page = await scanningPage();
    await page.goto(`${env.server.url}/create.html`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await axe.state(page, 'not found');

    await page.goto(`http://burnlink.test:${new URL(env.server.url).port}/`);
    await page.getByRole('alert').waitFor();
    await axe.state(page, 'plain HTTP');

    const german = await scanningPage({ locale: 'de-DE' });
    await german.goto(`${env.server.url}/`);
    await german.getByRole('heading', { name: 'Ein Geheimnis teilen' }).waitFor();
    await german.getByLabel('Läuft ab nach').and(german.locator(':enabled')).waitFor();
    await axe.state(german, 'create, in German');
    await german.goto(await storeSecret(env.server.url, { text: 'x', files: [] }, { passphrase: 'p' }));
    await german.getByRole('button', { name: 'Öffnen' }).waitFor();
    await axe.state(german, 'reveal with passphrase, in German');
    axe.check(4);
  });
});
