/**
 * The sender's page without a browser: every refusal of the create route, as the words
 * the form then shows (what was typed stays), and a secret created.
 */
import { describe, expect, it } from 'vitest';
import { sealedSize, utf8Length } from '../../../web/src/files.js';
import { deriveKeys, open } from '../../../web/src/lib/envelope.js';
import { MAX_LABEL_CHARS, parseReceiptLocation, parseSecretLink } from '../../../web/src/lib/link.js';
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
/** A manage token as the server makes them (its last character carries 2 zero bits). */
const TOKEN = `${'T'.repeat(42)}A`;

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
    sign_in_required: refused('sign_in_required'),
    invalid_token: refused('invalid_token'),
    not_allowed: refused('not_allowed'),
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

  function created(flow: CreateFlow) {
    expect(flow.phase.name).toBe('created');
    return (flow.phase as Extract<typeof flow.phase, { name: 'created' }>).created;
  }

  const stores = () =>
    fakeApi({
      limits: () => Promise.resolve(LIMITS),
      create: () => Promise.resolve({ id: ID, expiresAt: Date.now() + 86_400_000, manageToken: TOKEN }),
    });

  it('puts the private label in the status link only, and forgets it for the next secret', async () => {
    const api = stores();
    const flow = await typed(api);
    flow.form.label = '  DB password for Anna  ';
    await flow.submit();
    const { receiptLink, label } = created(flow);
    expect(label).toBe('DB password for Anna');
    const url = new URL(receiptLink);
    expect(parseReceiptLocation(url.pathname, url.hash)).toEqual({
      id: ID,
      manageToken: TOKEN,
      label: 'DB password for Anna',
    });
    const [sent] = theOneCall(api.calls.create);
    expect(JSON.stringify(sent)).not.toContain('Anna');
    flow.message.name = 'Rosa';
    flow.message.subject = 'Wi-Fi';
    flow.reset();
    expect([flow.form.label, flow.message.subject, flow.message.name]).toEqual(['', '', 'Rosa']);
  });

  it('refuses a label longer than the status link may carry, sending nothing', async () => {
    const api = stores();
    const flow = await typed(api);
    flow.form.label = 'x'.repeat(MAX_LABEL_CHARS + 1);
    await flow.submit();
    expect(shown(CreatePage, flow).alerts).toEqual([t.problems.labelTooLong(MAX_LABEL_CHARS)]);
    expect(api.calls.create).toBeUndefined();
  });

  it('keeps a generated passphrase to show again, but not one the sender typed or changed', async () => {
    for (const [how, expected] of [
      ['generated', true],
      ['typed', false],
      ['generated, then changed', false],
    ] as const) {
      const flow = await typed(stores());
      const generated = flow.form.generatePassphrase();
      if (how === 'typed') flow.form.passphrase = 'my own words';
      else flow.form.passphrase = how === 'generated' ? generated : `${generated}x`;
      await flow.submit();
      const secret = created(flow);
      expect(secret.passphrase, how).toBe(true);
      expect(secret.generatedPassphrase, how).toBe(expected ? generated : undefined);
      expect(flow.form.passphrase, 'the form forgets it either way').toBe('');
    }
  });

  it('lists the attached files by name and size', async () => {
    const flow = await typed(stores());
    flow.form.attachments.add([new File(['abc'], 'a.txt', { type: 'text/plain' }), new File(['12345'], 'b.bin')]);
    await flow.submit();
    expect(created(flow).files).toEqual([
      { name: 'a.txt', size: 3 },
      { name: 'b.bin', size: 5 },
    ]);
  });
});
