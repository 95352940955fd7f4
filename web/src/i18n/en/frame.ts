/** English, what every page shows: the frame around it, the copy button and the passphrase field. */

const frame = {
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
    hide: 'Hide',
    hideLabel: 'Hide passphrase',
    generate: 'Generate',
    generateLabel: 'Generate a passphrase',
    generated:
      'A random passphrase was generated and is shown. Note it down before you create the link: the recipient will need it.',
  },
};

export default frame;
