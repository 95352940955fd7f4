/** English, what a page shows in place of its own: where it cannot work (no WebCrypto) or where there is none. */

const nopage = {
  nopage: {
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
};

export default nopage;
