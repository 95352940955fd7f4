/**
 * What a person does on burnlink's pages, written once for the browser tests. Every
 * control is found by its role and label, as a person or a screen reader finds it.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export const GONE = 'This secret has already been viewed or has expired.';

export interface SenderChoices {
  text: string;
  passphrase?: string;
  views?: number;
  expiry?: '5 minutes' | '1 hour' | '1 day' | '7 days' | '30 days';
}

/** Fills the create form and returns the secret link and the receipt link. */
export async function createSecret(
  page: Page,
  origin: string,
  choices: SenderChoices,
): Promise<{ link: string; receiptLink: string }> {
  await page.goto(`${origin}/`);
  await page.getByLabel('Secret', { exact: true }).fill(choices.text);
  if (choices.expiry) await page.getByLabel('Expires after').selectOption({ label: choices.expiry });
  if (choices.views !== undefined) await page.getByLabel('Views allowed').fill(String(choices.views));
  if (choices.passphrase !== undefined) await page.getByLabel('Passphrase (optional)').fill(choices.passphrase);
  await page.getByRole('button', { name: 'Create secret link' }).click();
  await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
  return {
    link: await page.getByLabel('Secret link', { exact: true }).inputValue(),
    receiptLink: await page.getByLabel('Receipt link', { exact: true }).inputValue(),
  };
}

/** Waits for the recipient's page to show the status and the Reveal button. */
export async function waitForRevealForm(page: Page): Promise<string> {
  await page.getByRole('heading', { name: 'You have been sent a secret' }).waitFor();
  await page.getByRole('button', { name: 'Reveal' }).waitFor();
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** Presses Reveal and returns the text shown in the Secret field. */
export async function reveal(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Reveal' }).click();
  await page.getByRole('heading', { name: 'Your secret' }).waitFor();
  return page.getByLabel('Secret', { exact: true }).inputValue();
}

/** Saves the page at a phone's and a desktop's width (light, and dark at the desktop width). */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir('test-results/e2e', { recursive: true });
  const original = page.viewportSize();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `test-results/e2e/${name}-${width}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `test-results/e2e/${name}-1280-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  if (original) await page.setViewportSize(original);
}
