/** English, the recipient’s page (/s/ID). */
import downloads from './shared/downloads.js';
import copy from './shared/copy.js';

const reveal = {
  ...copy,
  ...downloads,
  reveal: {
    title: 'A secret for you',
    checking: 'Checking the link…',
    heading: 'You have been sent a secret',
    // Before Reveal the page cannot know whether files come with the text.
    once: 'You can open this once. Reveal deletes it from the server — be ready to copy the text and save any files.',
    times: (views: number) =>
      `You can open this ${views} times. Each Reveal uses one; after the last, it is deleted from the server.`,
    expires: (fromNow: string, at: string) => `It expires ${fromNow}, on ${at}.`,
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
    leaveWarning: 'The secret is not copied or saved yet: leaving this page loses it.',
    moreViews: (n: number) =>
      `The same link can open it ${n === 1 ? '1 more time' : `${n} more times`} before it is destroyed.`,
    goneHeading: 'This secret has already been opened',
    goneText: 'If you did not open it yourself, tell the sender — someone else may have.',
    goneOther:
      'A secret is also gone once its time runs out, or when the sender deletes it. Ask the sender to send it again if you still need it.',
    expiredHeading: 'This secret has expired',
    expiredText: (at: string) =>
      `It could be opened until ${at}. Ask the sender to send it again if you still need it.`,
    openedHereHeading:
      'You opened this here already; the secret is gone from the server. Ask the sender to send it again.',
    openedHereText:
      'This page keeps no copy of a secret once you leave or reload it, so that no one who uses this browser after you can read it.',
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
    operator: (name: string) => `This site is run by ${name}.`,
    aboutButton: 'What is this?',
    about: {
      what: (site: string) =>
        `${site} passes on passwords, keys and files that someone wants to send you privately. The sender’s browser encrypted the secret; only the link you were sent can open it, and it is deleted from the server once it has been opened as often as the sender allowed, or when its time is up.`,
      noLogin:
        'It never asks you to log in, to pay, or for any personal details — only, if the sender set one, for a passphrase they gave you themselves.',
      checkAddress: (host: string) =>
        `Check the address bar: it should show ${host}, the same address as the link in the message you were sent. If it shows anything else, or you do not know who sent the link, ask the sender another way before you go on.`,
    },
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
