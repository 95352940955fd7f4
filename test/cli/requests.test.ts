/**
 * request → answer → get INBOX_LINK through a real server, in-process: the note shown
 * escaped, one answer only, one reading only, files saved by the same rules as a
 * secret's, and every refusal before anything is sent.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../web/src/lib/api.js';
import { inboxLink, parseLink, requestLink } from '../../web/src/lib/link.js';
import { deriveInboxKeys, deriveRequestKeys, MAX_NOTE_BYTES, openRequest } from '../../web/src/lib/request.js';
import { startMailbox } from '../helpers/mailbox.js';
import { startServer } from '../helpers/server.js';
import { burnlink, makeRequest, sendText, startCountingServer, tempDir, type CountingServer } from './harness.js';

const GONE = 'This secret has already been viewed or has expired.';
const LINK = /^http:\/\/127\.0\.0\.1:\d+\/q\/[A-Za-z0-9_-]{21,}#1\.[A-Za-z0-9_-]{43}\n$/;

let server: CountingServer;
beforeAll(async () => {
  server = await startCountingServer();
});
afterAll(async () => server?.close());

describe('request → answer → get', () => {
  it('carries the answer, exactly, from the responder to the inbox, once', async () => {
    const made = await burnlink([
      'request',
      '--server',
      server.url,
      '--note',
      'The Wi-Fi password, please',
      '--expires',
      '5m',
    ]);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(LINK);
    expect(made.stderr).toMatch(
      /^Inbox \(keep it to yourself: it is the only link that can read the answer\):\n {2}http:\S+\/i\/\S+\n/,
    );
    expect(made.stderr).toMatch(/in 5 minutes/);
    const { requestLink: link, inboxLink: inbox } = await makeRequest(server, ['--note', 'again']);

    const notYet = await burnlink(['get', inbox]);
    expect(notYet).toMatchObject({ code: 4, out: '' });
    expect(notYet.stderr).toMatch(
      /^burnlink: Nobody has answered this request yet; nothing was changed\. The request stays open until .+\.\n$/,
    );

    const text = 'Grüße 🔑\r\nline two\n\ttabbed, no newline at the end';
    const answered = await burnlink(['answer', link], { stdin: text });
    expect(answered).toMatchObject({ code: 0, out: '' });
    expect(answered.stderr).toMatch(
      /^The request says:\n {2}again\nOnly the person who sent you this link can read what you send\.\n/,
    );
    expect(answered.stderr).toMatch(
      /Sent\. The person who asked can read it once; unread, it will be destroyed on .+\.\n$/,
    );

    const got = await burnlink(['get', inbox]);
    expect(got.code).toBe(0);
    expect(got.stdout.equals(Buffer.from(text))).toBe(true);
    expect(got.stderr).toMatch(
      /^In answer to your request:\n {2}again\nThat was its only reading: the answer is now destroyed\. Whoever had the request link could have answered it/,
    );

    const again = await burnlink(['get', inbox]);
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.stderr).toMatch(
      new RegExp(
        `^The answer was revealed on .+\\. If that was not you, someone else has your inbox link\\.\nburnlink: ${GONE}\n$`,
      ),
    );
  });

  it('takes one answer: a second says so with exit 3 and sends nothing', async () => {
    const { requestLink: link, inboxLink: inbox } = await makeRequest(server);
    const first = await burnlink(['answer', link], { stdin: 'first' });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^The request has no note\.\nOnly the person who sent you this link can read/);
    const before = server.requests();
    const second = await burnlink(['answer', link], { stdin: 'second' });
    expect(second).toMatchObject({ code: 3, out: '' });
    expect(second.stderr).toMatch(
      /^burnlink: This request has already been answered: it takes one answer, so nothing was sent\./,
    );
    // The status said so: the answer itself was never sent.
    expect(server.requests() - before).toBe(2);
    expect((await burnlink(['get', inbox])).out).toBe('first');
    // Read, the request still says it was answered: the responder learns nothing more.
    expect(await burnlink(['answer', link], { stdin: 'third' })).toMatchObject({ code: 3 });
  });

  it('says a request or inbox that does not exist is gone, exit 1', async () => {
    const { requestLink: link, inboxLink: inbox } = await makeRequest(server);
    const unknown = (made: string) => made.replace(/\/([qi])\/[^#]+/, `/$1/${'A'.repeat(21)}`);
    const answered = await burnlink(['answer', unknown(link)], { stdin: 'x' });
    expect(answered).toMatchObject({
      code: 1,
      stderr: 'burnlink: This request has expired or does not exist; nothing was sent.\n',
    });
    expect(await burnlink(['get', unknown(inbox)])).toMatchObject({ code: 1, stderr: `burnlink: ${GONE}\n` });
  });

  it('shows a hostile note escaped, to the responder and in the inbox', async () => {
    const note = 'Send it \x1b[31mNOW\x1b[0m\rto\u202eevil\nsecond line\x07';
    const { requestLink: link, inboxLink: inbox } = await makeRequest(server, ['--note', note]);
    const answered = await burnlink(['answer', link], { stdin: 'ok' });
    expect(answered.code).toBe(0);
    expect(answered.stderr).toContain(
      'The request says:\n  Send it \\x1b[31mNOW\\x1b[0m\\x0dto\\u202eevil\n  second line\\x07\n' +
        '(5 control characters are shown escaped, such as \\x1b for ESC.)\n',
    );
    const got = await burnlink(['get', inbox]);
    expect(got.stderr).toContain('  Send it \\x1b[31mNOW');
    for (const output of [answered.stderr, got.stderr]) expect(output).not.toMatch(/[\x07\x1b\r\u202e]/);
  });

  it('answers with files, saved in the inbox under their base names, never over an existing file', async () => {
    const from = await tempDir();
    const to = await tempDir();
    const bytes = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7) % 256));
    await writeFile(join(from, 'scan.png'), bytes);
    await writeFile(join(from, 'notes.txt'), 'theirs');
    await writeFile(join(to, 'notes.txt'), 'mine');
    const { requestLink: link, inboxLink: inbox } = await makeRequest(server);
    const answered = await burnlink(['answer', link, 'scan.png', join(from, 'notes.txt'), '--text', 'both ✓'], {
      cwd: from,
    });
    expect(answered.code).toBe(0);

    const got = await burnlink(['get', inbox, '--out', to]);
    expect(got).toMatchObject({ code: 0, out: 'both ✓' });
    expect((await readdir(to)).sort()).toEqual(['notes (1).txt', 'notes.txt', 'scan.png']);
    expect((await readFile(join(to, 'scan.png'))).equals(bytes)).toBe(true);
    expect(await readFile(join(to, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(to, 'notes (1).txt'), 'utf8')).toBe('theirs');
    expect(got.stderr).toMatch(/“notes\.txt” already exists/);
  });

  it('reads a long note from a file or stdin, dropping its final line end', async () => {
    const dir = await tempDir();
    const long = `${'Line of the note.\n'.repeat(100)}last`;
    await writeFile(join(dir, 'note.txt'), `${long}\r\n`);
    for (const [args, stdin] of [
      [['--note-file', 'note.txt'], undefined],
      [['--note-file', '-'], `${long}\n`],
    ] as const) {
      const { requestLink: link } = await makeRequest(server, [...args], { cwd: dir, ...(stdin && { stdin }) });
      const { id, key } = parseLink(link);
      const keys = await deriveRequestKeys(key);
      const { envelope } = await new ApiClient(server.url).requestStatus(id, keys.access);
      expect((await openRequest(envelope!, keys)).note).toBe(long);
    }
  });

  it('gives links the page’s library reads, the request link derivable from the inbox link', async () => {
    const { requestLink: link, inboxLink: inbox, stderr } = await makeRequest(server, ['--note', 'n']);
    const parsed = parseLink(inbox);
    expect(parsed.kind).toBe('i');
    const keys = await deriveInboxKeys(parsed.key);
    expect(requestLink(server.url, parsed.id, keys.requestKey)).toBe(link);
    expect(inboxLink(server.url, parsed.id, parsed.key)).toBe(inbox);
    expect(await new ApiClient(server.url).inbox(parsed.id, keys.proof)).toMatchObject({ state: 'open' });
    for (const made of [link, inbox])
      expect(new URL(made).pathname.length + new URL(made).hash.length).toBeLessThanOrEqual(80);
    expect(stderr).not.toContain(link.split('#')[1]);
  });
});

describe('refusals before anything is sent', () => {
  it('prints help for request and answer, which says where the link and the answer come from', async () => {
    for (const args of [
      ['request', '--help'],
      ['help', 'request'],
      ['answer', '-h'],
      ['help', 'answer'],
    ]) {
      const got = await burnlink(args);
      expect(got.code, args.join(' ')).toBe(0);
      expect(got.out, args.join(' ')).toMatch(
        new RegExp(`^Usage: burnlink ${args.find((a) => !a.startsWith('-') && a !== 'help')}`),
      );
    }
    expect((await burnlink(['answer', '--help'])).out).toMatch(/never read from stdin: stdin carries\nthe answer/);
    expect((await burnlink(['--help'])).out).toMatch(/answer REQUEST_LINK \[FILE\.\.\.\|-\]/);
  });

  it('refuses a note over the limit, both note options, and arguments, with exit 2', async () => {
    const before = server.requests();
    const dir = await tempDir();
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(MAX_NOTE_BYTES + 3));
    const cases: [string[], RegExp][] = [
      [
        ['--note', 'é'.repeat(MAX_NOTE_BYTES / 2 + 1)],
        /The note is 2002 bytes; it can be at most 2000 bytes of UTF-8\. Nothing was sent\./,
      ],
      [['--note-file', 'big.txt'], /The note is over 2000 bytes/],
      [['--note', 'a', '--note-file', 'big.txt'], /not both/],
      [['stray'], /request takes no arguments/],
      [['--expires', 'soon'], /--expires takes a duration/],
    ];
    for (const [args, message] of cases) {
      const got = await burnlink(['request', '--server', server.url, ...args], { cwd: dir });
      expect(got.code, args.join(' ')).toBe(2);
      expect(got.stderr, args.join(' ')).toMatch(message);
      expect(got.out).toBe('');
    }
    expect(server.requests()).toBe(before);
  });

  it('tells which link is for which command, exit 2, sending nothing', async () => {
    const { requestLink: link, inboxLink: inbox } = await makeRequest(server);
    const secret = await sendText(server, 'a secret');
    const before = server.requests();
    const cases: [string[], RegExp][] = [
      [['get', link], /That is a request link: it is for answering, with "burnlink answer LINK"/],
      [['answer', inbox], /That is an inbox link: it reads the answer \("burnlink get"\)/],
      [['answer', secret], /That is a secret link: open it with "burnlink get"/],
      [['answer', '-'], /Give the request link as an argument: stdin carries the answer/],
      [['answer'], /answer takes the REQUEST_LINK first/],
      [['answer', link, '-', 'file.txt'], /cannot be combined/],
      [['answer', `${link.slice(0, -5)}`], /damaged/],
    ];
    for (const [args, message] of cases) {
      const got = await burnlink(args, { stdin: link });
      expect(got.code, args.join(' ')).toBe(2);
      expect(got.stderr, args.join(' ')).toMatch(message);
    }
    expect(server.requests()).toBe(before);
  });

  it('refuses an empty answer and a missing file, leaving the request open', async () => {
    const { requestLink: link, inboxLink: inbox } = await makeRequest(server);
    const empty = await burnlink(['answer', link], { stdin: '' });
    expect(empty).toMatchObject({ code: 1 });
    expect(empty.stderr).toMatch(/nothing to send: the answer is empty/);
    const missing = await burnlink(['answer', link, 'no-such-file']);
    expect(missing.stderr).toMatch(/no-such-file: no such file/);
    expect((await burnlink(['get', inbox])).code).toBe(4);
  });
});

describe('against the server’s limits and options', () => {
  it('checks an answer’s size against GET /api/limits before sending it', async () => {
    const small = await startServer({ maxSecretBytes: 4096 });
    try {
      const dir = await tempDir();
      await writeFile(join(dir, 'big.bin'), Buffer.alloc(5000));
      const { requestLink: link, inboxLink: inbox } = await makeRequest(small);
      const tooLarge = await burnlink(['answer', link, 'big.bin'], { cwd: dir });
      expect(tooLarge.code).toBe(1);
      expect(tooLarge.stderr).toMatch(
        /too large for this server: .+ once encrypted, and it takes at most 4.kB\. Nothing was sent\./,
      );
      expect((await burnlink(['get', inbox])).code).toBe(4);
      expect((await burnlink(['answer', link], { stdin: 'small enough' })).code).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('refuses --alert-email where the server sends no mail, storing nothing', async () => {
    const before = server.requests();
    const got = await burnlink(['request', '--server', server.url, '--alert-email', 'me@example.test']);
    expect(got).toMatchObject({ code: 1, out: '' });
    expect(got.stderr).toBe(
      'burnlink: This server sends no email alerts: leave out --alert-email. Nothing was stored.\n',
    );
    expect(server.requests()).toBe(before + 1);
  });

  it('asks for an alert in the language of LANG, which arrives when the request is answered', async () => {
    const mailbox = await startMailbox();
    const mailing = await startServer({ smtpUrl: mailbox.url, mailFrom: 'alerts@burnlink.test' });
    try {
      const made = await makeRequest(mailing, ['--alert-email', 'asker@example.test'], {
        env: { LANG: 'de_DE.UTF-8' },
      });
      expect(made.stderr).toMatch(/An email will tell asker@example\.test when it has been answered/);
      expect((await burnlink(['answer', made.requestLink], { stdin: 'x' })).code).toBe(0);
      const [raw] = await mailbox.waitForMessages(1);
      expect((await simpleParser(raw!)).subject).toBe('Ihre Anfrage wurde beantwortet');
    } finally {
      await mailing.close();
      await mailbox.close();
    }
  });
});
