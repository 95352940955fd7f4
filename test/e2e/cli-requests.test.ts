/**
 * Requests between the CLI and the page, both ways, in Chromium: a request made by
 * `burnlink request` is answered on the page and read by `burnlink get`; a request made
 * on the page is answered by `burnlink answer` and revealed in the page's inbox.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ContextRecorder } from '../helpers/browser.js';
import { burnlink, makeRequest, tempDir } from '../cli/harness.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { attachFiles, createRequest, revealAnswer, waitForHeading } from './pages.js';

const NOTE = 'The staging database password, please — danke!';
const ANSWER = 'hunter2 ✓\nsecond line\n';

describe('requests between the CLI and the page', () => {
  const env = useServerAndBrowser();

  /** Makes a request on the page, in a fresh context, and returns the two links it shows. */
  async function requestInBrowser(note = '', recorders: ContextRecorder[] = []) {
    return createRequest(await (await freshContext(env.browser, recorders)).newPage(), env.server.url, note);
  }

  /** Opens the inbox in a fresh context and reveals the answer. */
  async function revealInBrowser(inboxLink: string, recorders: ContextRecorder[] = []): Promise<Page> {
    const reader = await (await freshContext(env.browser, recorders)).newPage();
    await revealAnswer(reader, inboxLink);
    return reader;
  }

  it('answers in the browser a request made by the CLI, and reads the answer with burnlink get', async () => {
    const recorders: ContextRecorder[] = [];
    const { requestLink, inboxLink } = await makeRequest(env.server, ['--note', NOTE]);

    const responder = await (await freshContext(env.browser, recorders)).newPage();
    await responder.goto(requestLink);
    await waitForHeading(responder, 'You have been asked for a secret');
    await responder.getByText(NOTE).waitFor();
    await responder.getByLabel('Secret', { exact: true }).fill(ANSWER);
    await attachFiles(responder, [{ name: 'dump.sql', mimeType: 'application/sql', buffer: Buffer.from('SELECT 1;') }]);
    await responder.getByRole('button', { name: 'Encrypt and send' }).click();
    await waitForHeading(responder, 'Sent');

    const out = await tempDir();
    const got = await burnlink(['get', inboxLink, '--out', out]);
    expect(got).toMatchObject({ code: 0, out: ANSWER });
    expect(got.stderr).toContain(`In answer to your request:\n  ${NOTE}\n`);
    expect(await readdir(out)).toEqual(['dump.sql']);
    expect(await readFile(join(out, 'dump.sql'), 'utf8')).toBe('SELECT 1;');
    for (const recorder of recorders) expect(recorder.problems).toEqual([]);
  });

  it('answers with burnlink answer a request made in the browser, and reveals it in the browser inbox', async () => {
    const recorders: ContextRecorder[] = [];
    const { requestLink, inboxLink } = await requestInBrowser(NOTE, recorders);

    const answered = await burnlink(['answer', requestLink, '-'], { stdin: ANSWER });
    expect(answered.code).toBe(0);
    expect(answered.stderr).toContain(`The request says:\n  ${NOTE}\n`);

    const reader = await revealInBrowser(inboxLink, recorders);
    expect(await reader.getByLabel('Secret', { exact: true }).inputValue()).toBe(ANSWER);
    for (const recorder of recorders) expect(recorder.problems).toEqual([]);
  });

  it('answers with a file from the CLI that the browser inbox offers for download', async () => {
    const { requestLink, inboxLink } = await requestInBrowser();

    const from = await tempDir();
    await writeFile(join(from, 'id_ed25519'), 'PRIVATE KEY');
    expect(
      (await burnlink(['answer', requestLink, 'id_ed25519', '--text', 'the deploy key'], { cwd: from })).code,
    ).toBe(0);

    const reader = await revealInBrowser(inboxLink);
    expect(await reader.getByLabel('Secret', { exact: true }).inputValue()).toBe('the deploy key');
    const [download] = await Promise.all([
      reader.waitForEvent('download'),
      reader.getByRole('button', { name: 'Download id_ed25519' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('id_ed25519');
    expect(await readFile(await download.path(), 'utf8')).toBe('PRIVATE KEY');
  });
});
