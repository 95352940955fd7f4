/** English, the sender’s status page (/r/ID; the API calls it the receipt). */

const receipt = {
  receipt: {
    title: 'Status of your secret',
    forSender:
      'This page is private to the person who sent a secret: it shows them whether the secret has been opened. If you were meant to receive a secret, this is the wrong link — ask the sender for the secret link.',
    labelCaption: 'Your note (kept in your link only, never sent to the server)',
    loading: 'Loading the status…',
    pending: 'Not viewed yet.',
    viewedSome: (left: number) => `Viewed. It can be viewed ${left === 1 ? '1 more time' : `${left} more times`}.`,
    viewedAll: 'Viewed, and destroyed: it cannot be viewed again.',
    burned: 'Burned by you: it can no longer be viewed.',
    expiredViewed: 'Expired after being viewed.',
    expiredUnviewed: 'Expired without being viewed.',
    locked: 'Locked: destroyed after too many wrong passphrases.',
    scannerHint: (seconds: string) =>
      `It was first viewed ${seconds} after you created it. If that was too soon for the person you sent it to, a link scanner (a mail or chat security filter that opens links) may have opened it. Next time, also set a passphrase and send it separately: a scanner does not know it.`,
    created: 'Created',
    expires: 'Expires',
    viewsLeft: 'Views left',
    viewed: 'Viewed',
    never: 'Never',
    // Not the state sentences' words ("Burned by you: …"), so that each is found alone.
    endedByLastView: 'Burned at its last view',
    endedByYou: 'You burned it',
    endedByPassphrases: 'Burned after wrong passphrases',
    endedByExpiry: 'Expired',
    wrongPassphrases: 'Wrong passphrases',
    refresh: 'Refresh',
    updated: (time: string) => `Updated at ${time}.`,
    updatesItself: (interval: string) => `This page updates itself every ${interval} while it is open.`,
    updateFailed: 'The last update did not get through; the page keeps trying.',
    burnNow: 'Burn now',
    burnQuestion: 'Burn the secret now? Nobody will be able to view it any more. This cannot be undone.',
    burnYes: 'Yes, burn it',
    cancel: 'Cancel',
    brokenHeading: 'This status link is incomplete or damaged',
    brokenText: 'Check that you copied the whole link, including everything after the “#”.',
    reopenedHeading: 'Open your status link again',
    reopenedText:
      'This page took everything after the “#” out of the address bar as soon as it had read it, so that your browser does not keep it; reloading or going back cannot bring it back. Open the status link again from where you saved it; while it is open, the page updates itself.',
    goneHeading: 'No status for this link',
    goneText:
      'The status link is wrong, or its status has expired: the status of a secret is kept for a while after the secret ends.',
    errorHeading: 'The status could not be loaded',
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

export default receipt;
