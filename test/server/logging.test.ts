/** Log lines never carry an id, a manage token, a proof or ciphertext. */
import { expect, it } from 'vitest';
import { captureLog } from '../helpers/log-capture.js';
import { createSecret } from '../helpers/proofs.js';
import { buildTestApp } from '../helpers/server.js';

it('keeps ids, tokens, proofs and ciphertext out of the log through a whole flow', async () => {
  const log = captureLog();
  const app = await buildTestApp({ logLevel: 'trace' }, { logStream: log.stream });
  const { id, manageToken, ciphertext, proofs: p } = await createSecret(app, { passphrase: true, views: 2 });
  const auth = { authorization: `Bearer ${manageToken}` };
  await app.inject({ method: 'POST', url: `/api/secrets/${id}/status`, payload: { access: p.access } });
  await app.inject({
    method: 'POST',
    url: `/api/secrets/${id}/reveal`,
    payload: { access: p.access, unlock: p.access },
  });
  await app.inject({
    method: 'POST',
    url: `/api/secrets/${id}/reveal`,
    payload: { access: p.access, unlock: p.unlock },
  });
  await app.inject({ method: 'POST', url: `/api/secrets/${id}/reveal`, payload: { access: p.access } });
  await app.inject({ method: 'GET', url: `/api/secrets/${id}/receipt`, headers: auth });
  await app.inject({ method: 'DELETE', url: `/api/secrets/${id}`, headers: auth });
  await app.inject({ method: 'GET', url: `/s/${id}` });
  await app.inject({ method: 'GET', url: `/api/secrets/${id}/nonsense` });
  await app.inject({
    method: 'POST',
    url: '/api/secrets',
    payload: `{"ciphertext":"${ciphertext}"`,
    headers: { 'content-type': 'application/json' },
  });

  const text = log.text();
  expect(log.entries().length).toBeGreaterThan(10);
  for (const secret of [id, manageToken, p.access, p.unlock!, p.accessHash, p.unlockHash!, ciphertext.slice(0, 16)]) {
    expect(text).not.toContain(secret);
  }
  expect(text).toContain('"route":"/api/secrets/:id/reveal"');
});
