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

  /** Who may create (CREATE_AUTH): the sign-in above both forms. Recipients and responders never see it. */
  signIn: {
    closedOidc:
      'Only signed-in members of this organisation can share and request secrets here. Anyone you send a link to opens or answers it without signing in.',
    closedHeader:
      'Sharing and requesting secrets here goes through your organisation’s sign-in. Sign in there, then open this page again. Anyone you send a link to opens or answers it without signing in.',
    signIn: 'Sign in',
    signedInAs: (user: string) => `Signed in as ${user}`,
    signOut: 'Sign out',
    failed: 'The sign-in did not complete. Please try again.',
    denied: 'You are signed in, but your account may not share or request secrets here. Ask whoever runs this site.',
    unavailable: 'The sign-in service cannot be reached right now. Try again in a few minutes.',
    unreachable: 'Cannot reach the server to offer the sign-in. Check your connection and reload the page.',
  },
};

export default forms;
