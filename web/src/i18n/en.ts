/**
 * English: the reference catalog. Its shape is the `Messages` type every other
 * catalog must match exactly, so a missing or extra key fails the type-check.
 * Values are strings, or functions for text with numbers or names in it; dates,
 * sizes and durations arrive already formatted for the reader's locale.
 */
const en = {
  app: {
    language: 'Language',
    footer:
      'Encrypted in your browser. The key travels only in the link, after the “#”, which is never sent to the server.',
    loading: 'Loading…',
    insecureTitle: 'This page cannot work here',
    insecureHttp:
      'This page was opened over plain HTTP. Browsers allow the encryption it needs (WebCrypto) only on secure pages, so nothing can be encrypted or decrypted here.',
    insecureHttpFix:
      'Open the same address with https:// instead of http://. If that does not work, tell whoever runs this site to serve it over HTTPS.',
    insecureBrowser:
      'This browser does not offer the encryption this page needs (WebCrypto), so nothing can be encrypted or decrypted here.',
    insecureBrowserFix: 'Open the link in an up-to-date browser such as Firefox, Chrome, Edge or Safari.',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is nothing at this address.',
    notFoundLink: 'Share a secret instead',
  },

  copy: {
    button: 'Copy',
    /** The button's accessible name: it must contain the visible word. */
    label: (what: string) => `Copy ${what.toLowerCase()}`,
    copied: 'Copied',
    failed: 'Could not copy automatically. The text is selected: press Ctrl+C (⌘C on a Mac).',
  },

  passphrase: {
    show: 'Show',
    showLabel: 'Show passphrase',
    generate: 'Generate',
    generateLabel: 'Generate a passphrase',
    generated:
      'A random passphrase was generated and is shown. Note it down before you create the link: the recipient will need it.',
  },

  create: {
    title: 'Share a secret',
    lead: 'It is encrypted in your browser. The link works once (or as often as you choose) and then the secret is destroyed.',
    secretLabel: 'Secret',
    filesLegend: 'Files (optional)',
    filesHint: 'Drag and drop files anywhere on this page, or choose them. Names and contents are encrypted too.',
    filesDrop: 'Drop the files to attach them',
    addFiles: 'Add files',
    remove: 'Remove',
    removeLabel: (name: string) => `Remove ${name}`,
    filesListLabel: 'Attached files',
    filesSummary: (count: number, size: string) => `${count === 1 ? '1 file' : `${count} files`}, ${size} in all.`,
    encryptedSize: (size: string, max: string) => `Encrypted: ${size} of at most ${max}.`,
    expiresLabel: 'Expires after',
    expiresLoading: 'Loading the choices…',
    viewsLabel: 'Views allowed',
    passphraseLabel: 'Passphrase (optional)',
    passphraseHint: 'If you set one, the recipient needs both the link and the passphrase.',
    submit: 'Create secret link',
    sealing: 'Encrypting in your browser and uploading…',
    problems: {
      empty: 'Type or paste the secret, or attach a file, first.',
      views: (max: number) => `Views must be a whole number from 1 to ${max}.`,
      tooLarge: (size: string, max: string) =>
        `Too large: encrypted, this comes to ${size}, and this server accepts at most ${max}. Remove a file or shorten the text.`,
      tooManyFiles: (left: number, max: number) =>
        `At most ${max} files can be attached: ${left === 1 ? '1 file was' : `${left} files were`} left out.`,
      nameTooLong: (name: string) =>
        `“${name}” was left out: its name is too long (at most 255 bytes). Rename it and add it again.`,
      fileUnreadable: (name: string) => `“${name}” could not be read. Remove it and add it again.`,
      passphraseControl: 'The passphrase contains control characters. Change the passphrase, or leave it empty.',
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
    passphraseNote:
      'The recipient also needs the passphrase. Tell it to them another way (by phone, in person), never in the same message as the link.',
    linkLabel: 'Secret link',
    email: 'Send the link by email',
    showQr: 'Show QR code',
    qrLabel: 'QR code of the secret link',
    qrFailed: 'The QR code could not be loaded. Check your connection and try again.',
    receiptHeading: 'Your receipt',
    receiptText:
      'Keep this private link to see whether the secret has been viewed, or to burn it before then. Do not send it to the recipient.',
    receiptLabel: 'Receipt link',
    another: 'Create another secret',
  },

  /** The email the sender's mail program opens; the passphrase never goes in it. */
  mail: {
    subject: 'A secret for you',
    body: (link: string, views: number, expires: string, passphrase: boolean) =>
      [
        'Hello,',
        '',
        'I have sent you a secret with burnlink. Open this link to read it:',
        '',
        link,
        '',
        `The link works ${views === 1 ? 'only once' : `${views} times`} and expires on ${expires}.`,
        ...(passphrase ? ['You will also need a passphrase, which I will give you another way.'] : []),
      ].join('\n'),
  },

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
    filesHeading: 'Files',
    filesListLabel: 'Files in the secret',
    download: 'Download',
    downloadLabel: (name: string) => `Download ${name}`,
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
    brokenAfterReveal:
      'If you have just revealed this secret here: it is shown only once, and the key was removed from the address bar.',
    newerVersion: 'This link was made by a newer version of burnlink than this page understands.',
    undecryptableHeading: 'The secret could not be decrypted',
    undecryptableText: 'The link is damaged or the data was changed on the way. Ask the sender for a new link.',
    errorHeading: 'The secret could not be opened',
    tryAgain: 'Try again',
    problems: {
      passphraseEmpty: 'Type the passphrase first.',
      passphraseControl: 'The passphrase contains control characters. Check what you typed.',
      unreachable: 'Cannot reach the server. Check your connection and try again.',
      rateLimited: 'Too many attempts from here just now. Wait a minute and try again.',
      unavailable: 'The server’s storage is not available right now. Try again in a few minutes.',
      refused: (message: string) => `The server could not answer: ${message}`,
      noKeys: 'This browser could not derive the keys from the link.',
      failed: 'Something went wrong. Please try again.',
    },
  },

  receipt: {
    title: 'Receipt',
    loading: 'Loading the receipt…',
    pending: 'Not viewed yet.',
    viewedSome: (left: number) => `Viewed. It can be viewed ${left === 1 ? '1 more time' : `${left} more times`}.`,
    viewedAll: 'Viewed, and destroyed: it cannot be viewed again.',
    burned: 'Burned by you: it can no longer be viewed.',
    expiredViewed: 'Expired after being viewed.',
    expiredUnviewed: 'Expired without being viewed.',
    locked: 'Destroyed after too many wrong passphrases.',
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
    goneHeading: 'No such receipt',
    goneText:
      'The receipt link is wrong, or the receipt has expired: receipts are kept for a while after their secret ends.',
    errorHeading: 'The receipt could not be loaded',
    tryAgain: 'Try again',
    problems: {
      unreachable: 'Cannot reach the server. Check your connection and try again.',
      unavailable: 'The server’s storage is not available right now. Try again in a few minutes.',
      refused: (message: string) => `The server could not answer: ${message}`,
      failed: 'Something went wrong. Please try again.',
    },
  },
};

export type Messages = typeof en;
export default en;
