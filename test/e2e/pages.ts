/**
 * What a person does on burnlink's pages, written once for the browser tests. Every
 * control is found by its role and label, as a person or a screen reader finds it.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { scan } from './axe.js';

/** The gone page's heading when the page knows nothing of the secret (a new tab). */
export const GONE = 'This secret has already been opened';

/** A file as Playwright hands it to a file chooser. */
export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface SenderChoices {
  text: string;
  passphrase?: string;
  views?: number;
  expiry?: '5 minutes' | '1 hour' | '1 day' | '7 days' | '30 days';
  files?: TestFile[];
}

/** Waits until the create form has the server's limits (its expiry choices). */
export async function openCreatePage(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('Expires after').and(page.locator(':enabled')).waitFor();
}

/** Adds files through the "Add files" button and the browser's file chooser. */
export async function attachFiles(page: Page, files: TestFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add files' }).click();
  await (await chooser).setFiles(files);
}

/** Drops files onto the page's main area, as dragging them from a file manager does. */
export async function dropFiles(page: Page, files: { name: string; type: string; text: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(new File([file.text], file.name, { type: file.type }));
    return transfer;
  }, files);
  const target = page.getByRole('main');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** Fills the create form and returns the secret link and the status (receipt) link. */
export async function createSecret(
  page: Page,
  origin: string,
  choices: SenderChoices,
): Promise<{ link: string; receiptLink: string }> {
  await openCreatePage(page, origin);
  await page.getByLabel('Secret', { exact: true }).fill(choices.text);
  if (choices.files) await attachFiles(page, choices.files);
  if (choices.expiry) await page.getByLabel('Expires after').selectOption({ label: choices.expiry });
  if (choices.views !== undefined) await page.getByLabel('Views allowed').fill(String(choices.views));
  if (choices.passphrase !== undefined) await page.getByLabel('Passphrase (optional)').fill(choices.passphrase);
  await page.getByRole('button', { name: 'Create secret link' }).click();
  await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
  return {
    link: await page.getByLabel('Secret link', { exact: true }).inputValue(),
    receiptLink: await page.getByLabel('Status link', { exact: true }).inputValue(),
  };
}

/** Waits for the recipient's page to show the status and the Reveal button; returns the page's text. */
export async function waitForRevealForm(page: Page): Promise<string> {
  await page.getByRole('heading', { name: 'You have been sent a secret' }).waitFor();
  await page.getByRole('button', { name: 'Reveal' }).waitFor();
  return mainText(page);
}

/** Presses Reveal and returns the text shown in the Secret field. */
export async function reveal(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Reveal' }).click();
  await page.getByRole('heading', { name: 'Your secret' }).waitFor();
  return page.getByLabel('Secret', { exact: true }).inputValue();
}

/** Waits for a heading with exactly this name. */
export async function waitForHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/** Makes a request on /request with `note` and returns the two links it shows. */
export async function createRequest(
  page: Page,
  origin: string,
  note = '',
): Promise<{ requestLink: string; inboxLink: string }> {
  await page.goto(`${origin}/request`);
  await page.getByLabel('Note for the person (optional)').fill(note);
  await page.getByRole('button', { name: 'Create request link' }).click();
  return {
    requestLink: await page.getByLabel('Request link', { exact: true }).inputValue(),
    inboxLink: await page.getByLabel('Inbox link', { exact: true }).inputValue(),
  };
}

/** Opens an inbox link with an answer waiting and reveals it. */
export async function revealAnswer(page: Page, inboxLink: string): Promise<void> {
  await page.goto(inboxLink);
  await waitForHeading(page, 'An answer is waiting');
  await page.getByRole('button', { name: 'Reveal' }).click();
  await waitForHeading(page, 'The answer');
}

/**
 * Starts a reload and says whether the browser asked first (`beforeunload`); answering
 * "stay" keeps the page, which must then still show the heading `staying`.
 */
export async function asksBeforeReload(page: Page, staying: string): Promise<boolean> {
  // A reload the page's question cancelled never settles page.reload() (it waits out its
  // timeout), so the reload is started in the page and its outcome read from events.
  const asked = page.waitForEvent('dialog');
  const reloaded = page.waitForEvent('load');
  // The losing wait ends when the page does; nothing waits for it.
  asked.catch(() => undefined);
  reloaded.catch(() => undefined);
  void page.evaluate(() => location.reload()).catch(() => undefined);
  const first = await Promise.race([asked, reloaded.then(() => 'reloaded' as const)]);
  if (first === 'reloaded') return false;
  expect(first.type()).toBe('beforeunload');
  await first.dismiss();
  await waitForHeading(page, staying);
  return true;
}

/** Reloads with no question expected: fails if the browser asks. */
export async function reloadWithoutQuestion(page: Page): Promise<void> {
  const questions: string[] = [];
  page.on('dialog', (dialog) => {
    questions.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(questions).toEqual([]);
}

/** Saves the page at a phone's and a desktop's width (light, and dark at both widths) into test-results/e2e. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir('test-results/e2e', { recursive: true });
  const original = page.viewportSize();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const suffix = scheme === 'dark' ? '-dark' : '';
      await page.screenshot({ path: `test-results/e2e/${name}-${width}${suffix}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (original) await page.setViewportSize(original);
}

/** Fails on any axe violation of the page as it is (`state` names it), then saves a full-page screenshot at `path`. */
export async function axeCleanShot(page: Page, state: string, path: string): Promise<void> {
  expect(await scan(page, state)).toEqual([]);
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

/** The text of the page's main region, its white space collapsed as a reader sees it. */
export async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}
