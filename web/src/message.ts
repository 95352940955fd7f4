/**
 * The message a sender passes a secret link on with (shared, copied or emailed): a
 * subject, one plain paragraph that says what the link is, and the link on a line of
 * its own. It is built from what the sender may say in it; the passphrase is no input,
 * so it can never end up beside the link.
 */

/** The longest sender's name and subject, in characters: a line, not a letter. */
export const MAX_NAME_CHARS = 60;
export const MAX_SUBJECT_CHARS = 80;

/** The words of the message, in the sender's language (the catalogs' `mail` section). */
export interface MessageWords {
  /** The subject when the sender gave neither subject nor name. */
  subject: string;
  /** The subject when the sender gave a name but no subject. */
  subjectFrom: (name: string) => string;
  /** The sender's subject, followed by their name. */
  subjectWithName: (subject: string, name: string) => string;
  /** The paragraph; `name` is '' when the sender gave none. */
  paragraph: (name: string, service: string, views: number, expires: string, passphrase: boolean) => string;
}

export interface MessageInput {
  /** The sender's name, as typed ('' for none). */
  name: string;
  /** The sender's subject, as typed ('' for none). */
  subject: string;
  link: string;
  /** The site's name, as the recipient will see it. */
  service: string;
  views: number;
  /** When the link expires, formatted for the recipient (with the time zone). */
  expires: string;
  /** Whether the recipient needs a passphrase too (never the passphrase itself). */
  passphrase: boolean;
}

export interface Message {
  subject: string;
  /** The paragraph, a blank line, and the link alone on the last line. */
  body: string;
}

export function composeMessage(words: MessageWords, input: MessageInput): Message {
  const name = oneLine(input.name, MAX_NAME_CHARS);
  const subject = oneLine(input.subject, MAX_SUBJECT_CHARS);
  const paragraph = words.paragraph(name, input.service, input.views, input.expires, input.passphrase);
  return {
    subject:
      subject === ''
        ? name === ''
          ? words.subject
          : words.subjectFrom(name)
        : name === ''
          ? subject
          : words.subjectWithName(subject, name),
    body: `${paragraph}\n\n${input.link}`,
  };
}

/**
 * Text typed into a one-line field, made fit for a subject line: control and line
 * characters become spaces (a pasted line break must not start a new header or
 * paragraph), runs of spaces one, cut to `max` characters.
 */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/gu, ' ').trim();
  return [...flat].slice(0, max).join('').trim();
}
