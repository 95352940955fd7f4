/** English, the sender’s receipt (/r/ID). */

const receipt = {
  receipt: {
    title: 'Receipt',
    loading: 'Loading the receipt…',
    pending: 'Not viewed yet.',
    viewedSome: (left: number) => `Viewed. It can be viewed ${left === 1 ? '1 more time' : `${left} more times`}.`,
    viewedAll: 'Viewed, and destroyed: it cannot be viewed again.',
    burned: 'Burned by you: it can no longer be viewed.',
    expiredViewed: 'Expired after being viewed.',
    expiredUnviewed: 'Expired without being viewed.',
    locked: 'Locked: destroyed after too many wrong passphrases.',
    expires: 'Expires',
    viewsLeft: 'Views left',
    viewed: 'Viewed',
    never: 'Never',
    wrongPassphrases: 'Wrong passphrases',
    refresh: 'Refresh',
    burnNow: 'Burn now',
    burnQuestion: 'Burn the secret now? Nobody will be able to view it any more. This cannot be undone.',
    burnYes: 'Yes, burn it',
    cancel: 'Cancel',
    brokenHeading: 'This receipt link is incomplete or damaged',
    brokenText: 'Check that you copied the whole link, including everything after the “#”.',
    reopenedHeading: 'Open your receipt link again',
    reopenedText:
      'This page took everything after the “#” out of the address bar as soon as it had read it, so that your browser does not keep it; reloading or going back cannot bring it back. Open the receipt link again from where you saved it, and use the Refresh button on the page to see what is new.',
    goneHeading: 'No such receipt',
    goneText:
      'The receipt link is wrong, or the receipt has expired: receipts are kept for a while after their secret ends.',
    errorHeading: 'The receipt could not be loaded',
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
