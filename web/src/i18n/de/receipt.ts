/** Deutsch, the sender’s status page (/r/ID; the API calls it the receipt). */
import type en from '../en/receipt.js';

const receipt: typeof en = {
  receipt: {
    title: 'Status Ihres Geheimnisses',
    forSender:
      'Diese Seite ist nur für die Person, die ein Geheimnis verschickt hat: Sie zeigt ihr, ob das Geheimnis geöffnet wurde. Sollten Sie ein Geheimnis erhalten, ist das der falsche Link – bitten Sie den Absender um den Link zum Geheimnis.',
    labelCaption: 'Ihre Notiz (nur in Ihrem Link gespeichert, nie an den Server gesendet)',
    loading: 'Der Status wird geladen …',
    pending: 'Noch nicht angesehen.',
    viewedSome: (left: number) => `Angesehen. Es kann noch ${left === 1 ? 'einmal' : `${left}-mal`} angesehen werden.`,
    viewedAll: 'Angesehen und vernichtet: Es kann nicht mehr angesehen werden.',
    burned: 'Von Ihnen vernichtet: Es kann nicht mehr angesehen werden.',
    expiredViewed: 'Abgelaufen, nachdem es angesehen wurde.',
    expiredUnviewed: 'Abgelaufen, ohne angesehen zu werden.',
    locked: 'Gesperrt: nach zu vielen falschen Passphrasen vernichtet.',
    scannerHint: (seconds: string) =>
      `Es wurde zum ersten Mal ${seconds} nach dem Erstellen angesehen. War das zu früh für die Person, der Sie es geschickt haben, hat es vielleicht ein Linkscanner geöffnet (ein Sicherheitsfilter für E-Mail oder Chat, der Links öffnet). Setzen Sie beim nächsten Mal zusätzlich eine Passphrase und schicken Sie sie getrennt: Ein Scanner kennt sie nicht.`,
    created: 'Erstellt',
    expires: 'Läuft ab',
    viewsLeft: 'Verbleibende Aufrufe',
    viewed: 'Angesehen',
    never: 'Nie',
    endedByLastView: 'Vernichtet beim letzten Ansehen',
    endedByYou: 'Sie haben es vernichtet',
    endedByPassphrases: 'Vernichtet nach falschen Passphrasen',
    endedByExpiry: 'Abgelaufen',
    wrongPassphrases: 'Falsche Passphrasen',
    refresh: 'Aktualisieren',
    updated: (time: string) => `Aktualisiert um ${time}.`,
    updatesItself: (interval: string) => `Solange sie offen ist, aktualisiert sich diese Seite alle ${interval}.`,
    updateFailed: 'Die letzte Aktualisierung kam nicht durch; die Seite versucht es weiter.',
    burnNow: 'Jetzt vernichten',
    burnQuestion:
      'Das Geheimnis jetzt vernichten? Niemand kann es danach mehr ansehen. Das lässt sich nicht rückgängig machen.',
    burnYes: 'Ja, vernichten',
    cancel: 'Abbrechen',
    brokenHeading: 'Dieser Statuslink ist unvollständig oder beschädigt',
    brokenText: 'Prüfen Sie, ob Sie den ganzen Link kopiert haben, auch alles nach dem „#“.',
    reopenedHeading: 'Öffnen Sie Ihren Statuslink erneut',
    reopenedText:
      'Diese Seite hat alles nach dem „#“ aus der Adresszeile entfernt, sobald sie es gelesen hatte, damit Ihr Browser es nicht aufbewahrt; Neuladen oder Zurückgehen bringt es nicht zurück. Öffnen Sie den Statuslink erneut von dort, wo Sie ihn gespeichert haben; solange er offen ist, aktualisiert sich die Seite selbst.',
    goneHeading: 'Zu diesem Link gibt es keinen Status',
    goneText:
      'Der Statuslink ist falsch, oder sein Status ist abgelaufen: Der Status eines Geheimnisses wird nach dessen Ende nur eine Weile aufbewahrt.',
    errorHeading: 'Der Status konnte nicht geladen werden',
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
