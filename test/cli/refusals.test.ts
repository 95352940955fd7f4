/**
 * Passphrases, gone and damaged links, terminal escaping and the command line's
 * usage errors, against a real server whose log counts the requests it got.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { burnlink, fakeTerminal, sendText, startCountingServer, type CountingServer } from './harness.js';

const GONE = 'This secret has already been viewed or has expired.';

let server: CountingServer;
beforeAll(async () => {
  server = await startCountingServer();
});
afterAll(async () => server?.close());

describe('passphrases', () => {
  it('takes the passphrase from BURNLINK_PASSPHRASE; a wrong one burns nothing and says how many attempts are left', async () => {
    const link = await sendText(server, 'behind a passphrase', ['--passphrase'], {
      BURNLINK_PASSPHRASE: 'correct horse',
    });

    const wrong = await burnlink(['get', link], { env: { BURNLINK_PASSPHRASE: 'wrong horse' } });
    expect(wrong).toMatchObject({ code: 1, out: '' });
    expect(wrong.stderr).toMatch(
      /Wrong passphrase\. The secret was not revealed and can be tried again: 9 attempts left/,
    );

    const right = await burnlink(['get', link], { env: { BURNLINK_PASSPHRASE: 'correct horse' } });
    expect(right).toMatchObject({ code: 0, out: 'behind a passphrase' });
  });

  it('asks on the terminal without echo, twice when sending, and refuses differing entries', async () => {
    const differ = await burnlink(['send', '--server', server.url, '--passphrase', '--text', 'x'], {
      terminal: fakeTerminal(['one\r', 'two\r']),
    });
    expect(differ).toMatchObject({ code: 1, out: '' });
    expect(differ.stderr).toMatch(/differ; nothing was sent/);

    const sent = await burnlink(['send', '--server', server.url, '--passphrase', '--text', 'typed ✓'], {
      terminal: fakeTerminal(['pâss\r', 'pâss\r']),
    });
    expect(sent.code).toBe(0);
    expect(sent.stderr).toMatch(/^Passphrase: \nPassphrase again: \n/);
    const got = await burnlink(['get', sent.out.trim()], { terminal: fakeTerminal(['pâss\r']) });
    expect(got).toMatchObject({ code: 0, out: 'typed ✓' });
    expect(got.stderr).toMatch(/protected by a passphrase \(10 attempts left\)\.\nPassphrase: \n/);
  });

  it('refuses before revealing when there is no passphrase to be had, or it cannot be right', async () => {
    const link = await sendText(server, 'wait for me', ['--passphrase'], { BURNLINK_PASSPHRASE: 'pw' });
    const none = await burnlink(['get', link]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/needs its passphrase; nothing was revealed\. Set BURNLINK_PASSPHRASE/);
    const control = await burnlink(['get', link], { env: { BURNLINK_PASSPHRASE: 'p\x01w' } });
    expect(control.code).toBe(1);
    expect(control.stderr).toMatch(/control characters\. It cannot be the right one; nothing was used up/);
    const invisible = await burnlink(['get', link], { env: { BURNLINK_PASSPHRASE: 'p\u2028w' } });
    expect(invisible.code).toBe(1);
    expect(invisible.stderr).toMatch(
      /invisible or formatting character \(U\+2028\)\. It cannot be the right one; nothing was used up/,
    );
    // Neither refusal reached the server: the first wrong passphrase it sees leaves 9 of 10.
    const wrong = await burnlink(['get', link], { env: { BURNLINK_PASSPHRASE: 'pv' } });
    expect(wrong.stderr).toMatch(/9 attempts left/);
    const right = await burnlink(['get', link], { env: { BURNLINK_PASSPHRASE: 'pw' } });
    expect(right).toMatchObject({ code: 0, out: 'wait for me' });
  });

  it('refuses to send with a passphrase holding an invisible character, naming it, before any request', async () => {
    const before = server.requests();
    const sent = await burnlink(['send', '--server', server.url, '--passphrase', '--text', 'x'], {
      env: { BURNLINK_PASSPHRASE: 'correct\u200bhorse' },
    });
    expect(sent).toMatchObject({ code: 1, out: '' });
    expect(sent.stderr).toMatch(/invisible or formatting character \(U\+200B\)\. Choose another passphrase\./);
    expect(server.requests()).toBe(before);
  });

  it('refuses to send with --passphrase when it can neither read the variable nor prompt', async () => {
    const before = server.requests();
    const sent = await burnlink(['send', '--server', server.url, '--passphrase'], { stdin: 'text' });
    expect(sent.code).toBe(1);
    expect(sent.stderr).toMatch(/Set BURNLINK_PASSPHRASE, or run this in a terminal/);
    expect(server.requests()).toBe(before);
  });
});

describe('gone and damaged links', () => {
  it('says the one gone message, exit 1, for a used link', async () => {
    const link = await sendText(server, 'once');
    expect((await burnlink(['get', link])).code).toBe(0);
    const again = await burnlink(['get', link]);
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.stderr).toBe(`burnlink: ${GONE}\n`);
  });

  it('refuses a malformed link with exit 2 and sends no request at all', async () => {
    const link = await sendText(server, 'intact');
    const [base, key] = link.split('#') as [string, string];
    const before = server.requests();
    for (const bad of [
      base,
      `${base}#1.${key.slice(2, 20)}`,
      `${base}#3.${key.slice(2)}`,
      `${server.url}/s/short#${key}`,
      `${server.url}/x/${base.split('/s/')[1]}#${key}`,
      'not a link',
      `ftp://127.0.0.1/s/${base.split('/s/')[1]}#${key}`,
    ]) {
      const got = await burnlink(['get', bad]);
      expect(got.code, bad).toBe(2);
      expect(got.stderr, bad).toMatch(/^burnlink: .+\n/);
    }
    expect(server.requests()).toBe(before);
    expect((await burnlink(['get', link])).out).toBe('intact');
    // The count is live: the good link's status and reveal both show up in it.
    expect(server.requests()).toBe(before + 2);
  });

  it('reads the link from stdin with "-"', async () => {
    const link = await sendText(server, 'kept out of argv');
    expect(await burnlink(['get', '-'], { stdin: `${link}\n` })).toMatchObject({ code: 0, out: 'kept out of argv' });
  });

  it('escapes what a hostile server says, since a link’s sender picks its server', async () => {
    const hostile = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'x', message: 'bad \x1b]0;pwned\x07 title' }));
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => hostile.close(() => resolve())));
    const { port } = hostile.address() as AddressInfo;
    const link = `http://127.0.0.1:${port}/s/${'a'.repeat(21)}#1.${'A'.repeat(43)}`;
    const got = await burnlink(['get', link]);
    expect(got.code).toBe(1);
    expect(got.stderr).toBe('burnlink: The server refused: bad \\x1b]0;pwned\\x07 title\n');
  });

  it('says when the server cannot be reached, exit 1', async () => {
    const got = await burnlink(['send', '--server', 'http://127.0.0.1:1'], { stdin: 'x' });
    expect(got.code).toBe(1);
    expect(got.stderr).toMatch(/Cannot reach the server at http:\/\/127\.0\.0\.1:1\./);
  });
});

describe('printing sender-controlled text', () => {
  const hostile = 'red \x1b[31mALERT\x1b[0m\rover\u202eevil\u009b2J\nline\tend';

  it('escapes control and ANSI characters on a terminal, keeping newlines and tabs', async () => {
    const got = await burnlink(['get', await sendText(server, hostile)], { stdoutIsTTY: true });
    expect(got.code).toBe(0);
    expect(got.out).toBe('red \\x1b[31mALERT\\x1b[0m\\x0dover\\u202eevil\\x9b2J\nline\tend\n');
    expect(got.stderr).toMatch(/5 control characters are shown escaped/);
  });

  it('writes the exact bytes when stdout is not a terminal', async () => {
    const got = await burnlink(['get', await sendText(server, hostile)], { stdoutIsTTY: false });
    expect(got.stdout.equals(Buffer.from(hostile))).toBe(true);
  });
});

describe('the command line', () => {
  it('prints help with exit 0, for the program and for each command', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['send', '--help'], ['get', '-h'], ['help', 'get']]) {
      const got = await burnlink(args);
      expect(got.code, args.join(' ')).toBe(0);
      expect(got.out, args.join(' ')).toMatch(/^Usage: burnlink /);
    }
    expect((await burnlink(['help', 'send'])).out).toMatch(/--expires DURATION/);
  });

  it('answers usage errors with exit 2 and sends nothing', async () => {
    const before = server.requests();
    const cases: [string[], RegExp][] = [
      [[], /Usage: burnlink/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['send', '--server', server.url, '--bogus'], /Unknown option '--bogus'/],
      [['send', '--server', server.url, '--passphrase=secret'], /does not take an argument/],
      [['send', '--server', server.url, '--expires', '3 days'], /--expires takes a duration/],
      [['send', '--server', server.url, '--views', '0'], /--views takes a whole number/],
      [['send', '--server', 'ftp://example.com'], /must start with https:\/\//],
      [['send', '--server', `${server.url}/sub/path`], /origin only/],
      [['send', '--server', server.url, '-', 'file.txt'], /cannot be combined/],
      [['get'], /exactly one LINK/],
      [['get', 'a', 'b'], /exactly one LINK/],
      [['get', '--force'], /exactly one LINK/],
    ];
    for (const [args, message] of cases) {
      const got = await burnlink(args, { stdin: 'text' });
      expect(got.code, args.join(' ')).toBe(2);
      expect(got.stderr, args.join(' ')).toMatch(message);
      expect(got.out).toBe('');
    }
    expect(server.requests()).toBe(before);
  });

  it('takes the server from BURNLINK_SERVER', async () => {
    const sent = await burnlink(['send'], { stdin: 'via env', env: { BURNLINK_SERVER: server.url } });
    expect(sent.out.startsWith(`${server.url}/s/`)).toBe(true);
  });
});
