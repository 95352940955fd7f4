/**
 * The requester's inbox without a browser: every refusal of the inbox and reveal
 * routes, as the words the page then shows, and the answer revealed.
 */
import { describe, expect, it } from 'vitest';
import type { Inbox } from '../../../web/src/lib/api.js';
import { decodeBase64Url } from '../../../web/src/lib/base64url.js';
import { inboxLink } from '../../../web/src/lib/link.js';
import { InboxFlow } from '../../../web/src/pages/inbox.svelte.js';
import InboxPage from '../../../web/src/pages/InboxPage.svelte';
import { RevealMemory } from '../../../web/src/pages/reveal-memory.js';
import { newTestRequest, sealedAnswer } from '../../helpers/requests.js';
import { fakeApi, refusal, serverMessage, type EveryCallCode, type RefusalCode, ID } from './fake-api.js';
import { en, pageText, shown, type Shown } from './shown.js';

const t = en.inbox;
const NOTE = 'The database password, please.';

/** An answered request, what the server says of its inbox, and the inbox link as the page finds it opened. */
async function answeredRequest() {
  const test = await newTestRequest(NOTE);
  const expiresAt = Date.now() + 3_600_000;
  const answered: Inbox = {
    state: 'answered',
    expiresAt,
    answeredAt: Date.now(),
    readAt: null,
    envelope: decodeBase64Url(test.body.ciphertext),
  };
  const url = new URL(inboxLink('https://burnlink.test', ID, test.inbox.inboxKey));
  const location = { pathname: url.pathname, hash: url.hash, origin: url.origin, reopened: false };
  return { test, answered, location };
}

describe('opening the inbox', () => {
  const cannotLoad = (alert: string): Shown => ({ heading: t.errorHeading, alerts: [alert] });
  const refused = (code: string) => cannotLoad(t.problems.refused(serverMessage(code)));
  const whenInboxRefuses = {
    invalid_request: refused('invalid_request'),
    not_found: { heading: t.goneHeading, alerts: [] },
    too_large: refused('too_large'),
    uri_too_long: refused('uri_too_long'),
    unsupported_media_type: refused('unsupported_media_type'),
    rate_limited: cannotLoad(t.problems.rateLimited),
    store_unavailable: cannotLoad(t.problems.unavailable),
    internal: refused('internal'),
    network: cannotLoad(t.problems.unreachable),
    bad_reply: cannotLoad(t.problems.unreachable),
  } satisfies Record<RefusalCode<'getInbox'> | EveryCallCode, Shown>;

  it.each(Object.entries(whenInboxRefuses))('refused with %s, says so', async (code, expected) => {
    const { location } = await answeredRequest();
    const api = fakeApi({ inbox: () => Promise.reject(refusal(code as keyof typeof whenInboxRefuses)) });
    const flow = new InboxFlow(api, location);
    await flow.load();
    expect(shown(InboxPage, flow)).toEqual(expected);
  });
});

describe('revealing the answer', () => {
  /** The Reveal form stays, with the problem above the button. */
  const tryAgain = (alert: string): Shown => ({ heading: t.answeredHeading, alerts: [alert] });
  const refused = (code: string) => tryAgain(t.problems.refused(serverMessage(code)));
  /** Read elsewhere meanwhile, or not answered after all: the page shows what the inbox says now. */
  const readMeanwhile: Shown = { heading: t.readHeading, alerts: [] };
  const whenRevealRefuses = {
    invalid_request: refused('invalid_request'),
    not_found: readMeanwhile,
    not_answered: readMeanwhile,
    too_large: refused('too_large'),
    uri_too_long: refused('uri_too_long'),
    unsupported_media_type: refused('unsupported_media_type'),
    rate_limited: tryAgain(t.problems.rateLimited),
    store_unavailable: tryAgain(t.problems.unavailable),
    internal: refused('internal'),
    network: tryAgain(t.problems.unreachable),
    bad_reply: tryAgain(t.problems.unreachable),
  } satisfies Record<RefusalCode<'revealAnswer'> | EveryCallCode, Shown>;

  it.each(Object.entries(whenRevealRefuses))('refused with %s, says so', async (code, expected) => {
    const { answered, location } = await answeredRequest();
    const inboxes: Inbox[] = [answered, { ...answered, state: 'read', readAt: Date.now(), envelope: undefined }];
    const api = fakeApi({
      inbox: () => Promise.resolve(inboxes.shift()!),
      revealAnswer: () => Promise.reject(refusal(code as keyof typeof whenRevealRefuses)),
    });
    const flow = new InboxFlow(api, location);
    await flow.load();
    await flow.reveal();
    expect(shown(InboxPage, flow)).toEqual(expected);
  });

  it('shows the note, then the answer, which only this inbox opens', async () => {
    const { test, answered, location } = await answeredRequest();
    const answer = decodeBase64Url(await sealedAnswer(test, { text: 'hunter2', files: [] }));
    const api = fakeApi({ inbox: () => Promise.resolve(answered), revealAnswer: () => Promise.resolve(answer) });
    const flow = new InboxFlow(api, location);
    await flow.load();
    expect(shown(InboxPage, flow)).toEqual({ heading: t.answeredHeading, alerts: [] });
    expect(pageText(InboxPage, flow)).toContain(NOTE);
    await flow.reveal();
    expect(shown(InboxPage, flow)).toEqual({ heading: t.revealedHeading, alerts: [] });
    expect(flow.phase).toMatchObject({ name: 'revealed', secret: { text: 'hunter2', files: [] } });
    expect(api.calls.revealAnswer).toEqual([[ID, test.inbox.proof]]);
  });
});

describe('an answer read in this tab, by what the tab remembers of it', () => {
  /** Session storage, as a tab keeps it: one per call, like one tab. */
  function tab() {
    const items = new Map<string, string>();
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, v: string) => items.set(key, v),
    };
    return { items, memory: new RevealMemory(storage, 'inbox') };
  }

  it('remembers only that this id was read here; a reload then says so', async () => {
    const { test, answered, location } = await answeredRequest();
    const answer = decodeBase64Url(await sealedAnswer(test, { text: 'hunter2 never stored', files: [] }));
    const { items, memory } = tab();
    const api = fakeApi({ inbox: () => Promise.resolve(answered), revealAnswer: () => Promise.resolve(answer) });
    const flow = new InboxFlow(api, location, { memory });
    await flow.load();
    await flow.reveal();
    expect([...items]).toEqual([[`burnlink.inbox.${ID}`, JSON.stringify({ revealed: 'last' })]]);

    const reloaded = new InboxFlow(fakeApi({}), { ...location, hash: '', reopened: true }, { memory });
    await reloaded.load();
    expect(shown(InboxPage, reloaded)).toEqual({ heading: t.openedHereHeading, alerts: [] });
    expect(pageText(InboxPage, reloaded)).toContain(t.openedHereText);

    // The link itself, opened again: the server's "already read", with when.
    const read: Inbox = { ...answered, state: 'read', readAt: Date.now(), envelope: undefined };
    const again = new InboxFlow(fakeApi({ inbox: () => Promise.resolve(read) }), location, { memory });
    await again.load();
    expect(shown(InboxPage, again)).toEqual({ heading: t.readHeading, alerts: [] });
  });

  it('keeps the damaged-link page for a tab that did not read it', async () => {
    const { location } = await answeredRequest();
    const reloaded = new InboxFlow(fakeApi({}), { ...location, hash: '', reopened: true }, { memory: tab().memory });
    await reloaded.load();
    expect(shown(InboxPage, reloaded)).toEqual({ heading: t.brokenHeading, alerts: [] });
    expect(pageText(InboxPage, reloaded)).toContain(t.brokenAfterLoad);
  });

  it('remembers nothing when Reveal fails', async () => {
    const { answered, location } = await answeredRequest();
    const { items, memory } = tab();
    const api = fakeApi({
      inbox: () => Promise.resolve(answered),
      revealAnswer: () => Promise.reject(refusal('store_unavailable')),
    });
    const flow = new InboxFlow(api, location, { memory });
    await flow.load();
    await flow.reveal();
    expect([...items]).toEqual([]);
  });
});
