/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 for the sign-in tests, with one
 * client registered for the callback of the burnlink under test, and a login page of its
 * own: an Email field and a "Sign in" button, no password (who may create is burnlink's
 * check, not the provider's). Consent is given with the login, as a company's provider
 * does for its own applications.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './oidc-config.js';

export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

/** The user the provider knows under an email: its groups claim. */
export type Accounts = Record<string, { groups?: string[]; emailVerified?: boolean }>;

/** Starts the provider with a client whose redirect URI is `redirectUri`; it signs in anyone, with `accounts`' claims. */
export async function startTestProvider(redirectUri: string, accounts: Accounts = {}): Promise<TestProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        email: id,
        email_verified: accounts[id]?.emailVerified ?? true,
        name: id.split('@')[0],
        ...(accounts[id]?.groups && { groups: accounts[id].groups }),
      }),
    }),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-provider-cookie-key'] },
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
  });
  const providerCallback = provider.callback();
  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(provider, req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    } else {
      providerCallback(req, res);
    }
  };
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The provider's login page (GET) and its answer (POST: signed in as the email typed, consent given). */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><title>Test provider</title></head><body><main>
<h1>Test provider sign-in</h1>
<form method="post" action="/interaction/${details.uid}">
<label for="email">Email</label> <input id="email" name="email" type="email" required>
<button type="submit">Sign in</button></form></main></body></html>`);
    return;
  }
  let body = '';
  for await (const chunk of req) body += String(chunk);
  const accountId = new URLSearchParams(body).get('email') ?? '';
  const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}
