/** English, the sender’s page (/): the form, the link it makes and the email that carries it. */
import attachments from './shared/attachments.js';
import forms from './shared/forms.js';
import storing from './shared/storing.js';

const create = {
  ...storing,
  ...attachments,
  ...forms,
  create: {
    title: 'Share a secret',
    lead: 'It is encrypted in your browser. The link works once (or as often as you choose) and then the secret is destroyed.',
    secretLabel: 'Secret',
    expiresLabel: 'Expires after',
    expiresLoading: 'Loading the choices…',
    viewsLabel: 'Views allowed',
    viewsPassphraseHint:
      'A link that opens more than once also works for anyone who finds it later, in a mailbox or a browser’s history, until its views are used up. Set a passphrase as well, and give it to the recipients another way.',
    passphraseLabel: 'Passphrase (optional)',
    passphraseHint: 'If you set one, the recipient needs both the link and the passphrase.',
    labelLabel: 'Private label, only for you (optional)',
    labelHint:
      'A note to yourself, such as “DB password for Anna”. It appears on your status page and is never sent to the server.',
    /** REQUIRE_PASSPHRASE: the operator takes only secrets with a passphrase. */
    passphraseRequiredLabel: 'Passphrase (required)',
    passphraseRequiredHint: 'This site takes only secrets with a passphrase: the recipient needs both the link and it.',
    submit: 'Create secret link',
    sealing: 'Encrypting in your browser and uploading…',
    problems: {
      empty: 'Type or paste the secret, or attach a file, first.',
      emptyText: 'Type or paste the secret first.',
      passphraseMissing: 'Set a passphrase, or generate one: this site takes only secrets protected by one.',
      views: (max: number) => `Views must be a whole number from 1 to ${max}.`,
      fileUnreadable: (name: string) => `“${name}” could not be read. Remove it and add it again.`,
      alertAddress: 'Type the email address the alert should go to, or untick the box.',
      labelTooLong: (max: number) => `The private label can have at most ${max} characters.`,
      passphraseControl: 'The passphrase contains control characters. Change the passphrase, or leave it empty.',
      passphraseInvisible: (codePoint: string) =>
        `The passphrase contains an invisible or formatting character (${codePoint}), perhaps pasted along with it. Type the passphrase instead, or generate one.`,
      unreachable: 'Cannot reach the server. Check your connection and try again; what you typed is still here.',
      unavailable:
        'The server cannot store secrets right now. Try again in a few minutes; what you typed is still here.',
      rateLimited: 'Too many secrets created from here just now. Wait a minute and try again.',
      refused: (message: string) => `The server refused the secret: ${message}`,
      failed: 'Something went wrong while encrypting the secret. Please try again.',
    },
  },

  created: {
    heading: 'Your link is ready',
    summary: (views: number, fromNow: string, at: string) =>
      `Send this link to the recipient. It can be opened ${views === 1 ? 'once' : `${views} times`} and expires ${fromNow}, on ${at}.`,
    recipientHeading: 'For the recipient',
    linkLabel: 'Secret link',
    linkCopied: 'Secret link copied — paste it into your message',
    showQr: 'Show QR code',
    hideQr: 'Hide QR code',
    qrLabel: 'QR code of the secret link',
    qrFailed: 'The QR code could not be loaded. Check your connection and try again.',
    filesLabel: 'Files in it',
    passphraseNote:
      'The recipient also needs the passphrase. Tell it to them another way (by phone, in person), never in the same message as the link.',
    messageHeading: 'Send it in a message',
    messageHint: 'With your name, the recipient knows the message is from you. The passphrase is never part of it.',
    nameLabel: 'Your name (optional)',
    subjectLabel: 'Subject (optional)',
    subjectHint: 'A few words, such as “Wi-Fi and contract”.',
    messageLabel: 'Message',
    messageCopied: 'Message copied — paste it into your email',
    share: 'Share',
    shareFailed: 'Sharing did not work. Copy the message instead, or send it by email.',
    email: 'Send the link by email',
    passphraseHeading: 'The passphrase',
    passphraseText:
      'The recipient also needs this passphrase. Send it separately (by phone, in person, in another app), not in the same email as the link.',
    passphraseLabel: 'Passphrase',
    passphraseCopied: 'Passphrase copied — send it separately, not with the link',
    privateHeading: 'For you only',
    privateText:
      'Your status link shows whether the secret has been opened, and lets you burn it before then. Keep it; do not send it to the recipient.',
    statusLabel: 'Status link',
    statusCopied: 'Status link copied — keep it for yourself',
    labelNote: 'Your label',
    alertNote: (email: string) => `An email will go to ${email} each time the secret is viewed.`,
    another: 'Create another secret',
  },

  /** The message that carries the link (shared, copied or emailed); the passphrase never goes in it. */
  mail: {
    subject: 'A secret for you',
    subjectFrom: (name: string) => `A secret from ${name}`,
    subjectWithName: (subject: string, name: string) => `${subject} from ${name}`,
    paragraph: (name: string, service: string, views: number, expires: string, passphrase: boolean) =>
      [
        name === '' ? 'Hello, I am sending you a secret' : `Hello, this is ${name}. I am sending you a secret`,
        ` through ${service}, with ${views === 1 ? 'a one-time link that expires' : `a link that works ${views} times and expires`} on ${expires}.`,
        ' Opening the link burns nothing: the secret appears only when you press Reveal, and is then deleted from the server.',
        ' There is nothing to log into and nothing to pay.',
        passphrase ? ' You will also need a passphrase, which I will give you another way.' : '',
      ].join(''),
  },
};

export default create;
