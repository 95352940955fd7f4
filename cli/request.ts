/**
 * `burnlink request`: asks someone for a secret. Makes the keys here (docs/FORMAT.md
 * §7), stores only the encrypted note and the hashes of the proofs, and prints the
 * request link to send and the private inbox link, the only key to the answer.
 */
import type { AlertRequest, CreatedRequest } from '../web/src/lib/api.js';
import { formatDateTime, formatFromNow } from '../web/src/lib/display.js';
import { proofHash } from '../web/src/lib/envelope.js';
import { inboxLink, parseLink, requestLink } from '../web/src/lib/link.js';
import { deriveInboxKeys, deriveRequestKeys, newInboxKey, sealRequest } from '../web/src/lib/request.js';
import { expiresOption } from './duration.js';
import type { CliEnv } from './env.js';
import { EXIT_OK, fromApi, refused, usageError } from './errors.js';
import { noteFromOptions } from './note.js';
import { creatingClient, serverOrigin } from './server.js';
import { parseCommandArgs, REQUEST_HELP } from './usage.js';

const OPTIONS = {
  note: { type: 'string' },
  'note-file': { type: 'string' },
  expires: { type: 'string' },
  server: { type: 'string' },
  'alert-email': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `burnlink request` with the arguments after the command name. */
export async function request(env: CliEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(env.argv, OPTIONS, 'request');
  if (values.help) {
    env.stdout.write(REQUEST_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) {
    throw usageError('request takes no arguments: give the note with --note or --note-file.');
  }
  const origin = serverOrigin(env, values.server);
  const api = creatingClient(env, origin);
  const expiresIn = values.expires === undefined ? undefined : expiresOption(values.expires);
  const note = await noteFromOptions(env, { note: values.note, noteFile: values['note-file'] });
  const alert = values['alert-email'] === undefined ? undefined : alertRequest(env, values['alert-email']);

  const inbox = await deriveInboxKeys(newInboxKey());
  const keys = await deriveRequestKeys(inbox.requestKey);
  const envelope = await sealRequest({ note, publicKey: inbox.publicKey }, keys);
  let created: CreatedRequest;
  try {
    created = await api.createRequest({
      envelope,
      accessHash: await proofHash(keys.access),
      inboxHash: await proofHash(inbox.proof),
      // Left out, the server's own default applies, as on the page.
      ...(expiresIn !== undefined && { expiresIn }),
      ...(alert && { alert }),
    });
  } catch (error) {
    throw fromApi(error, { origin });
  }

  const links = checkedLinks(origin, created.id, inbox.inboxKey, inbox.requestKey);
  env.stdout.write(`${links.request}\n`);
  const until = Number.isSafeInteger(created.expiresAt)
    ? ` until ${formatDateTime(created.expiresAt)} (${formatFromNow(created.expiresAt)})`
    : '';
  env.stderr.write(
    'Inbox (keep it to yourself: it is the only link that can read the answer):\n' +
      `  ${links.inbox}\n` +
      `Send the request link to the person who should answer. It stays open${until} for one answer;\n` +
      'read the answer with "burnlink get" and the inbox link, or open the inbox link in a browser.\n' +
      (alert ? `An email will tell ${alert.email} when it has been answered (it carries no link or key).\n` : ''),
  );
  return EXIT_OK;
}

/** The alert to ask for, in the person's language. */
function alertRequest(env: CliEnv, email: string): AlertRequest {
  return { email, language: localeLanguage(env.env) };
}

/**
 * The language of the locale (LC_ALL, LC_MESSAGES, LANG, as gettext reads them):
 * "de" from "de_DE.UTF-8"; English for "C", "POSIX" or nothing.
 */
export function localeLanguage(variables: CliEnv['env']): string {
  const locale = variables.LC_ALL || variables.LC_MESSAGES || variables.LANG || '';
  return /^([a-z]{2,3})(?=$|[_.@-])/i.exec(locale)?.[1]?.toLowerCase() ?? 'en';
}

/**
 * The links, read back with the parsers the responder and the inbox use, so an id the
 * server made up can never put anything but working links on the terminal.
 */
function checkedLinks(
  origin: string,
  id: string,
  inboxKey: Uint8Array,
  requestKey: Uint8Array,
): { request: string; inbox: string } {
  const links = { request: requestLink(origin, id, requestKey), inbox: inboxLink(origin, id, inboxKey) };
  try {
    parseLink(links.request);
    parseLink(links.inbox);
  } catch {
    throw refused(`${origin} answered with a malformed id; the request cannot be answered.`);
  }
  return links;
}
