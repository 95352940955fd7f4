/**
 * The responder's page without a browser: every refusal of the request's status and
 * answer routes, as the words the page then shows, and an answer sent.
 */
import { describe, expect, it } from 'vitest';
import type { RequestStatus } from '../../../web/src/lib/api.js';
import { decodeBase64Url } from '../../../web/src/lib/base64url.js';
import { requestLink } from '../../../web/src/lib/link.js';
import { openSealed } from '../../../web/src/lib/sealed.js';
import { AnswerFlow } from '../../../web/src/pages/answer.svelte.js';
import AnswerPage from '../../../web/src/pages/AnswerPage.svelte';
import { newTestRequest } from '../../helpers/requests.js';
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
import { en, shown, type Shown } from './shown.js';

const t = en.answer;

/** A request with a note, the status the server answers for it, and its link as the page finds it opened. */
async function openRequest() {
  const test = await newTestRequest('The database password, please.');
  const status: RequestStatus = {
    state: 'open',
    expiresAt: Date.now() + 3_600_000,
    envelope: decodeBase64Url(test.body.ciphertext),
  };
  const url = new URL(requestLink('https://burnlink.test', ID, test.inbox.requestKey));
  return { test, status, location: { pathname: url.pathname, hash: url.hash, reopened: false } };
}

describe('opening a request link', () => {
  const cannotOpen = (alert: string): Shown => ({ heading: t.errorHeading, alerts: [alert] });
  const refused = (code: string) => cannotOpen(t.loadProblems.refused(serverMessage(code)));
  const whenStatusRefuses = {
    invalid_request: refused('invalid_request'),
    not_found: { heading: t.goneHeading, alerts: [] },
    too_large: refused('too_large'),
    uri_too_long: refused('uri_too_long'),
    unsupported_media_type: refused('unsupported_media_type'),
    rate_limited: cannotOpen(t.loadProblems.rateLimited),
    store_unavailable: cannotOpen(t.loadProblems.unavailable),
    internal: refused('internal'),
    network: cannotOpen(t.loadProblems.unreachable),
    bad_reply: cannotOpen(t.loadProblems.unreachable),
  } satisfies Record<RefusalCode<'getRequestStatus'> | EveryCallCode, Shown>;

  it.each(Object.entries(whenStatusRefuses))('refused with %s, says so', async (code, expected) => {
    const { location } = await openRequest();
    const api = fakeApi({
      limits: () => Promise.resolve(LIMITS),
      requestStatus: () => Promise.reject(refusal(code as keyof typeof whenStatusRefuses)),
    });
    const flow = new AnswerFlow(api, location);
    await flow.load();
    expect(shown(AnswerPage, flow)).toEqual(expected);
  });
});

describe('sending the answer', () => {
  /** The form stays, with the problem above the button and the answer still typed. */
  const tryAgain = (alert: string): Shown => ({ heading: t.heading, alerts: [alert] });
  const refused = (code: string) => tryAgain(t.problems.refused(serverMessage(code)));
  const whenAnswerRefuses = {
    invalid_request: refused('invalid_request'),
    invalid_envelope: refused('invalid_envelope'),
    not_found: { heading: t.goneHeading, alerts: [] },
    already_answered: { heading: t.answeredHeading, alerts: [] },
    too_large: refused('too_large'),
    uri_too_long: refused('uri_too_long'),
    unsupported_media_type: refused('unsupported_media_type'),
    rate_limited: tryAgain(t.problems.rateLimited),
    quota_exceeded: tryAgain(en.storing.quota),
    too_many_uploads: tryAgain(en.storing.busy),
    store_unavailable: tryAgain(t.problems.unavailable),
    store_nearly_full: tryAgain(en.storing.nearlyFull),
    server_busy: tryAgain(en.storing.busy),
    internal: refused('internal'),
    network: tryAgain(t.problems.unreachable),
    bad_reply: tryAgain(t.problems.unreachable),
  } satisfies Record<RefusalCode<'answerRequest'> | EveryCallCode, Shown>;

  it.each(Object.entries(whenAnswerRefuses))('refused with %s, says so', async (code, expected) => {
    const { status, location } = await openRequest();
    const api = fakeApi({
      limits: () => Promise.resolve(LIMITS),
      requestStatus: () => Promise.resolve(status),
      answer: () => Promise.reject(refusal(code as keyof typeof whenAnswerRefuses)),
    });
    const flow = new AnswerFlow(api, location);
    await flow.load();
    flow.content.text = 'hunter2';
    await flow.send();
    expect(shown(AnswerPage, flow)).toEqual(expected);
    // What was typed stays while it can still be sent, and goes once it never can.
    expect(flow.content.text).toBe(expected.heading === t.heading ? 'hunter2' : '');
  });

  it('shows the note, then seals the answer so that only the inbox opens it', async () => {
    const { test, status, location } = await openRequest();
    const api = fakeApi({
      limits: () => Promise.resolve(LIMITS),
      requestStatus: () => Promise.resolve(status),
      answer: () => Promise.resolve({ expiresAt: status.expiresAt }),
    });
    const flow = new AnswerFlow(api, location);
    await flow.load();
    expect(shown(AnswerPage, flow)).toEqual({ heading: t.heading, alerts: [] });
    expect(flow.request?.note).toBe('The database password, please.');
    flow.content.text = 'hunter2';
    await flow.send();
    expect(shown(AnswerPage, flow)).toEqual({ heading: t.sentHeading, alerts: [] });
    const [id, access, envelope] = theOneCall(api.calls.answer);
    expect({ id, access }).toEqual({ id: ID, access: test.request.access });
    expect(await openSealed(envelope, test.inbox)).toEqual({ text: 'hunter2', files: [] });
  });
});
