/** Deutsch, the copy button beside a link, a message or a secret. */
import type en from '../../en/shared/copy.js';

const copy: typeof en = {
  copy: {
    button: 'Kopieren',
    label: (what: string) => `${what} kopieren`,
    copied: 'Kopiert',
    failed: 'Automatisches Kopieren ging nicht. Der Text ist markiert: Drücken Sie Strg+C (⌘C auf dem Mac).',
  },
};

export default copy;
