/**
 * The sender's page without a browser: every refusal of the create route, as the words
 * the form then shows (what was typed stays), and a secret created.
 */
import { describe, expect, it } from 'vitest';
import { sealedSize, utf8Length } from '../../../web/src/files.js';
import { deriveKeys, open } from '../../../web/src/lib/envelope.js';
import { parseSecretLink } from '../../../web/src/lib/link.js';
import { locale } from '../../../web/src/locale.svelte.js';
import { CreateFlow } from '../../../web/src/pages/create.svelte.js';
import CreatePage from '../../../web/src/pages/CreatePage.svelte';
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

const t = en.create;
const TEXT = 'hunter2';

/** A form with TEXT typed, the limits loaded. */
async function typed(api: ReturnType<typeof fakeApi>): Promise<CreateFlow> {
  const flow = new CreateFlow(api, 'https://burnlink.test');
  await flow.loadLimits();
  flow.form.text = TEXT;
  return flow;
}

describe('creating a secret', () => {
  const refused = (code: string) => t.problems.refused(serverMessage(code));
  const whenCreateRefuses = {
    invalid_request: refused('invalid_request'),
    invalid_envelope: refused('invalid_envelope'),
    alerts_unavailable: refused('alerts_unavailable'),
    passphrase_mandatory: t.problems.passphraseMissing,
    too_large: en.attachments.problems.tooLarge(
      locale.bytes(sealedSize(utf8Length(TEXT), []), 'ceil'),
      locale.bytes(LIMITS.maxSecretBytes, 'floor'),
    ),
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
  } satisfies Record<RefusalCode<'createSecret'> | EveryCallCode, string>;

  it.each(Object.entries(whenCreateRefuses))(
    'refused with %s, says so and keeps the secret typed',
    async (code, alert) => {
      const api = fakeApi({
        limits: () => Promise.resolve(LIMITS),
        create: () => Promise.reject(refusal(code as keyof typeof whenCreateRefuses)),
      });
      const flow = await typed(api);
      await flow.submit();
      expect(shown(CreatePage, flow)).toEqual({ heading: t.title, alerts: [alert] });
      expect(flow.form.text).toBe(TEXT);
    },
  );

  it('says the server cannot be reached when its limits never came, and sends nothing', async () => {
    const api = fakeApi({ limits: () => Promise.reject(refusal('network')) });
    const flow = await typed(api);
    await flow.submit();
    expect(shown(CreatePage, flow)).toEqual({ heading: t.title, alerts: [t.problems.unreachable] });
    expect(api.calls.create).toBeUndefined();
  });

  it('shows a link that opens what was typed, and forgets it', async () => {
    const api = fakeApi({
      limits: () => Promise.resolve(LIMITS),
      create: () =>
        Promise.resolve({
          id: ID,
          expiresAt: Date.now() + 86_400_000,
          manageToken: 'T'.repeat(43),
        }),
    });
    const flow = await typed(api);
    await flow.submit();
    expect(shown(CreatePage, flow)).toEqual({ heading: en.created.heading, alerts: [] });
    expect(flow.phase.name).toBe('created');
    const { link, receiptLink } = (flow.phase as Extract<typeof flow.phase, { name: 'created' }>).created;
    const { id, linkKey } = parseSecretLink(link);
    expect(id).toBe(ID);
    expect(receiptLink).toBe(`https://burnlink.test/r/${id}#${'T'.repeat(43)}`);
    const [sent] = theOneCall(api.calls.create);
    expect(await open(sent.envelope, await deriveKeys(linkKey))).toEqual({ text: TEXT, files: [] });
    expect(flow.form.text).toBe('');
  });
});
