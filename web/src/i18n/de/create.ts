/** Deutsch, the sender’s page (/): the form, the link it makes and the email that carries it. */
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

  created: {
    heading: 'Ihr Link ist fertig',
    summary: (views: number, fromNow: string, at: string) =>
      `Schicken Sie diesen Link an den Empfänger. Er kann ${views === 1 ? 'einmal' : `${views}-mal`} geöffnet werden und läuft ${fromNow} ab, am ${at}.`,
    passphraseNote:
      'Der Empfänger braucht außerdem die Passphrase. Teilen Sie sie auf anderem Weg mit (am Telefon, persönlich), nie in derselben Nachricht wie den Link.',
    linkLabel: 'Geheimer Link',
    email: 'Link per E-Mail senden',
    showQr: 'QR-Code anzeigen',
    qrLabel: 'QR-Code des geheimen Links',
    qrFailed: 'Der QR-Code konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    receiptHeading: 'Ihre Quittung',
    receiptText:
      'Behalten Sie diesen privaten Link, um zu sehen, ob das Geheimnis angesehen wurde, oder um es vorher zu vernichten. Schicken Sie ihn nicht an den Empfänger.',
    receiptLabel: 'Quittungslink',
    alertNote: (email: string) => `Eine E-Mail geht an ${email}, sobald das Geheimnis angesehen wird.`,
    another: 'Weiteres Geheimnis erstellen',
  },

  mail: {
    subject: 'Ein Geheimnis für Sie',
    body: (link: string, views: number, expires: string, passphrase: boolean) =>
      [
        'Hallo,',
        '',
        'ich habe Ihnen mit burnlink ein Geheimnis geschickt. Öffnen Sie diesen Link, um es zu lesen:',
        '',
        link,
        '',
        `Der Link funktioniert ${views === 1 ? 'nur einmal' : `${views}-mal`} und läuft am ${expires} ab.`,
        ...(passphrase ? ['Sie brauchen außerdem eine Passphrase, die ich Ihnen auf anderem Weg mitteile.'] : []),
      ].join('\n'),
  },
};

export default create;
