/** English, the recipient’s page (/s/ID). */
import downloads from './shared/downloads.js';

const reveal = {
  ...downloads,
  reveal: {
    title: 'A secret for you',
    checking: 'Checking the link…',
    heading: 'You have been sent a secret',
    status: (views: number, fromNow: string, at: string) =>
      `It can be viewed ${views === 1 ? '1 more time' : `${views} more times`}; it expires ${fromNow}, on ${at}.`,
    needsPassphrase:
      'It is protected by a passphrase: you need it as well as the link. The sender should give it to you separately.',
    attempts: (left: number) =>
      `After ${left === 1 ? '1 more wrong passphrase' : `${left} more wrong passphrases`} the secret is destroyed.`,
    nothingUsed: 'Opening this page used nothing up: press Reveal when you are ready to read it.',
    passphraseLabel: 'Passphrase',
    button: 'Reveal',
    revealing: 'Revealing…',
    unlocking: 'Unlocking with your passphrase…',
    wrongPassphrase: (left: number) => `Wrong passphrase. ${left === 1 ? '1 attempt' : `${left} attempts`} left.`,
    revealedHeading: 'Your secret',
    secretLabel: 'Secret',
    destroyed:
      'It has now been destroyed on the server, and this page holds the only copy: copy it (and save any files) before you leave or reload.',
    moreViews: (n: number) =>
      `The same link can open it ${n === 1 ? '1 more time' : `${n} more times`} before it is destroyed.`,
    goneHeading: 'This secret has already been viewed or has expired.',
    goneText:
      'A secret can be opened only a limited number of times, and only until it expires. Ask the sender for a new link if you still need it.',
    lockedHeading: 'Too many wrong passphrases: the secret was destroyed.',
    lockedText: 'Ask the sender to share it again.',
    brokenHeading: 'This link is incomplete or damaged',
    brokenText: 'Check that you copied the whole link, including everything after the “#”, and open it again.',
    brokenNoKey:
      'An address from a bookmark or from your browser’s history may lack the key: open the link you were sent instead.',
    reopenedHeading: 'Open the link you were sent again',
    reopenedText:
      'This page took the key out of the address bar as soon as it had read it, so that your browser does not keep it; reloading or going back cannot bring it back. Open the link again from the message it came in. Opening it uses nothing up.',
    newerVersion: 'This link was made by a newer version of burnlink than this page understands.',
    undecryptableHeading: 'The secret could not be decrypted',
    undecryptableText: 'The link is damaged or the data was changed on the way. Ask the sender for a new link.',
    errorHeading: 'The secret could not be opened',
    tryAgain: 'Try again',
    problems: {
      passphraseEmpty: 'Type the passphrase first.',
      passphraseControl: 'The passphrase contains control characters. Check what you typed.',
      passphraseInvisible: (codePoint: string) =>
        `The passphrase contains an invisible or formatting character (${codePoint}), perhaps pasted along with it, so it cannot be the right one. Type it instead; no attempt was used.`,
      unreachable: 'Cannot reach the server. Check your connection and try again.',
      rateLimited: 'Too many attempts from here just now. Wait a minute and try again.',
      unavailable: 'The server’s storage is not available right now. Try again in a few minutes.',
      refused: (message: string) => `The server could not answer: ${message}`,
      noKeys: 'This browser could not derive the keys from the link.',
      failed: 'Something went wrong. Please try again.',
    },
  },
};

export default reveal;
