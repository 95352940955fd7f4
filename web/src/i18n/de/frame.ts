/** Deutsch, what every page shows: the frame around it, the copy button and the passphrase field. */
import type en from '../en/frame.js';

const frame: typeof en = {
  app: {
    language: 'Sprache',
    footer:
      'Im Browser verschlüsselt. Der Schlüssel steht nur im Link hinter dem „#“, und dieser Teil wird nie an den Server geschickt.',
    loading: 'Wird geladen …',
    insecureTitle: 'Diese Seite kann hier nicht arbeiten',
    insecureHttp:
      'Diese Seite wurde über unverschlüsseltes HTTP geöffnet. Browser erlauben die nötige Verschlüsselung (WebCrypto) nur auf sicheren Seiten, deshalb kann hier nichts ver- oder entschlüsselt werden.',
    insecureHttpFix:
      'Öffnen Sie dieselbe Adresse mit https:// statt http://. Klappt das nicht, bitten Sie die Betreiber dieser Seite, sie über HTTPS anzubieten.',
    insecureBrowser:
      'Dieser Browser bietet die Verschlüsselung nicht an, die diese Seite braucht (WebCrypto), deshalb kann hier nichts ver- oder entschlüsselt werden.',
    insecureBrowserFix: 'Öffnen Sie den Link in einem aktuellen Browser wie Firefox, Chrome, Edge oder Safari.',
    notFoundTitle: 'Seite nicht gefunden',
    notFoundText: 'Unter dieser Adresse gibt es nichts.',
    notFoundLink: 'Stattdessen ein Geheimnis teilen',
  },

  copy: {
    button: 'Kopieren',
    label: (what: string) => `${what} kopieren`,
    copied: 'Kopiert',
    failed: 'Automatisches Kopieren ging nicht. Der Text ist markiert: Drücken Sie Strg+C (⌘C auf dem Mac).',
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
