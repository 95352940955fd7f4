/** English, what both forms on the home page show: the switch between them and the email alert. */

const forms = {
  /** The switch between the two forms on the home page. */
  modes: {
    label: 'What do you want to do?',
    share: 'Share a secret',
    request: 'Request a secret',
  },

  /** The email alert option, on both forms (only where the server sends email). */
  alert: {
    viewed: 'Email me when it has been viewed',
    answered: 'Email me when it has been answered',
    addressLabel: 'Your email address',
    hint: 'The email says only what happened and when: never the secret, a key or a link to it. Your address is never shown to anyone and is deleted once it is no longer needed.',
  },
};

export default forms;
