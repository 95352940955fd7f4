/**
 * The operator's switches: what the server enforces (a passphrase required, requests
 * off), what it tells clients to offer (files, expiry choices) in GET /api/limits, and
 * the start-up checks that keep the choices within the bounds.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { offeredExpiries } from '../../server/expiry-choices.js';
import { b64, createSecret, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { createTestRequest, newTestRequest, sealedAnswer } from '../helpers/requests.js';
import { buildTestApp } from '../helpers/server.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('the switches in GET /api/limits', () => {
  it('offers everything by default, with the standard expiry choices', async () => {
    const app = await buildTestApp();
    expect((await app.inject('/api/limits')).json()).toMatchObject({
      files: true,
      passphraseRequired: false,
      requests: true,
      expiryChoices: [300, 3600, 86_400, 604_800, 2_592_000],
    });
  });

  it('says what the operator turned off and which expiries to offer', async () => {
    const app = await buildTestApp({
      allowFiles: false,
      requirePassphrase: true,
      allowRequests: false,
      expiryChoices: '1h, 1d,7d',
      defaultExpiresIn: 86_400,
    });
    expect((await app.inject('/api/limits')).json()).toMatchObject({
      files: false,
      passphraseRequired: true,
      requests: false,
      expiryChoices: [3600, 86_400, 604_800],
      expiresIn: { default: 86_400 },
    });
  });
});

describe('EXPIRY_CHOICES', () => {
  it('reads seconds and s, m, h, d, w, in order and without repeats', () => {
    const config = loadConfig({
      EXPIRY_CHOICES: '7d,3600,1h,90m,2w,45s',
      MIN_EXPIRES_IN: '30',
      DEFAULT_EXPIRES_IN: '5400',
    });
    expect(offeredExpiries(config)).toEqual([45, 3600, 5400, 604_800, 1_209_600]);
  });

  it('refuses choices outside the bounds, a default not among them, and what is not a list of durations', () => {
    expect(problemsOf({ EXPIRY_CHOICES: '1m,1d' })).toEqual([
      'EXPIRY_CHOICES must lie between MIN_EXPIRES_IN (300) and MAX_EXPIRES_IN (2592000) seconds; 60 s do not.',
    ]);
    expect(problemsOf({ EXPIRY_CHOICES: '1h,7d' })).toEqual([
      'DEFAULT_EXPIRES_IN (86400 s) must be one of EXPIRY_CHOICES (3600, 604800 seconds).',
    ]);
    expect(problemsOf({ EXPIRY_CHOICES: '1 day' })[0]).toMatch(/^EXPIRY_CHOICES must be the expiries the page offers/);
    expect(problemsOf({ EXPIRY_CHOICES: '' })).toEqual([]);
  });

  it('without them, offers the standard choices the bounds allow, with the default and both bounds', () => {
    const offered = (min: number, max: number, defaultExpiresIn: number) =>
      offeredExpiries({ minExpiresIn: min, maxExpiresIn: max, defaultExpiresIn, expiryChoices: undefined });
    expect(offered(600, 259_200, 3600)).toEqual([600, 3600, 86_400, 259_200]);
    expect(offered(60, 60, 60)).toEqual([60]);
    expect(offered(1, 90 * 86_400, 7200)).toEqual([1, 300, 3600, 7200, 86_400, 604_800, 2_592_000, 7_776_000]);
  });
});

describe('REQUIRE_PASSPHRASE', () => {
  it('refuses a secret without a passphrase with 400 passphrase_mandatory, storing nothing', async () => {
    const app = await buildTestApp({ requirePassphrase: true });
    const proofs = newProofs();
    const res = await app.inject({
      method: 'POST',
      url: '/api/secrets',
      payload: { ciphertext: b64(fakeEnvelope()), accessHash: proofs.accessHash },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'passphrase_mandatory', message: expect.stringMatching(/passphrase/) });
  });

  it('takes a secret with one', async () => {
    const app = await buildTestApp({ requirePassphrase: true });
    await expect(createSecret(app, { passphrase: true })).resolves.toMatchObject({ id: expect.any(String) });
  });
});

describe('ALLOW_REQUESTS=false', () => {
  it('refuses a new request with 403 not_allowed, before the body is read', async () => {
    const app = await buildTestApp({ allowRequests: false });
    const res = await app.inject({ method: 'POST', url: '/api/requests', payload: (await newTestRequest()).body });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: 'not_allowed',
      message: 'This server does not take new requests for a secret.',
    });
    const malformed = await app.inject({ method: 'POST', url: '/api/requests', payload: { nonsense: true } });
    expect(malformed.json().error).toBe('not_allowed');
  });

  it('keeps requests made earlier open to look at and answer', async () => {
    // The same store, first with requests on, then off: an operator turning them off and restarting.
    const on = await buildTestApp();
    const made = await createTestRequest(on);
    const off = await buildTestApp({ allowRequests: false }, { store: on.store, requests: on.requests });
    const status = await off.inject({
      method: 'POST',
      url: `/api/requests/${made.id}/status`,
      payload: { access: made.access },
    });
    expect(status.statusCode).toBe(200);
    const answer = await off.inject({
      method: 'POST',
      url: `/api/requests/${made.id}/answer`,
      payload: { access: made.access, ciphertext: await sealedAnswer(made) },
    });
    expect(answer.statusCode).toBe(201);
  });
});
