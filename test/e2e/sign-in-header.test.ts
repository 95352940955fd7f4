/**
 * CREATE_AUTH=header in Chromium: through a reverse proxy on 127.0.0.1 that adds the
 * identity header (as oauth2-proxy does once someone has signed in there), a sender
 * creates a secret and a request, and sees who they are; reading and answering need no
 * header. Straight to a server that does not trust 127.0.0.1, the same header (forged
 * by the browser) is refused: the page shows the explanation and Sign in, no form.
 */
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContextRecorder } from '../helpers/browser.js';
import { BUILT_PAGE, startServer, type RunningServer } from '../helpers/server.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { createRequest, createSecret, reveal, waitForHeading, waitForRevealForm } from './pages.js';

const USER = 'anna@example.com';

/** A reverse proxy to `target` that names USER in X-Forwarded-Email on every request, as a signed-in auth proxy does. */
async function startAuthProxy(target: string): Promise<{ url: string; server: Server }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const headers = { ...req.headers, host: upstream.host, 'x-forwarded-email': USER };
    const out = forward(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('creating through a trusted auth proxy (CREATE_AUTH=header)', () => {
  const env = useServerAndBrowser({ createAuth: 'header', trustProxy: '127.0.0.1' });
  const recorders: ContextRecorder[] = [];
  let proxy: { url: string; server: Server };
  let untrusting: RunningServer;
  beforeAll(async () => {
    proxy = await startAuthProxy(env.server.url);
    // 127.0.0.1 is not its proxy: whatever header reaches it from there is forged.
    untrusting = await startServer({ createAuth: 'header', trustProxy: '192.0.2.1', webRoot: BUILT_PAGE });
  });
  afterAll(async () => {
    proxy?.server.closeAllConnections();
    await new Promise((resolve) => proxy?.server.close(resolve));
    await untrusting?.close();
  });

  it('lets the signed-in user create through the proxy; the links open and are answered without it', async () => {
    const sender = await (await freshContext(env.browser, recorders)).newPage();
    await sender.goto(`${proxy.url}/`);
    await sender.getByText(`Signed in as ${USER}`).waitFor();
    // The proxy's sign-in has its own way out, not ours.
    expect(await sender.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    const { link } = await createSecret(sender, proxy.url, { text: 'door code 4711' });
    const { requestLink } = await createRequest(sender, proxy.url, 'The alarm PIN, please');

    // The recipient comes straight to the server, with no identity header at all.
    const direct = (url: string) => url.replace(proxy.url, env.server.url);
    const recipient = await (await freshContext(env.browser, recorders)).newPage();
    await recipient.goto(direct(link));
    await waitForRevealForm(recipient);
    expect(await reveal(recipient)).toBe('door code 4711');
    await recipient.goto(direct(requestLink));
    await waitForHeading(recipient, 'You have been asked for a secret');
    await recipient.getByLabel('Secret', { exact: true }).fill('1234');
    await recipient.getByRole('button', { name: 'Encrypt and send' }).click();
    await waitForHeading(recipient, 'Sent');
    expect(await recipient.locator('body').innerText()).not.toMatch(/Sign in|Signed in/);
  });

  it('refuses the header from an address it does not trust: the page explains, and offers Sign in', async () => {
    const context = await freshContext(env.browser, recorders, {
      extraHTTPHeaders: { 'x-forwarded-email': 'boss@example.com' },
    });
    const page = await context.newPage();
    await page.goto(`${untrusting.url}/`);
    await page
      .getByText(
        'Sharing and requesting secrets here goes through your organisation’s sign-in. Sign in there, then open this page again. Anyone you send a link to opens or answers it without signing in.',
      )
      .waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    const refused = await page.evaluate(async () => {
      const res = await fetch('/api/secrets', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return { status: res.status, body: (await res.json()) as unknown };
    });
    expect(refused).toEqual({
      status: 403,
      body: { error: 'not_allowed', message: expect.stringMatching(/only from its sign-in proxy/) },
    });
  });

  it('broke no CSP rule and raised no script error', () => {
    expect(recorders.flatMap((recorder) => recorder.problems)).toEqual([]);
  });
});
