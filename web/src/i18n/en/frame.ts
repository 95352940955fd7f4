/** English, what every page shows: the frame around it and the passphrase field. */

const frame = {
  app: {
    language: 'Language',
    footer:
      'Encrypted in your browser. The key travels only in the link, after the “#”, which is never sent to the server.',
    loading: 'Loading…',
    /** The operator, as configured (BRAND_OPERATOR). */
    runBy: (operator: string) => `This site is run by ${operator}.`,
    linksLabel: 'About this site',
    imprint: 'Imprint',
    privacy: 'Privacy',
    terms: 'Terms',
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
