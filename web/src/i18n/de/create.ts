/** Deutsch, the sender’s page (/): the form. The link it makes and its message are in ./created.ts. */
import type en from '../en/create.js';
import attachments from './shared/attachments.js';
import forms from './shared/forms.js';
import storing from './shared/storing.js';

const create: typeof en = {
  ...storing,
  ...attachments,
  ...forms,
  create: {
    title: 'Ein Geheimnis teilen',
    lead: 'Es wird in Ihrem Browser verschlüsselt. Der Link funktioniert einmal (oder so oft, wie Sie wählen), danach wird das Geheimnis vernichtet.',
    secretLabel: 'Geheimnis',
    expiresLabel: 'Läuft ab nach',
    expiresLoading: 'Auswahl wird geladen …',
    viewsLabel: 'Erlaubte Aufrufe',
    viewsPassphraseHint:
      'Ein Link, der mehr als einmal öffnet, funktioniert auch für jeden, der ihn später findet, in einem Postfach oder im Verlauf eines Browsers, bis alle Aufrufe verbraucht sind. Legen Sie zusätzlich eine Passphrase fest und teilen Sie sie den Empfängern auf anderem Weg mit.',
    passphraseLabel: 'Passphrase (optional)',
    passphraseHint: 'Wenn Sie eine festlegen, braucht der Empfänger den Link und die Passphrase.',
    labelLabel: 'Private Notiz, nur für Sie (optional)',
    labelHint:
      'Eine Notiz für Sie selbst, etwa „DB-Passwort für Anna“. Sie erscheint auf Ihrer Statusseite und wird nie an den Server geschickt.',
    passphraseRequiredLabel: 'Passphrase (erforderlich)',
    passphraseRequiredHint:
      'Diese Seite nimmt nur Geheimnisse mit Passphrase an: Der Empfänger braucht den Link und die Passphrase.',
    submit: 'Geheimen Link erstellen',
    sealing: 'Wird in Ihrem Browser verschlüsselt und hochgeladen …',
    problems: {
      empty: 'Geben Sie zuerst das Geheimnis ein oder hängen Sie eine Datei an.',
      emptyText: 'Geben Sie zuerst das Geheimnis ein.',
      passphraseMissing:
        'Legen Sie eine Passphrase fest oder erzeugen Sie eine: Diese Seite nimmt nur Geheimnisse an, die durch eine geschützt sind.',
      views: (max: number) => `Die Zahl der Aufrufe muss eine ganze Zahl von 1 bis ${max} sein.`,
      fileUnreadable: (name: string) =>
        `„${name}“ konnte nicht gelesen werden. Entfernen Sie die Datei und fügen Sie sie erneut hinzu.`,
      alertAddress: 'Geben Sie die E-Mail-Adresse für die Benachrichtigung ein, oder entfernen Sie das Häkchen.',
      labelTooLong: (max: number) => `Die private Notiz darf höchstens ${max} Zeichen haben.`,
      passphraseControl:
        'Die Passphrase enthält Steuerzeichen. Ändern Sie die Passphrase oder lassen Sie das Feld leer.',
      passphraseInvisible: (codePoint: string) =>
        `Die Passphrase enthält ein unsichtbares oder Formatierungszeichen (${codePoint}), vielleicht beim Einfügen mitkopiert. Tippen Sie die Passphrase ein oder lassen Sie eine erzeugen.`,
      unreachable:
        'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut; Ihre Eingaben sind noch da.',
      unavailable:
        'Der Server kann gerade keine Geheimnisse speichern. Versuchen Sie es in einigen Minuten erneut; Ihre Eingaben sind noch da.',
      rateLimited:
        'Von hier wurden gerade zu viele Geheimnisse erstellt. Warten Sie eine Minute und versuchen Sie es erneut.',
      refused: (message: string) => `Der Server hat das Geheimnis abgelehnt: ${message}`,
      failed: 'Beim Verschlüsseln ist etwas schiefgegangen. Bitte versuchen Sie es erneut.',
    },
  },
};

export default create;
