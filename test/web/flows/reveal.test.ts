/**
 * The recipient's page without a browser: every refusal of the status and reveal
 * routes, as the words the page then shows, and a secret revealed.
 */
import { describe, expect, it } from 'vitest';
import type { SecretStatus } from '../../../web/src/lib/api.js';
import { deriveKeys, newLinkKey, seal } from '../../../web/src/lib/envelope.js';
import { secretLink } from '../../../web/src/lib/link.js';
import { RevealMemory } from '../../../web/src/pages/reveal-memory.js';
import { RevealFlow } from '../../../web/src/pages/reveal.svelte.js';
import RevealPage from '../../../web/src/pages/RevealPage.svelte';
import { fakeApi, refusal, serverMessage, type EveryCallCode, type RefusalCode, ID } from './fake-api.js';
import { en, pageText, shown, type Shown } from './shown.js';

const t = en.reveal;
const STATUS: SecretStatus = { expiresAt: Date.now() + 3_600_000, viewsLeft: 1, passphrase: false, attemptsLeft: 10 };

/** A link to a secret sealed with a fresh key, as the page finds it opened. */
async function sealedSecret(text: string) {
  const linkKey = newLinkKey();
  const envelope = await seal({ text, files: [] }, await deriveKeys(linkKey));
  const url = new URL(secretLink('https://burnlink.test', ID, linkKey));
  return { location: { host: url.host, pathname: url.pathname, hash: url.hash, reopened: false }, envelope };
}

describe('opening a secret link', () => {
  /** Before the form: the error page with the problem, or the one page for every secret that is not there. */
  const cannotOpen = (alert: string): Shown => ({ heading: t.errorHeading, alerts: [alert] });
  const refused = (code: string) => cannotOpen(t.problems.refused(serverMessage(code)));
  const whenStatusRefuses = {
    invalid_request: refused('invalid_request'),
    not_found: { heading: t.goneHeading, alerts: [] },
    too_large: refused('too_large'),
    uri_too_long: refused('uri_too_long'),
    unsupported_media_type: refused('unsupported_media_type'),
    rate_limited: cannotOpen(t.problems.rateLimited),
    store_unavailable: cannotOpen(t.problems.unavailable),
    internal: refused('internal'),
    network: cannotOpen(t.problems.unreachable),
    bad_reply: cannotOpen(t.problems.unreachable),
  } satisfies Record<RefusalCode<'getSecretStatus'> | EveryCallCode, Shown>;

  it.each(Object.entries(whenStatusRefuses))('refused with %s, says so and burns nothing', async (code, expected) => {
    const { location } = await sealedSecret('hunter2');
    const api = fakeApi({ status: () => Promise.reject(refusal(code as keyof typeof whenStatusRefuses)) });
    const flow = new RevealFlow(api, location);
    await flow.load();
    expect(shown(RevealPage, flow)).toEqual(expected);
    expect(api.calls.reveal).toBeUndefined();
  });

  it('shows the secret only when Reveal is pressed', async () => {
    const { location, envelope } = await sealedSecret('hunter2');
    const api = fakeApi({
      status: () => Promise.resolve(STATUS),
      reveal: () => Promise.resolve({ envelope, viewsLeft: 0 }),
    });
    const flow = new RevealFlow(api, location);
    await flow.load();
    expect(shown(RevealPage, flow)).toEqual({ heading: t.heading, alerts: [] });
    expect(api.calls.reveal).toBeUndefined();
    await flow.reveal();
    expect(shown(RevealPage, flow)).toEqual({ heading: t.revealedHeading, alerts: [] });
    expect(flow.phase).toMatchObject({ name: 'revealed', secret: { text: 'hunter2', files: [] }, viewsLeft: 0 });
  });
});

describe('pressing Reveal', () => {
  /** The reveal form stays, with the problem above the button, so the recipient can try again. */
  const tryAgain = (alert: string): Shown => ({ heading: t.heading, alerts: [alert] });
  const refused = (code: string) => tryAgain(t.problems.refused(serverMessage(code)));
  // wrong_passphrase: the test below, with a passphrase typed.
  const whenRevealRefuses = {
    invalid_request: refused('invalid_request'),
    passphrase_required: refused('passphrase_required'),
    no_passphrase: refused('no_passphrase'),
    not_found: { heading: t.goneHeading, alerts: [] },
    too_large: refused('too_large'),
    uri_too_long: refused('uri_too_long'),
    unsupported_media_type: refused('unsupported_media_type'),
    rate_limited: tryAgain(t.problems.rateLimited),
    store_unavailable: tryAgain(t.problems.unavailable),
    internal: refused('internal'),
    network: tryAgain(t.problems.unreachable),
    bad_reply: tryAgain(t.problems.unreachable),
  } satisfies Record<Exclude<RefusalCode<'revealSecret'>, 'wrong_passphrase'> | EveryCallCode, Shown>;

  it.each(Object.entries(whenRevealRefuses))('refused with %s, says so', async (code, expected) => {
    const { location } = await sealedSecret('hunter2');
    const api = fakeApi({
      status: () => Promise.resolve(STATUS),
      reveal: () => Promise.reject(refusal(code as keyof typeof whenRevealRefuses)),
    });
    const flow = new RevealFlow(api, location);
    await flow.load();
    await flow.reveal();
    expect(shown(RevealPage, flow)).toEqual(expected);
  });

  it('refused with wrong_passphrase, counts down the attempts, then says the secret was destroyed', async () => {
    const { location } = await sealedSecret('hunter2');
    const attemptsLeft = [1, 0];
    const api = fakeApi({
      status: () => Promise.resolve({ ...STATUS, passphrase: true, attemptsLeft: 2 }),
      reveal: () => Promise.reject(refusal('wrong_passphrase', { attemptsLeft: attemptsLeft.shift()! })),
    });
    const flow = new RevealFlow(api, location);
    await flow.load();
    flow.passphrase = 'a wrong guess';
    await flow.reveal();
    expect(shown(RevealPage, flow)).toEqual({ heading: t.heading, alerts: [t.wrongPassphrase(1)] });
    await flow.reveal();
    expect(shown(RevealPage, flow)).toEqual({ heading: t.lockedHeading, alerts: [] });
    expect(api.calls.reveal).toHaveLength(2);
  });
});

describe('a secret that is gone, by what this tab remembers of it', () => {
  /** Session storage, as a tab keeps it: one per test, like one tab. */
  function tab() {
    const items = new Map<string, string>();
    return {
      items,
      memory: new RevealMemory({ getItem: (key) => items.get(key) ?? null, setItem: (key, v) => items.set(key, v) }),
    };
  }
  const gone = () => Promise.reject(refusal('not_found'));

  it('says "already opened" when the tab knows nothing, and "expired" once the status it saw has run out', async () => {
    const { location } = await sealedSecret('hunter2');
    const { memory } = tab();
    const fresh = new RevealFlow(fakeApi({ status: gone }), location, { memory });
    await fresh.load();
    expect(shown(RevealPage, fresh)).toEqual({ heading: t.goneHeading, alerts: [] });
    expect(pageText(RevealPage, fresh)).toContain(t.goneText);

    const expiresAt = Date.now() + 60_000;
    const seen = new RevealFlow(fakeApi({ status: () => Promise.resolve({ ...STATUS, expiresAt }) }), location, {
      memory,
    });
    await seen.load();
    const later = new RevealFlow(fakeApi({ status: gone }), location, { memory, now: () => expiresAt });
    await later.load();
    expect(later.phase).toEqual({ name: 'gone', why: 'expired', expiresAt });
    expect(shown(RevealPage, later)).toEqual({ heading: t.expiredHeading, alerts: [] });
    const before = new RevealFlow(fakeApi({ status: gone }), location, { memory, now: () => expiresAt - 1 });
    await before.load();
    expect(before.phase).toEqual({ name: 'gone', why: 'opened' });
  });

  it('says "expired" when Reveal finds the secret gone after the expiry the form showed', async () => {
    const { location } = await sealedSecret('hunter2');
    const expiresAt = Date.now() + 60_000;
    const api = fakeApi({ status: () => Promise.resolve({ ...STATUS, expiresAt }), reveal: gone });
    const flow = new RevealFlow(api, location, { memory: tab().memory, now: () => expiresAt + 5 });
    await flow.load();
    await flow.reveal();
    expect(shown(RevealPage, flow)).toEqual({ heading: t.expiredHeading, alerts: [] });
  });

  it('remembers only the id, its expiry and that it was revealed here; a reload then says so', async () => {
    const secret = 'hunter2 never stored';
    const { location, envelope } = await sealedSecret(secret);
    const { items, memory } = tab();
    const api = fakeApi({
      status: () => Promise.resolve(STATUS),
      reveal: () => Promise.resolve({ envelope, viewsLeft: 0 }),
    });
    const flow = new RevealFlow(api, location, { memory });
    await flow.load();
    await flow.reveal();
    expect([...items]).toEqual([
      [`burnlink.secret.${ID}`, JSON.stringify({ expiresAt: STATUS.expiresAt, revealed: 'last' })],
    ]);

    const reloaded = new RevealFlow(fakeApi({}), { ...location, hash: '', reopened: true }, { memory });
    await reloaded.load();
    expect(shown(RevealPage, reloaded)).toEqual({ heading: t.openedHereHeading, alerts: [] });
    const again = new RevealFlow(fakeApi({ status: gone }), location, { memory });
    await again.load();
    expect(again.phase).toEqual({ name: 'opened_here' });
  });

  it('sends a reload back to the link when views were left, or when this tab never revealed it', async () => {
    const { location, envelope } = await sealedSecret('hunter2');
    const { memory } = tab();
    const api = fakeApi({
      status: () => Promise.resolve(STATUS),
      reveal: () => Promise.resolve({ envelope, viewsLeft: 2 }),
    });
    const flow = new RevealFlow(api, location, { memory });
    await flow.load();
    await flow.reveal();
    const reloaded = new RevealFlow(fakeApi({}), { ...location, hash: '', reopened: true }, { memory });
    await reloaded.load();
    expect(shown(RevealPage, reloaded)).toEqual({ heading: t.reopenedHeading, alerts: [] });
    const elsewhere = new RevealFlow(fakeApi({}), { ...location, hash: '', reopened: true }, { memory: tab().memory });
    await elsewhere.load();
    expect(elsewhere.phase).toEqual({ name: 'reopened' });
  });
});
