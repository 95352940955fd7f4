/**
 * The sender's status page (the API's receipt) without a browser: every refusal of the
 * receipt and burn routes, as the words the page then shows, a secret burned from it,
 * what it says of when the secret was made and ended, the private label, the link
 * scanner hint and the updates in the background.
 */
import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../web/src/lib/api.js';
import { receiptLink } from '../../../web/src/lib/link.js';
import { ReceiptFlow, SCANNER_WINDOW_SECONDS } from '../../../web/src/pages/receipt.svelte.js';
import ReceiptPage from '../../../web/src/pages/ReceiptPage.svelte';
import { fakeApi, refusal, serverMessage, type EveryCallCode, type RefusalCode, ID } from './fake-api.js';
import { en, pageText, shown, type Shown } from './shown.js';

const t = en.receipt;
const CREATED_AT = Date.UTC(2026, 0, 1, 12);
const PENDING: Receipt = {
  state: 'pending',
  createdAt: CREATED_AT,
  expiresAt: Date.now() + 3_600_000,
  burnedAt: null,
  viewsLeft: 1,
  viewedAt: [],
  failedAttempts: 0,
};
/** A manage token as the server makes them: canonical base64url. */
const TOKEN = `${'T'.repeat(42)}A`;
const url = new URL(receiptLink('https://burnlink.test', ID, TOKEN));
const LOCATION = { pathname: url.pathname, hash: url.hash, reopened: false };

describe('opening a receipt', () => {
  const cannotLoad = (alert: string): Shown => ({ heading: t.errorHeading, alerts: [alert] });
  const refused = (code: string) => cannotLoad(t.problems.refused(serverMessage(code)));
  const whenReceiptRefuses = {
    invalid_request: refused('invalid_request'),
    not_found: { heading: t.goneHeading, alerts: [] },
    rate_limited: cannotLoad(t.problems.rateLimited),
    store_unavailable: cannotLoad(t.problems.unavailable),
    internal: refused('internal'),
    network: cannotLoad(t.problems.unreachable),
    bad_reply: cannotLoad(t.problems.unreachable),
  } satisfies Record<RefusalCode<'getReceipt'> | EveryCallCode, Shown>;

  it.each(Object.entries(whenReceiptRefuses))('refused with %s, says so', async (code, expected) => {
    const api = fakeApi({ receipt: () => Promise.reject(refusal(code as keyof typeof whenReceiptRefuses)) });
    const flow = new ReceiptFlow(api, LOCATION);
    await flow.load();
    expect(shown(ReceiptPage, flow)).toEqual(expected);
    expect(api.calls.receipt).toEqual([[ID, TOKEN]]);
  });
});

describe('burning from the receipt', () => {
  /** The question stays, with the problem under it, so the sender can try again. */
  const tryAgain = (alert: string): Shown => ({ heading: t.title, alerts: [alert] });
  const refused = (code: string) => tryAgain(t.problems.refused(serverMessage(code)));
  const whenBurnRefuses = {
    invalid_request: refused('invalid_request'),
    not_found: { heading: t.goneHeading, alerts: [] },
    too_large: refused('too_large'),
    uri_too_long: refused('uri_too_long'),
    unsupported_media_type: refused('unsupported_media_type'),
    rate_limited: tryAgain(t.problems.rateLimited),
    store_unavailable: tryAgain(t.problems.unavailable),
    internal: refused('internal'),
    network: tryAgain(t.problems.unreachable),
    bad_reply: tryAgain(t.problems.unreachable),
  } satisfies Record<RefusalCode<'burnSecret'> | EveryCallCode, Shown>;

  it.each(Object.entries(whenBurnRefuses))('refused with %s, says so', async (code, expected) => {
    const api = fakeApi({
      receipt: () => Promise.resolve(PENDING),
      burn: () => Promise.reject(refusal(code as keyof typeof whenBurnRefuses)),
    });
    const flow = new ReceiptFlow(api, LOCATION);
    await flow.load();
    flow.askToBurn();
    await flow.burn();
    expect(shown(ReceiptPage, flow)).toEqual(expected);
  });

  it('burns the secret after the question, and shows the receipt that says so', async () => {
    const receipts = [
      PENDING,
      { ...PENDING, state: 'burned', viewsLeft: 0, burnedAt: CREATED_AT + 60_000 } satisfies Receipt,
    ];
    const api = fakeApi({ receipt: () => Promise.resolve(receipts.shift()!), burn: () => Promise.resolve() });
    const flow = new ReceiptFlow(api, LOCATION);
    await flow.load();
    expect(shown(ReceiptPage, flow)).toEqual({ heading: t.title, alerts: [] });
    expect(pageText(ReceiptPage, flow)).toContain(t.pending);
    flow.askToBurn();
    expect(api.calls.burn).toBeUndefined();
    await flow.burn();
    expect(api.calls.burn).toEqual([[ID, TOKEN]]);
    expect(pageText(ReceiptPage, flow)).toContain(t.burned);
    expect(pageText(ReceiptPage, flow)).toContain(`${t.endedByYou} ${moment(CREATED_AT + 60_000)}`);
    expect(pageText(ReceiptPage, flow)).not.toContain(t.burnNow);
  });
});

/** A time as the page writes it (to the second), in English. */
const moment = (ms: number) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(ms);

/** The flow after loading `receipt`, from a link that carries `label`. */
async function opened(receipt: Receipt, label?: string) {
  const link = new URL(receiptLink('https://burnlink.test', ID, TOKEN, label));
  const api = fakeApi({ receipt: () => Promise.resolve(receipt) });
  const flow = new ReceiptFlow(api, { pathname: link.pathname, hash: link.hash, reopened: false });
  await flow.load();
  return { api, flow, text: pageText(ReceiptPage, flow) };
}

describe('what the status page says', () => {
  it('says first, before anything to press, that it is the sender’s page and where the secret link is', async () => {
    const { text } = await opened(PENDING);
    expect(t.title).toBe('Status of your secret');
    expect(text.indexOf(t.title)).toBeLessThan(text.indexOf(t.forSender));
    expect(text.indexOf(t.forSender)).toBeLessThan(text.indexOf(t.pending));
    expect(text.indexOf(t.forSender)).toBeLessThan(text.indexOf(t.burnNow));
    expect(t.forSender).toMatch(/ask the sender for the secret link/);
    // Also where a status has run out: the one who got the link by mistake still learns what it was.
    const gone = new ReceiptFlow(fakeApi({ receipt: () => Promise.reject(refusal('not_found')) }), LOCATION);
    await gone.load();
    expect(pageText(ReceiptPage, gone)).toContain(t.forSender);
  });

  it('shows the sender’s label from the link, and never gives it to the server', async () => {
    const { api, flow, text } = await opened(PENDING, 'DB password for Anna');
    expect(flow.label).toBe('DB password for Anna');
    expect(text).toContain(`${t.labelCaption} DB password for Anna`);
    expect(api.calls.receipt).toEqual([[ID, TOKEN]]);
    expect(JSON.stringify(api.calls)).not.toContain('Anna');
    expect((await opened(PENDING)).text).not.toContain(t.labelCaption);
  });

  const VIEWED_AT = CREATED_AT + 3 * 60_000;
  const ended: [string, Receipt, string | undefined][] = [
    ['still pending', PENDING, undefined],
    [
      'viewed to the end',
      { ...PENDING, state: 'viewed', viewsLeft: 0, viewedAt: [VIEWED_AT], burnedAt: VIEWED_AT },
      t.endedByLastView,
    ],
    ['burned', { ...PENDING, state: 'burned', viewsLeft: 0, burnedAt: CREATED_AT + 5000 }, t.endedByYou],
    [
      'locked',
      { ...PENDING, state: 'locked', viewsLeft: 0, failedAttempts: 10, burnedAt: CREATED_AT + 9000 },
      t.endedByPassphrases,
    ],
    ['expired', { ...PENDING, state: 'expired', viewsLeft: 0, burnedAt: PENDING.expiresAt }, t.endedByExpiry],
  ];
  it.each(ended)('%s: shows when it was created, and when and how it ended', async (_name, receipt, ending) => {
    const { text } = await opened(receipt);
    expect(text).toContain(`${t.created} ${moment(CREATED_AT)}`);
    if (ending) expect(text).toContain(`${ending} ${moment(receipt.burnedAt!)}`);
    for (const other of [t.endedByLastView, t.endedByYou, t.endedByPassphrases, t.endedByExpiry]) {
      if (other !== ending) expect(text).not.toContain(other);
    }
  });

  it('leaves out the creation time a receipt from before it was kept does not have', async () => {
    const { text } = await opened({ ...PENDING, createdAt: null });
    expect(text).not.toContain(t.created);
  });

  it(`suspects a link scanner when the first view came within ${SCANNER_WINDOW_SECONDS} seconds of the create`, async () => {
    const viewedAfter = (ms: number, createdAt: number | null = CREATED_AT) =>
      opened({
        ...PENDING,
        createdAt,
        viewsLeft: 1,
        viewedAt: [CREATED_AT + ms, CREATED_AT + 99_000],
      });
    const quick = await viewedAfter(4_200);
    expect(quick.flow.quickFirstView).toBe(4);
    expect(quick.text).toContain(t.scannerHint('4 seconds'));
    expect(quick.text).toMatch(/link scanner .*passphrase/);
    expect((await viewedAfter(SCANNER_WINDOW_SECONDS * 1000)).flow.quickFirstView).toBe(SCANNER_WINDOW_SECONDS);
    for (const late of [await viewedAfter(SCANNER_WINDOW_SECONDS * 1000 + 600), await viewedAfter(1000, null)]) {
      expect(late.flow.quickFirstView).toBeUndefined();
      expect(late.text).not.toContain('link scanner');
    }
    expect((await opened(PENDING)).text).not.toContain('link scanner');
  });
});

describe('updating in the background', () => {
  it('shows what changed, and stops asking once nothing more can change', async () => {
    const viewed: Receipt = {
      ...PENDING,
      state: 'viewed',
      viewsLeft: 0,
      viewedAt: [CREATED_AT + 60_000],
      burnedAt: CREATED_AT + 60_000,
    };
    const receipts = [PENDING, PENDING, viewed];
    const api = fakeApi({ receipt: () => Promise.resolve(receipts.shift()!) });
    const flow = new ReceiptFlow(api, LOCATION);
    await flow.load();
    expect(flow.settled).toBe(false);
    expect(pageText(ReceiptPage, flow)).toContain(t.updatesItself('15 seconds'));
    expect(await flow.update()).toBe(true);
    expect(pageText(ReceiptPage, flow)).toContain(t.pending);
    expect(await flow.update()).toBe(false);
    expect(pageText(ReceiptPage, flow)).toContain(t.viewedAll);
    expect(pageText(ReceiptPage, flow)).not.toContain(t.updatesItself('15 seconds'));
    expect(api.calls.receipt).toHaveLength(3);
    // Settled: asked again, it asks the server nothing.
    expect(await flow.update()).toBe(false);
    expect(api.calls.receipt).toHaveLength(3);
  });

  it('keeps the receipt shown when an update fails, says so, and clears it at the next success', async () => {
    const answers: (() => Promise<Receipt>)[] = [
      () => Promise.resolve(PENDING),
      () => Promise.reject(refusal('network')),
      () => Promise.resolve(PENDING),
    ];
    const flow = new ReceiptFlow(fakeApi({ receipt: () => answers.shift()!() }), LOCATION);
    await flow.load();
    expect(await flow.update()).toBe(true);
    expect(shown(ReceiptPage, flow)).toEqual({ heading: t.title, alerts: [] });
    expect(pageText(ReceiptPage, flow)).toContain(t.updateFailed);
    expect(await flow.update()).toBe(true);
    expect(pageText(ReceiptPage, flow)).not.toContain(t.updateFailed);
  });

  it('says so when the receipt is gone by the next update, and stops', async () => {
    const answers: (() => Promise<Receipt>)[] = [
      () => Promise.resolve(PENDING),
      () => Promise.reject(refusal('not_found')),
    ];
    const flow = new ReceiptFlow(fakeApi({ receipt: () => answers.shift()!() }), LOCATION);
    await flow.load();
    expect(await flow.update()).toBe(false);
    expect(shown(ReceiptPage, flow).heading).toBe(t.goneHeading);
  });

  it('drops an update overtaken by the burn’s own load', async () => {
    let answerStale: (receipt: Receipt) => void = () => {};
    const burned: Receipt = { ...PENDING, state: 'burned', viewsLeft: 0, burnedAt: CREATED_AT + 1000 };
    const answers: (() => Promise<Receipt>)[] = [
      () => Promise.resolve(PENDING),
      () => new Promise((resolve) => (answerStale = resolve)),
      () => Promise.resolve(burned),
    ];
    const flow = new ReceiptFlow(
      fakeApi({ receipt: () => answers.shift()!(), burn: () => Promise.resolve() }),
      LOCATION,
    );
    await flow.load();
    const stale = flow.update();
    flow.askToBurn();
    await flow.burn();
    answerStale(PENDING);
    expect(await stale).toBe(false);
    expect(pageText(ReceiptPage, flow)).toContain(t.burned);
  });
});
