/** Deutsch, the recipient’s page (/s/ID). */
import type en from '../en/reveal.js';
import downloads from './shared/downloads.js';
import copy from './shared/copy.js';

const reveal: typeof en = {
  ...copy,
  ...downloads,
  reveal: {
    title: 'Ein Geheimnis für Sie',
    checking: 'Der Link wird geprüft …',
    heading: 'Ihnen wurde ein Geheimnis geschickt',
    once: 'Sie können es einmal öffnen. „Öffnen“ löscht es vom Server – seien Sie bereit, den Text zu kopieren und etwaige Dateien zu speichern.',
    times: (views: number) =>
      `Sie können es ${views}-mal öffnen. Jedes Öffnen verbraucht eines; nach dem letzten wird es vom Server gelöscht.`,
    expires: (fromNow: string, at: string) => `Es läuft ${fromNow} ab, am ${at}.`,
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
    leaveWarning:
      'Das Geheimnis ist noch nicht kopiert oder gespeichert: Wenn Sie die Seite verlassen, ist es verloren.',
    moreViews: (n: number) =>
      `Derselbe Link kann es noch ${n === 1 ? 'einmal' : `${n}-mal`} öffnen, bevor es vernichtet wird.`,
    goneHeading: 'Dieses Geheimnis wurde bereits geöffnet',
    goneText:
      'Wenn Sie es nicht selbst geöffnet haben, sagen Sie es dem Absender – vielleicht hat es jemand anderes getan.',
    goneOther:
      'Ein Geheimnis verschwindet auch, wenn seine Zeit abläuft oder der Absender es löscht. Bitten Sie den Absender, es noch einmal zu schicken, wenn Sie es noch brauchen.',
    expiredHeading: 'Dieses Geheimnis ist abgelaufen',
    expiredText: (at: string) =>
      `Es konnte bis ${at} geöffnet werden. Bitten Sie den Absender, es noch einmal zu schicken, wenn Sie es noch brauchen.`,
    openedHereHeading:
      'Sie haben es hier schon geöffnet; das Geheimnis ist nicht mehr auf dem Server. Bitten Sie den Absender, es noch einmal zu schicken.',
    openedHereText:
      'Diese Seite behält keine Kopie eines Geheimnisses, wenn Sie sie verlassen oder neu laden, damit niemand, der diesen Browser nach Ihnen benutzt, es lesen kann.',
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
    operator: (name: string) => `Diese Website wird von ${name} betrieben.`,
    aboutButton: 'Was ist das?',
    about: {
      what: (site: string) =>
        `${site} übermittelt Passwörter, Schlüssel und Dateien, die Ihnen jemand vertraulich schicken möchte. Der Browser des Absenders hat das Geheimnis verschlüsselt; nur der Link, den Sie bekommen haben, kann es öffnen, und es wird vom Server gelöscht, sobald es so oft geöffnet wurde, wie der Absender erlaubt hat, oder wenn seine Zeit abgelaufen ist.`,
      noLogin:
        'Es fragt nie nach einer Anmeldung, einer Zahlung oder persönlichen Daten – nur, falls der Absender eine gesetzt hat, nach einer Passphrase, die er Ihnen selbst mitgeteilt hat.',
      checkAddress: (host: string) =>
        `Prüfen Sie die Adresszeile: Dort sollte ${host} stehen, dieselbe Adresse wie im Link der Nachricht, die Sie bekommen haben. Steht dort etwas anderes oder wissen Sie nicht, wer Ihnen den Link geschickt hat, fragen Sie den Absender auf anderem Weg, bevor Sie weitermachen.`,
    },
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
