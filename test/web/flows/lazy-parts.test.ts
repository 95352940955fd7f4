/**
 * What a page shows only after an action (the link after Create, the secret after
 * Reveal, the answer in the inbox) is fetched on that action. When that fetch fails
 * (the network dropped), the page says the server cannot be reached, keeps what was
 * typed, and has stored or burned nothing; the next try fetches it again.
 */
import { describe, expect, it } from 'vitest';
import type { Inbox, SecretStatus } from '../../../web/src/lib/api.js';
import { decodeBase64Url } from '../../../web/src/lib/base64url.js';
import { deriveKeys, newLinkKey, seal } from '../../../web/src/lib/envelope.js';
import { inboxLink, secretLink } from '../../../web/src/lib/link.js';
import { CreateFlow } from '../../../web/src/pages/create.svelte.js';
import { createdView } from '../../../web/src/pages/created-view.js';
import CreatePage from '../../../web/src/pages/CreatePage.svelte';
import { InboxFlow } from '../../../web/src/pages/inbox.svelte.js';
import InboxPage from '../../../web/src/pages/InboxPage.svelte';
import { LazyPart } from '../../../web/src/pages/lazy.svelte.js';
import { requestCreatedView } from '../../../web/src/pages/request-created-view.js';
import { RequestFlow } from '../../../web/src/pages/request.svelte.js';
import RequestPage from '../../../web/src/pages/RequestPage.svelte';
import { revealedView } from '../../../web/src/pages/revealed-view.js';
import { RevealFlow } from '../../../web/src/pages/reveal.svelte.js';
import RevealPage from '../../../web/src/pages/RevealPage.svelte';
import { secretContents } from '../../../web/src/pages/secret-contents-part.js';
import { signInGate } from '../../../web/src/pages/sign-in-gate.js';
import { newTestRequest, sealedAnswer } from '../../helpers/requests.js';
import { fakeApi, ID, LIMITS } from './fake-api.js';
import { en, shown } from './shown.js';

/** A part whose first fetch fails as a dropped network makes a dynamic import fail; the next one fetches `real`. */
function failsOnce(real: { load(): Promise<unknown> }) {
  let attempts = 0;
  const part = new LazyPart(() => {
    attempts += 1;
    return attempts === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real.load();
  });
  return { part, attempts: () => attempts };
}

describe('a part of the page that could not be fetched', () => {
  it('on the create page: says so, keeps the secret, stores nothing; Create again shows the link', async () => {
    const api = fakeApi({
      limits: () => Promise.resolve(LIMITS),
      create: () => Promise.resolve({ id: ID, expiresAt: Date.now() + 86_400_000, manageToken: 'T'.repeat(43) }),
    });
    const view = failsOnce(createdView);
    const flow = new CreateFlow(api, 'https://burnlink.test', () => 'en', view.part);
    await flow.loadLimits();
    flow.form.text = 'hunter2';
    await flow.submit();
    expect(shown(CreatePage, flow)).toEqual({ heading: en.create.title, alerts: [en.create.problems.unreachable] });
    expect(flow.form.text).toBe('hunter2');
    expect(api.calls.create).toBeUndefined();
    await flow.submit();
    expect(view.attempts()).toBe(2);
    expect(shown(CreatePage, flow)).toEqual({ heading: en.created.heading, alerts: [] });
    expect(api.calls.create).toHaveLength(1);
  });

  it('on the request page: says so, keeps the note, stores nothing; Create again shows the links', async () => {
    const api = fakeApi({
      limits: () => Promise.resolve(LIMITS),
      createRequest: () => Promise.resolve({ id: ID, expiresAt: Date.now() + 86_400_000 }),
    });
    const view = failsOnce(requestCreatedView);
    const flow = new RequestFlow(api, 'https://burnlink.test', () => 'en', view.part);
    await flow.loadLimits();
    flow.note = 'The password, please.';
    await flow.submit();
    expect(shown(RequestPage, flow)).toEqual({ heading: en.request.title, alerts: [en.request.problems.unreachable] });
    expect(flow.note).toBe('The password, please.');
    expect(api.calls.createRequest).toBeUndefined();
    await flow.submit();
    expect(flow.phase.name).toBe('created');
    expect(shown(RequestPage, flow).alerts).toEqual([]);
    expect(api.calls.createRequest).toHaveLength(1);
  });

  it('on the reveal page: says so and burns no view; Reveal again shows the secret', async () => {
    const linkKey = newLinkKey();
    const envelope = await seal({ text: 'hunter2', files: [] }, await deriveKeys(linkKey));
    const url = new URL(secretLink('https://burnlink.test', ID, linkKey));
    const status: SecretStatus = {
      expiresAt: Date.now() + 3_600_000,
      viewsLeft: 1,
      passphrase: false,
      attemptsLeft: 10,
    };
    const api = fakeApi({
      status: () => Promise.resolve(status),
      reveal: () => Promise.resolve({ envelope, viewsLeft: 0 }),
    });
    const view = failsOnce(revealedView);
    const location = { host: url.host, pathname: url.pathname, hash: url.hash, reopened: false };
    const flow = new RevealFlow(api, location, { resultView: view.part });
    await flow.load();
    await flow.reveal();
    expect(shown(RevealPage, flow)).toEqual({ heading: en.reveal.heading, alerts: [en.reveal.problems.unreachable] });
    expect(api.calls.reveal).toBeUndefined();
    await flow.reveal();
    expect(shown(RevealPage, flow)).toEqual({ heading: en.reveal.revealedHeading, alerts: [] });
    expect(api.calls.reveal).toHaveLength(1);
  });

  it('in the inbox: says so and leaves the answer on the server; Reveal again shows it', async () => {
    const test = await newTestRequest('The password, please.');
    const answered: Inbox = {
      state: 'answered',
      expiresAt: Date.now() + 3_600_000,
      answeredAt: Date.now(),
      readAt: null,
      envelope: decodeBase64Url(test.body.ciphertext),
    };
    const answer = decodeBase64Url(await sealedAnswer(test, { text: 'hunter2', files: [] }));
    const api = fakeApi({ inbox: () => Promise.resolve(answered), revealAnswer: () => Promise.resolve(answer) });
    const url = new URL(inboxLink('https://burnlink.test', ID, test.inbox.inboxKey));
    const view = failsOnce(secretContents);
    const location = { pathname: url.pathname, hash: url.hash, origin: url.origin, reopened: false };
    const flow = new InboxFlow(api, location, { resultView: view.part });
    await flow.load();
    await flow.reveal();
    expect(shown(InboxPage, flow)).toEqual({
      heading: en.inbox.answeredHeading,
      alerts: [en.inbox.problems.unreachable],
    });
    expect(api.calls.revealAnswer).toBeUndefined();
    await flow.reveal();
    expect(shown(InboxPage, flow)).toEqual({ heading: en.inbox.revealedHeading, alerts: [] });
    expect(api.calls.revealAnswer).toHaveLength(1);
  });

  it('for a visitor who must sign in: the create and request pages say the sign-in could not be fetched', async () => {
    const closed: typeof LIMITS = { ...LIMITS, create: { auth: 'oidc', allowed: false, user: null } };
    const api = fakeApi({ limits: () => Promise.resolve(closed) });
    const create = new CreateFlow(api, 'https://burnlink.test', () => 'en');
    const request = new RequestFlow(api, 'https://burnlink.test', () => 'en');
    await create.loadLimits();
    await request.loadLimits();
    const open = new CreateFlow(
      fakeApi({ limits: () => Promise.resolve(LIMITS) }),
      'https://burnlink.test',
      () => 'en',
    );
    await open.loadLimits();
    // What a failed fetch of the gate leaves (LazyPart), without a network to drop.
    const fetched = signInGate.current;
    signInGate.current = undefined;
    signInGate.failed = true;
    try {
      expect(shown(CreatePage, create)).toEqual({ heading: en.create.title, alerts: [en.signIn.unreachable] });
      expect(shown(RequestPage, request)).toEqual({ heading: en.request.title, alerts: [en.signIn.unreachable] });
      // Anyone may create: a failed fetch of a gate nobody needs says nothing.
      expect(shown(CreatePage, open)).toEqual({ heading: en.create.title, alerts: [] });
    } finally {
      signInGate.current = fetched;
      signInGate.failed = false;
    }
  });
});
