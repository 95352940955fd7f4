/** English, the copy button beside a link, a message or a secret. */

const copy = {
  copy: {
    button: 'Copy',
    /** The button's accessible name: it must contain the visible word. */
    label: (what: string) => `Copy ${what.toLowerCase()}`,
    copied: 'Copied',
    failed: 'Could not copy automatically. The text is selected: press Ctrl+C (⌘C on a Mac).',
  },
};

export default copy;
