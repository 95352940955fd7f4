/** English, the sender’s page (/) once the link is made: the link, its message and the email that carries it, fetched with that view. */
import copy from './shared/copy.js';
const created = {
  ...copy,
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

export default created;
