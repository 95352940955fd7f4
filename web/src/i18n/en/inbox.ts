/** English, the requester’s inbox (/i/ID). */
import downloads from './shared/downloads.js';
import copy from './shared/copy.js';

const inbox = {
  ...copy,
  ...downloads,
  inbox: {
    title: 'Your inbox',
    loading: 'Loading your inbox…',
    noteHeading: 'Your note',
    openHeading: 'No answer yet',
    openText: (fromNow: string, at: string) =>
      `The request stays open until ${at} (${fromNow}). Come back to your inbox link later, or refresh.`,
    requestLinkText: 'The request link, if you need to send it again:',
    requestLinkLabel: 'Request link',
    answeredHeading: 'An answer is waiting',
    answeredText: (answeredAt: string, fromNow: string, at: string) =>
      `It was answered on ${answeredAt}. You can reveal it once, until ${at} (${fromNow}); opening this page used nothing up.`,
    button: 'Reveal',
    revealing: 'Revealing…',
    revealedHeading: 'The answer',
    secretLabel: 'Secret',
    destroyed:
      'It has now been destroyed on the server, and this page holds the only copy: copy it (and save any files) before you leave or reload.',
    openedHereHeading: 'You revealed this answer here already; it is gone from the server.',
    openedHereText:
      'This page keeps no copy of an answer once you leave or reload it, so that no one who uses this browser after you can read it. If you still need it, make a new request.',
    forgedNote:
      'Whoever had the request link could have answered it. When it matters, check the answer with the person another way.',
    readHeading: 'The answer has already been read',
    readText: (at: string) =>
      `It was revealed on ${at} and then destroyed. If that was not you, someone else has your inbox link.`,
    expiredHeading: 'This request has expired',
    expiredUnanswered: 'Nobody answered it in time.',
    expiredUnread: 'It was answered, but the answer was not revealed in time and has been destroyed.',
    goneHeading: 'No such inbox',
    goneText:
      'The inbox link is wrong, or its request ended a while ago: inboxes are kept for a few days after their request.',
    brokenHeading: 'This inbox link is incomplete or damaged',
    brokenText: 'Check that you copied the whole link, including everything after the “#”, and open it again.',
    brokenAfterLoad:
      'If you reloaded this page: the key was taken out of the address bar for your safety. Open your saved inbox link again.',
    newerVersion: 'This link was made by a newer version of burnlink than this page understands.',
    undecryptableHeading: 'The answer could not be decrypted',
    undecryptableText: 'The answer was damaged or changed on the way. Ask the person to answer a new request.',
    errorHeading: 'The inbox could not be loaded',
    refresh: 'Refresh',
    tryAgain: 'Try again',
    problems: {
      unreachable: 'Cannot reach the server. Check your connection and try again.',
      unavailable: 'The server’s storage is not available right now. Try again in a few minutes.',
      rateLimited: 'Too many attempts from here just now. Wait a minute and try again.',
      refused: (message: string) => `The server could not answer: ${message}`,
      failed: 'Something went wrong. Please try again.',
    },
  },
};

export default inbox;
