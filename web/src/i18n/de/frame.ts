/** Deutsch, what every page shows: the frame around it and the passphrase field. */
import type en from '../en/frame.js';

const frame: typeof en = {
  app: {
    language: 'Sprache',
    footer:
      'Im Browser verschlüsselt. Der Schlüssel steht nur im Link hinter dem „#“, und dieser Teil wird nie an den Server geschickt.',
    loading: 'Wird geladen …',
    runBy: (operator: string) => `Diese Seite wird von ${operator} betrieben.`,
    linksLabel: 'Über diese Seite',
    imprint: 'Impressum',
    privacy: 'Datenschutz',
    terms: 'Nutzungsbedingungen',
  },

  passphrase: {
    show: 'Anzeigen',
    showLabel: 'Passphrase anzeigen',
    hide: 'Verbergen',
    hideLabel: 'Passphrase verbergen',
    generate: 'Erzeugen',
    generateLabel: 'Passphrase erzeugen',
    generated:
      'Eine zufällige Passphrase wurde erzeugt und wird angezeigt. Notieren Sie sie, bevor Sie den Link erstellen: Der Empfänger braucht sie.',
  },
};

export default frame;
