/**
 * The sender's receipt without a browser: every refusal of the receipt and burn
 * routes, as the words the page then shows, and a secret burned from its receipt.
 */
import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../web/src/lib/api.js';
import { receiptLink } from '../../../web/src/lib/link.js';
import { ReceiptFlow } from '../../../web/src/pages/receipt.svelte.js';
import ReceiptPage from '../../../web/src/pages/ReceiptPage.svelte';
import { fakeApi, refusal, serverMessage, type EveryCallCode, type RefusalCode, ID } from './fake-api.js';
import { en, pageText, shown, type Shown } from './shown.js';

const t = en.receipt;
const PENDING: Receipt = {
  state: 'pending',
  expiresAt: Date.now() + 3_600_000,
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
    const receipts = [PENDING, { ...PENDING, state: 'burned', viewsLeft: 0 } satisfies Receipt];
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
  });
});
