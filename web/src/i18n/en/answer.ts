/** English, the responder’s page (/q/ID). */
import attachments from './shared/attachments.js';
import storing from './shared/storing.js';

const answer = {
  ...storing,
  ...attachments,
  answer: {
    title: 'Send a secret',
    checking: 'Checking the link…',
    heading: 'You have been asked for a secret',
    noteHeading: 'Their note',
    noNote: 'They did not add a note.',
    whoCanRead:
      'Only the person who sent you this link can read what you send. It is encrypted here, in your browser, before it leaves.',
    expires: (fromNow: string, at: string) => `The request takes one answer and stays open until ${at} (${fromNow}).`,
    secretLabel: 'Secret',
    submit: 'Encrypt and send',
    sending: 'Encrypting in your browser and sending…',
    sentHeading: 'Sent',
    sentText: 'Your answer was encrypted and sent. Only the person who asked can read it, once; then it is destroyed.',
    answeredHeading: 'This request has already been answered',
    answeredText:
      'It takes one answer, and it has one. If you did not send it, tell the person who asked, another way: someone else may have had the link.',
    goneHeading: 'This request has expired or does not exist',
    goneText: 'Ask the person for a new link if they still need something from you.',
    brokenHeading: 'This link is incomplete or damaged',
    brokenText: 'Check that you copied the whole link, including everything after the “#”, and open it again.',
    brokenAfterLoad:
      'If you reloaded this page: the key was taken out of the address bar for your safety. Open the link again.',
    newerVersion: 'This link was made by a newer version of burnlink than this page understands.',
    undecryptableHeading: 'The request could not be read',
    undecryptableText:
      'The link is damaged or the request was changed on the way, so nothing can be sent with it safely. Ask for a new link.',
    errorHeading: 'The request could not be opened',
    tryAgain: 'Try again',
    /** Why the request could not be opened: nothing has been typed yet. */
    loadProblems: {
      unreachable: 'Cannot reach the server. Check your connection and try again.',
      unavailable: 'The server’s storage is not available right now. Try again in a few minutes.',
      rateLimited: 'Too many attempts from here just now. Wait a minute and try again.',
      refused: (message: string) => `The server could not answer: ${message}`,
      failed: 'Something went wrong. Please try again.',
    },
    problems: {
      empty: 'Type or paste the secret, or attach a file, first.',
      fileUnreadable: (name: string) => `“${name}” could not be read. Remove it and add it again.`,
      unreachable: 'Cannot reach the server. Check your connection and try again; what you typed is still here.',
      unavailable:
        'The server cannot store answers right now. Try again in a few minutes; what you typed is still here.',
      rateLimited: 'Too many attempts from here just now. Wait a minute and try again.',
      refused: (message: string) => `The server refused the answer: ${message}`,
      failed: 'Something went wrong while encrypting. Please try again; what you typed is still here.',
    },
  },
};

export default answer;
