/** Deutsch, the sender’s receipt (/r/ID). */
import type en from '../en/receipt.js';

const receipt: typeof en = {
  receipt: {
    title: 'Quittung',
    loading: 'Die Quittung wird geladen …',
    pending: 'Noch nicht angesehen.',
    viewedSome: (left: number) => `Angesehen. Es kann noch ${left === 1 ? 'einmal' : `${left}-mal`} angesehen werden.`,
    viewedAll: 'Angesehen und vernichtet: Es kann nicht mehr angesehen werden.',
    burned: 'Von Ihnen vernichtet: Es kann nicht mehr angesehen werden.',
    expiredViewed: 'Abgelaufen, nachdem es angesehen wurde.',
    expiredUnviewed: 'Abgelaufen, ohne angesehen zu werden.',
    locked: 'Gesperrt: nach zu vielen falschen Passphrasen vernichtet.',
    expires: 'Läuft ab',
    viewsLeft: 'Verbleibende Aufrufe',
    viewed: 'Angesehen',
    never: 'Nie',
    wrongPassphrases: 'Falsche Passphrasen',
    refresh: 'Aktualisieren',
    burnNow: 'Jetzt vernichten',
    burnQuestion:
      'Das Geheimnis jetzt vernichten? Niemand kann es danach mehr ansehen. Das lässt sich nicht rückgängig machen.',
    burnYes: 'Ja, vernichten',
    cancel: 'Abbrechen',
    brokenHeading: 'Dieser Quittungslink ist unvollständig oder beschädigt',
    brokenText: 'Prüfen Sie, ob Sie den ganzen Link kopiert haben, auch alles nach dem „#“.',
    reopenedHeading: 'Öffnen Sie Ihren Quittungslink erneut',
    reopenedText:
      'Diese Seite hat alles nach dem „#“ aus der Adresszeile entfernt, sobald sie es gelesen hatte, damit Ihr Browser es nicht aufbewahrt; Neuladen oder Zurückgehen bringt es nicht zurück. Öffnen Sie den Quittungslink erneut von dort, wo Sie ihn gespeichert haben, und sehen Sie mit „Aktualisieren“ auf der Seite nach, was neu ist.',
    goneHeading: 'Diese Quittung gibt es nicht',
    goneText:
      'Der Quittungslink ist falsch, oder die Quittung ist abgelaufen: Quittungen werden nach dem Ende ihres Geheimnisses nur eine Weile aufbewahrt.',
    errorHeading: 'Die Quittung konnte nicht geladen werden',
    tryAgain: 'Erneut versuchen',
    problems: {
      unreachable: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      unavailable: 'Der Speicher des Servers ist gerade nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',
      rateLimited: 'Von hier kamen gerade zu viele Versuche. Warten Sie eine Minute und versuchen Sie es erneut.',
      refused: (message: string) => `Der Server konnte nicht antworten: ${message}`,
      failed: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
    },
  },
};

export default receipt;
