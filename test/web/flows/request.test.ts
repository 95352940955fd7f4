/**
 * The requester's page without a browser: every refusal of the route that stores a
 * request, as the words the form then shows (the note stays), and a request made.
 */
import { describe, expect, it } from 'vitest';
import { parseLink } from '../../../web/src/lib/link.js';
import { deriveRequestKeys, openRequest } from '../../../web/src/lib/request.js';
import { RequestFlow } from '../../../web/src/pages/request.svelte.js';
import RequestPage from '../../../web/src/pages/RequestPage.svelte';
import {
  fakeApi,
  refusal,
  serverMessage,
  theOneCall,
  type EveryCallCode,
  type RefusalCode,
  LIMITS,
  ID,
} from './fake-api.js';
import { en, shown } from './shown.js';

const t = en.request;
const NOTE = 'The database password, please.';

/** A form with NOTE typed, the limits loaded. */
async function typed(api: ReturnType<typeof fakeApi>): Promise<RequestFlow> {
  const flow = new RequestFlow(api, 'https://burnlink.test', () => 'en');
  await flow.loadLimits();
  flow.note = NOTE;
  return flow;
}

describe('making a request', () => {
  const refused = (code: string) => t.problems.refused(serverMessage(code));
  const whenCreateRefuses = {
    invalid_request: refused('invalid_request'),
    invalid_envelope: refused('invalid_envelope'),
    not_allowed: refused('not_allowed'),
    alerts_unavailable: refused('alerts_unavailable'),
    sign_in_required: refused('sign_in_required'),
    invalid_token: refused('invalid_token'),
    too_large: refused('too_large'),
    unsupported_media_type: refused('unsupported_media_type'),
    rate_limited: t.problems.rateLimited,
    quota_exceeded: en.storing.quota,
    too_many_uploads: en.storing.busy,
    store_unavailable: t.problems.unavailable,
    store_nearly_full: en.storing.nearlyFull,
    server_busy: en.storing.busy,
    internal: refused('internal'),
    network: t.problems.unreachable,
    bad_reply: t.problems.unreachable,
  } satisfies Record<RefusalCode<'createRequest'> | EveryCallCode, string>;

  it.each(Object.entries(whenCreateRefuses))('refused with %s, says so and keeps the note', async (code, alert) => {
    const api = fakeApi({
      limits: () => Promise.resolve(LIMITS),
      createRequest: () => Promise.reject(refusal(code as keyof typeof whenCreateRefuses)),
    });
    const flow = await typed(api);
    await flow.submit();
    expect(shown(RequestPage, flow)).toEqual({ heading: t.title, alerts: [alert] });
    expect(flow.note).toBe(NOTE);
  });

  it('says the server cannot be reached when its limits never came, and sends nothing', async () => {
    const api = fakeApi({ limits: () => Promise.reject(refusal('network')) });
    const flow = await typed(api);
    await flow.submit();
    expect(shown(RequestPage, flow)).toEqual({ heading: t.title, alerts: [t.problems.unreachable] });
    expect(api.calls.createRequest).toBeUndefined();
  });

  it('shows a request link that opens the note, and an inbox link for the same request', async () => {
    const api = fakeApi({
      limits: () => Promise.resolve(LIMITS),
      createRequest: () => Promise.resolve({ id: ID, expiresAt: Date.now() + 86_400_000 }),
    });
    const flow = await typed(api);
    await flow.submit();
    expect(shown(RequestPage, flow)).toEqual({ heading: en.requestCreated.heading, alerts: [] });
    const { link, inboxLink } = (flow.phase as Extract<typeof flow.phase, { name: 'created' }>).created;
    const request = parseLink(link);
    expect(request).toMatchObject({ kind: 'q', id: ID });
    expect(parseLink(inboxLink)).toMatchObject({ kind: 'i', id: ID });
    const [sent] = theOneCall(api.calls.createRequest);
    expect((await openRequest(sent.envelope, await deriveRequestKeys(request.key))).note).toBe(NOTE);
  });
});
