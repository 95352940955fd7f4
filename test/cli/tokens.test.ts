/**
 * BURNLINK_TOKEN: `send` and `request` create with an operator's API token on a server
 * where only its own users may (CREATE_AUTH=oidc, no sign-in needed for a token); without
 * one, or with one revoked, they say what to do and exit 5, having stored nothing.
 */
import { oidcConfig } from '../helpers/oidc-config.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../server/auth/token-admin.js';
import { newTokensFile } from '../helpers/api-tokens.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { startServer, type RunningServer } from '../helpers/server.js';
import { admin, CLI, ensureBuilt, runNode } from './admin-process.js';
import { burnlink, makeRequest, sendText } from './harness.js';

const NEEDS_TOKEN =
  'burnlink: This server needs an API token to create secrets and requests: set BURNLINK_TOKEN to one from its ' +
  'operator. Nothing was stored.\n';
const REFUSED_TOKEN =
  'burnlink: The server refused the API token in BURNLINK_TOKEN: it is unknown there or has been revoked. ' +
  'Ask its operator for a new one. Nothing was stored.\n';

/** The status a create with `token` gets: to wait for the server to see a change of its tokens file. */
async function createStatus(app: FastifyInstance, token: string): Promise<number> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/secrets',
    payload: { ciphertext: b64(fakeEnvelope()), accessHash: newProofs().accessHash },
    headers: { authorization: `Bearer ${token}` },
  });
  return res.statusCode;
}

let server: RunningServer;
let tokens: string;
let removeTokens: () => Promise<void>;
beforeAll(async () => {
  await ensureBuilt();
  ({ path: tokens, remove: removeTokens } = await newTokensFile());
  server = await startServer({ ...oidcConfig(), apiTokensFile: tokens });
});
afterAll(async () => {
  await server?.close();
  await removeTokens?.();
});

describe('BURNLINK_TOKEN', () => {
  it('creates through the built CLI with a token from burnlink-admin, and is refused once it is revoked', async () => {
    const env = { API_TOKENS_FILE: tokens };
    const created = await admin(['token', 'create', '--name', 'ci'], env);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    // The server looks at the file again within about a second of a token arriving.
    await expect.poll(() => createStatus(server.app, token), { timeout: 5000, interval: 100 }).toBe(201);

    const cliEnv = { BURNLINK_SERVER: server.url, BURNLINK_TOKEN: token };
    const sent = await runNode(CLI, ['send'], cliEnv, 'deploy key');
    expect(sent.code).toBe(0);
    const link = sent.stdout.trim();
    const got = await burnlink(['get', link]);
    expect(got).toMatchObject({ code: 0, out: 'deploy key' });

    expect((await admin(['token', 'revoke', '--name', 'ci'], env)).code).toBe(0);
    await expect.poll(() => createStatus(server.app, token), { timeout: 5000, interval: 100 }).toBe(401);
    const refused = await runNode(CLI, ['send'], cliEnv, 'deploy key');
    expect(refused).toEqual({ code: 5, stdout: '', stderr: REFUSED_TOKEN });
  });

  it('makes a request with a token, and says a token is needed when none is set', async () => {
    const token = await createApiToken(tokens, 'requests');
    await expect.poll(() => createStatus(server.app, token), { timeout: 5000, interval: 100 }).toBe(201);
    const { requestLink } = await makeRequest(server, ['--note', 'the key'], { env: { BURNLINK_TOKEN: token } });
    expect(requestLink).toMatch(/\/q\//);
    expect(await sendText(server, 'with a token', [], { BURNLINK_TOKEN: token })).toMatch(/\/s\//);

    for (const command of [['send'], ['request']]) {
      const refused = await burnlink([...command, '--server', server.url], { stdin: 'no token' });
      expect(refused).toMatchObject({ code: 5, out: '', stderr: NEEDS_TOKEN });
    }
  });

  it('refuses a value that is not a whole token before sending anything (exit 2)', async () => {
    const token = await createApiToken(tokens, 'typo');
    for (const broken of [token.slice(0, -1), token.slice(4), `Bearer ${token}`]) {
      const refused = await burnlink(['send', '--server', 'http://127.0.0.1:9'], {
        stdin: 'x',
        env: { BURNLINK_TOKEN: broken },
      });
      expect(refused).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^burnlink: BURNLINK_TOKEN does not hold a whole burnlink API token/),
      });
    }
    // Surrounding white space, as a file or a secret store may add, is no typo.
    await expect.poll(() => createStatus(server.app, token), { timeout: 5000, interval: 100 }).toBe(201);
    expect(await sendText(server, 'padded', [], { BURNLINK_TOKEN: ` ${token}\n` })).toMatch(/\/s\//);
  });
});
