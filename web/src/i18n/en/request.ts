/** English, the requester’s page (/request): the form, the two links it makes and the email that carries one. */
import forms from './shared/forms.js';
import storing from './shared/storing.js';
import copy from './shared/copy.js';

const request = {
  ...copy,
  ...storing,
  ...forms,
  request: {
    title: 'Request a secret',
    lead: 'Ask someone to send you a password, a card number or a file. They get a link, and what they send is encrypted in their browser: only you can read it, with your private inbox link.',
    noteLabel: 'Note for the person (optional)',
    noteHint: 'Say what you need. The note is encrypted too: only someone with the request link can read it.',
    noteLength: (used: number, max: number) => `${used} of ${max} bytes.`,
    expiresLabel: 'Stays open for',
    expiresLoading: 'Loading the choices…',
    /** ALLOW_REQUESTS=false: the page explains instead of showing a form. */
    off: 'This site does not take new requests for a secret. Links to requests made earlier still work.',
    offLink: 'Share a secret instead',
    submit: 'Create request link',
    sealing: 'Making the keys in your browser and saving the request…',
    problems: {
      noteTooLong: (max: number) => `The note is too long: at most ${max} bytes. Shorten it.`,
      alertAddress: 'Type the email address the alert should go to, or untick the box.',
      unreachable: 'Cannot reach the server. Check your connection and try again; what you typed is still here.',
      unavailable:
        'The server cannot store requests right now. Try again in a few minutes; what you typed is still here.',
      rateLimited: 'Too many requests created from here just now. Wait a minute and try again.',
      refused: (message: string) => `The server refused the request: ${message}`,
      failed: 'Something went wrong while making the request. Please try again.',
    },
  },

  requestCreated: {
    heading: 'Your request link is ready',
    summary: (fromNow: string, at: string) =>
      `Send this link to the person who should answer. It takes one answer and stays open until ${at} (${fromNow}).`,
    linkLabel: 'Request link',
    email: 'Send the request link by email',
    showQr: 'Show QR code',
    hideQr: 'Hide QR code',
    qrLabel: 'QR code of the request link',
    qrFailed: 'The QR code could not be loaded. Check your connection and try again.',
    inboxHeading: 'Your private inbox',
    inboxText:
      'Keep this link to yourself: it is the only way to read the answer. Do not send it to anyone, not even the person you are asking. Save it in your password manager or bookmark it.',
    inboxLabel: 'Inbox link',
    alertNote: (email: string) => `An email will go to ${email} when the request has been answered.`,
    forgedNote:
      'Anyone who gets hold of the request link could answer it first. When the answer matters, check it with the person another way.',
    another: 'Create another request',
  },

  /** The email the requester's mail program opens: the request link only. */
  requestMail: {
    subject: 'Please send me something securely',
    body: (link: string, expires: string) =>
      [
        'Hello,',
        '',
        'please send me what I asked for through this secure link. What you type there is encrypted in your browser, and only I can read it:',
        '',
        link,
        '',
        `The link takes one answer and works until ${expires}.`,
      ].join('\n'),
  },
};

export default request;
