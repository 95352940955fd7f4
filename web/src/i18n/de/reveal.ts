/** Deutsch, the recipient’s page (/s/ID). */
import type en from '../en/reveal.js';
import downloads from './shared/downloads.js';

const reveal: typeof en = {
  ...downloads,
  reveal: {
    title: 'Ein Geheimnis für Sie',
    checking: 'Der Link wird geprüft …',
    heading: 'Ihnen wurde ein Geheimnis geschickt',
    status: (views: number, fromNow: string, at: string) =>
      `Es kann noch ${views === 1 ? 'einmal' : `${views}-mal`} angesehen werden; es läuft ${fromNow} ab, am ${at}.`,
    needsPassphrase:
      'Es ist mit einer Passphrase geschützt: Sie brauchen sie zusätzlich zum Link. Der Absender sollte sie Ihnen getrennt mitteilen.',
    attempts: (left: number) =>
      `Nach ${left === 1 ? '1 weiteren falschen Passphrase' : `${left} weiteren falschen Passphrasen`} wird das Geheimnis vernichtet.`,
    nothingUsed: 'Der Aufruf dieser Seite hat nichts verbraucht: Drücken Sie auf „Öffnen“, wenn Sie es lesen möchten.',
    passphraseLabel: 'Passphrase',
    button: 'Öffnen',
    revealing: 'Wird geöffnet …',
    unlocking: 'Wird mit Ihrer Passphrase entsperrt …',
    wrongPassphrase: (left: number) => `Falsche Passphrase. Noch ${left === 1 ? '1 Versuch' : `${left} Versuche`}.`,
    revealedHeading: 'Ihr Geheimnis',
    secretLabel: 'Geheimnis',
    destroyed:
      'Es ist jetzt auf dem Server vernichtet, und diese Seite hat die einzige Kopie: Kopieren Sie es (und speichern Sie die Dateien), bevor Sie die Seite verlassen oder neu laden.',
    moreViews: (n: number) =>
      `Derselbe Link kann es noch ${n === 1 ? 'einmal' : `${n}-mal`} öffnen, bevor es vernichtet wird.`,
    goneHeading: 'Dieses Geheimnis wurde bereits angesehen oder ist abgelaufen.',
    goneText:
      'Ein Geheimnis kann nur begrenzt oft geöffnet werden und nur, bis es abläuft. Bitten Sie den Absender um einen neuen Link, wenn Sie es noch brauchen.',
    lockedHeading: 'Zu viele falsche Passphrasen: Das Geheimnis wurde vernichtet.',
    lockedText: 'Bitten Sie den Absender, es noch einmal zu teilen.',
    brokenHeading: 'Dieser Link ist unvollständig oder beschädigt',
    brokenText: 'Prüfen Sie, ob Sie den ganzen Link kopiert haben, auch alles nach dem „#“, und öffnen Sie ihn erneut.',
    brokenNoKey:
      'Einer Adresse aus einem Lesezeichen oder aus dem Verlauf Ihres Browsers kann der Schlüssel fehlen: Öffnen Sie stattdessen den Link, den Sie bekommen haben.',
    reopenedHeading: 'Öffnen Sie den Link, den Sie bekommen haben, erneut',
    reopenedText:
      'Diese Seite hat den Schlüssel aus der Adresszeile entfernt, sobald sie ihn gelesen hatte, damit Ihr Browser ihn nicht aufbewahrt; Neuladen oder Zurückgehen bringt ihn nicht zurück. Öffnen Sie den Link erneut aus der Nachricht, in der er kam. Das Öffnen verbraucht nichts.',
    newerVersion: 'Dieser Link stammt von einer neueren burnlink-Version, als diese Seite versteht.',
    undecryptableHeading: 'Das Geheimnis konnte nicht entschlüsselt werden',
    undecryptableText:
      'Der Link ist beschädigt oder die Daten wurden unterwegs verändert. Bitten Sie den Absender um einen neuen Link.',
    errorHeading: 'Das Geheimnis konnte nicht geöffnet werden',
    tryAgain: 'Erneut versuchen',
    problems: {
      passphraseEmpty: 'Geben Sie zuerst die Passphrase ein.',
      passphraseControl: 'Die Passphrase enthält Steuerzeichen. Prüfen Sie Ihre Eingabe.',
      passphraseInvisible: (codePoint: string) =>
        `Die Passphrase enthält ein unsichtbares oder Formatierungszeichen (${codePoint}), vielleicht beim Einfügen mitkopiert; sie kann also nicht die richtige sein. Tippen Sie sie ein; es wurde kein Versuch verbraucht.`,
      unreachable: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      rateLimited: 'Von hier kamen gerade zu viele Versuche. Warten Sie eine Minute und versuchen Sie es erneut.',
      unavailable: 'Der Speicher des Servers ist gerade nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',
      refused: (message: string) => `Der Server konnte nicht antworten: ${message}`,
      noKeys: 'Dieser Browser konnte die Schlüssel nicht aus dem Link ableiten.',
      failed: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
    },
  },
};

export default reveal;
