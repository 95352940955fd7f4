/** English, the sender’s page (/): the form. The link it makes and its message are in ./created.ts. */
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
};

export default create;
