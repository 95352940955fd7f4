/**
 * The operator's switches, as the pages offer them: only what GET /api/limits allows
 * (files, a passphrase required, requests, the expiry choices), and the form refusing
 * before anything is sent what the server would refuse.
 */
import { describe, expect, it } from 'vitest';
import type { Limits } from '../../../web/src/lib/api.js';
import { decodeBase64Url } from '../../../web/src/lib/base64url.js';
import { requestLink } from '../../../web/src/lib/link.js';
import { AnswerFlow } from '../../../web/src/pages/answer.svelte.js';
import AnswerPage from '../../../web/src/pages/AnswerPage.svelte';
import { CreateFlow } from '../../../web/src/pages/create.svelte.js';
import CreatePage from '../../../web/src/pages/CreatePage.svelte';
import { RequestFlow } from '../../../web/src/pages/request.svelte.js';
import RequestPage from '../../../web/src/pages/RequestPage.svelte';
import { newTestRequest } from '../../helpers/requests.js';
import { fakeApi, ID, LIMITS, theOneCall } from './fake-api.js';
import { en, pageText, shown } from './shown.js';

const t = en.create;

async function createPage(limits: Limits, text = 'hunter2') {
  const api = fakeApi({
    limits: () => Promise.resolve(limits),
    create: () => Promise.resolve({ id: ID, expiresAt: Date.now() + 3_600_000, manageToken: 'T'.repeat(43) }),
  });
  const flow = new CreateFlow(api, 'https://burnlink.test');
  await flow.loadLimits();
  flow.form.text = text;
  return { api, flow };
}

async function requestPage(limits: Limits) {
  const api = fakeApi({ limits: () => Promise.resolve(limits) });
  const flow = new RequestFlow(api, 'https://burnlink.test', () => 'en');
  await flow.loadLimits();
  return { api, flow };
}

describe('files', () => {
  it('offers attaching files when the server allows them', async () => {
    const { flow } = await createPage(LIMITS);
    expect(pageText(CreatePage, flow)).toContain(en.attachments.filesLegend);
  });

  it('offers no file picker when files are off, and asks only for text when the form is empty', async () => {
    const { api, flow } = await createPage({ ...LIMITS, files: false }, '');
    expect(pageText(CreatePage, flow)).not.toContain(en.attachments.filesLegend);
    expect(pageText(CreatePage, flow)).not.toContain(en.attachments.addFiles);
    await flow.submit();
    expect(shown(CreatePage, flow).alerts).toEqual([t.problems.emptyText]);
    expect(api.calls.create).toBeUndefined();
  });
});

describe('files on the responder’s page', () => {
  async function answerPage(limits: Limits) {
    const test = await newTestRequest('The card, please.');
    const url = new URL(requestLink('https://burnlink.test', ID, test.inbox.requestKey));
    const api = fakeApi({
      limits: () => Promise.resolve(limits),
      requestStatus: () =>
        Promise.resolve({
          state: 'open',
          expiresAt: Date.now() + 3_600_000,
          envelope: decodeBase64Url(test.body.ciphertext),
        }),
    });
    const flow = new AnswerFlow(api, { pathname: url.pathname, hash: url.hash, reopened: false });
    await flow.load();
    // The limits are asked for beside the request, not awaited by load().
    await Promise.resolve();
    return flow;
  }

  it('offers files where the server takes them, and none where it does not', async () => {
    expect(pageText(AnswerPage, await answerPage(LIMITS))).toContain(en.attachments.filesLegend);
    const off = await answerPage({ ...LIMITS, files: false });
    expect(off.limits?.files).toBe(false);
    expect(pageText(AnswerPage, off)).not.toContain(en.attachments.filesLegend);
    expect(shown(AnswerPage, off).heading).toBe(en.answer.heading);
  });
});

describe('a passphrase required', () => {
  it('labels the passphrase required and refuses, sending nothing, without one', async () => {
    const { api, flow } = await createPage({ ...LIMITS, passphraseRequired: true });
    expect(pageText(CreatePage, flow)).toContain(t.passphraseRequiredLabel);
    expect(pageText(CreatePage, flow)).not.toContain(t.passphraseLabel);
    await flow.submit();
    expect(shown(CreatePage, flow)).toEqual({ heading: t.title, alerts: [t.problems.passphraseMissing] });
    expect(api.calls.create).toBeUndefined();
  });

  it('sends the secret with the passphrase’s proof once one is set', async () => {
    const { api, flow } = await createPage({ ...LIMITS, passphraseRequired: true });
    flow.form.passphrase = 'correct horse battery staple';
    await flow.submit();
    expect(flow.phase.name).toBe('created');
    expect(theOneCall(api.calls.create)[0].unlockHash).toBeInstanceOf(Uint8Array);
  });

  it('labels the passphrase optional when it is', async () => {
    const { flow } = await createPage(LIMITS);
    expect(pageText(CreatePage, flow)).toContain(t.passphraseLabel);
  });
});

describe('requests', () => {
  it('offers the switch to requesting when requests are on', async () => {
    const { flow } = await createPage(LIMITS);
    expect(pageText(CreatePage, flow)).toContain(en.modes.request);
  });

  it('hides the switch to requesting, and the request page explains instead of showing a form', async () => {
    const { flow } = await createPage({ ...LIMITS, requests: false });
    expect(pageText(CreatePage, flow)).not.toContain(en.modes.request);
    const request = await requestPage({ ...LIMITS, requests: false });
    const text = pageText(RequestPage, request.flow);
    expect(text).toContain(en.request.off);
    expect(text).not.toContain(en.request.submit);
    expect(shown(RequestPage, request.flow).heading).toBe(en.request.title);
  });
});

describe('expiry choices', () => {
  it('offers exactly the server’s choices, its default picked, on both forms', async () => {
    const limits = {
      ...LIMITS,
      expiryChoices: [3600, 86_400, 604_800],
      expiresIn: { ...LIMITS.expiresIn, default: 3600 },
    };
    const { api, flow } = await createPage(limits);
    expect(flow.form.expiryChoices).toEqual([3600, 86_400, 604_800]);
    expect(flow.form.expiresIn).toBe(3600);
    await flow.submit();
    expect(theOneCall(api.calls.create)[0].expiresIn).toBe(3600);
    const request = await requestPage(limits);
    expect(request.flow.expiryChoices).toEqual([3600, 86_400, 604_800]);
    expect(request.flow.expiresIn).toBe(3600);
  });
});
