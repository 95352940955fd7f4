/**
 * The operator's switches from the command line: files off is the clients' to keep (the
 * server cannot see them), so `send` asks and refuses before sealing; a passphrase
 * required and requests off are the server's refusals, worded so a person knows what to do.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Capture, burnlink, makeRequest, tempDir } from './harness.js';
import { startServer } from '../helpers/server.js';

/** A server with these switches whose log counts the requests that reach it. */
async function serverWith(overrides: Parameters<typeof startServer>[0]) {
  const log = new Capture();
  const server = await startServer({ logLevel: 'info', ...overrides }, { logStream: log });
  const requests = () => log.text.split('\n').filter((line) => line.includes('"request completed"')).length;
  return { ...server, requests };
}

it('refuses to send files to a server that takes none, asking only for its limits', async () => {
  const server = await serverWith({ allowFiles: false });
  try {
    const dir = await tempDir();
    await writeFile(join(dir, 'card.txt'), '4111 1111 1111 1111');
    const sent = await burnlink(['send', '--server', server.url, 'card.txt'], { cwd: dir });
    expect(sent).toMatchObject({ code: 1, out: '' });
    expect(sent.stderr).toBe(`burnlink: ${server.url} does not take files: send text only. Nothing was sent.\n`);
    expect(server.requests()).toBe(1);
    const text = await burnlink(['send', '--server', server.url], { stdin: 'only text' });
    expect(text.code).toBe(0);

    const { requestLink } = await makeRequest(server);
    const answered = await burnlink(['answer', requestLink, 'card.txt'], { cwd: dir });
    expect(answered).toMatchObject({ code: 1, out: '' });
    expect(answered.stderr).toMatch(/does not take files: answer with text only\. Nothing was sent\./);
    const textAnswer = await burnlink(['answer', requestLink], { stdin: 'only text' });
    expect(textAnswer.code).toBe(0);
  } finally {
    await server.close();
  }
});

it('says to add --passphrase where every secret needs one', async () => {
  const server = await serverWith({ requirePassphrase: true });
  try {
    const sent = await burnlink(['send', '--server', server.url], { stdin: 'no passphrase' });
    expect(sent).toMatchObject({ code: 1, out: '' });
    expect(sent.stderr).toMatch(/takes only secrets with a passphrase: send again with --passphrase/);
    const protectedSend = await burnlink(['send', '--server', server.url, '--passphrase'], {
      stdin: 'with one',
      env: { BURNLINK_PASSPHRASE: 'correct horse' },
    });
    expect(protectedSend.code).toBe(0);
  } finally {
    await server.close();
  }
});

it('says so when the server takes no new requests', async () => {
  const server = await serverWith({ allowRequests: false });
  try {
    const made = await burnlink(['request', '--server', server.url]);
    expect(made).toMatchObject({ code: 1, out: '' });
    expect(made.stderr).toMatch(/This server does not take new requests for a secret\./);
  } finally {
    await server.close();
  }
});
