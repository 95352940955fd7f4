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

  created: {
    heading: 'Ihr Link ist fertig',
    summary: (views: number, fromNow: string, at: string) =>
      `Schicken Sie diesen Link an den Empfänger. Er kann ${views === 1 ? 'einmal' : `${views}-mal`} geöffnet werden und läuft ${fromNow} ab, am ${at}.`,
    recipientHeading: 'Für den Empfänger',
    linkLabel: 'Geheimer Link',
    linkCopied: 'Geheimer Link kopiert – fügen Sie ihn in Ihre Nachricht ein',
    showQr: 'QR-Code anzeigen',
    hideQr: 'QR-Code ausblenden',
    qrLabel: 'QR-Code des geheimen Links',
    qrFailed: 'Der QR-Code konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    filesLabel: 'Enthaltene Dateien',
    passphraseNote:
      'Der Empfänger braucht außerdem die Passphrase. Teilen Sie sie auf anderem Weg mit (am Telefon, persönlich), nie in derselben Nachricht wie den Link.',
    messageHeading: 'In einer Nachricht senden',
    messageHint:
      'Mit Ihrem Namen weiß der Empfänger, dass die Nachricht von Ihnen kommt. Die Passphrase steht nie darin.',
    nameLabel: 'Ihr Name (optional)',
    subjectLabel: 'Betreff (optional)',
    subjectHint: 'Ein paar Worte, etwa „WLAN und Vertrag“.',
    messageLabel: 'Nachricht',
    messageCopied: 'Nachricht kopiert – fügen Sie sie in Ihre E-Mail ein',
    share: 'Teilen',
    shareFailed:
      'Das Teilen hat nicht geklappt. Kopieren Sie stattdessen die Nachricht oder senden Sie sie per E-Mail.',
    email: 'Link per E-Mail senden',
    passphraseHeading: 'Die Passphrase',
    passphraseText:
      'Der Empfänger braucht außerdem diese Passphrase. Teilen Sie sie getrennt mit (am Telefon, persönlich, in einer anderen App), nicht in derselben E-Mail wie den Link.',
    passphraseLabel: 'Passphrase',
    passphraseCopied: 'Passphrase kopiert – teilen Sie sie getrennt mit, nicht mit dem Link',
    privateHeading: 'Nur für Sie',
    privateText:
      'Ihr Statuslink zeigt, ob das Geheimnis geöffnet wurde, und damit können Sie es vorher vernichten. Behalten Sie ihn; schicken Sie ihn nicht an den Empfänger.',
    statusLabel: 'Statuslink',
    statusCopied: 'Statuslink kopiert – behalten Sie ihn für sich',
    labelNote: 'Ihre Notiz',
    alertNote: (email: string) => `Eine E-Mail geht an ${email}, sobald das Geheimnis angesehen wird.`,
    another: 'Weiteres Geheimnis erstellen',
  },

  mail: {
    subject: 'Ein Geheimnis für Sie',
    subjectFrom: (name: string) => `Ein Geheimnis von ${name}`,
    subjectWithName: (subject: string, name: string) => `${subject} von ${name}`,
    paragraph: (name: string, service: string, views: number, expires: string, passphrase: boolean) =>
      [
        name === '' ? 'Hallo, ich schicke Ihnen' : `Hallo, hier ist ${name}. Ich schicke Ihnen`,
        ` über ${service} ein Geheimnis, mit ${views === 1 ? 'einem Link, der nur einmal funktioniert und' : `einem Link, der ${views}-mal funktioniert und`} am ${expires} abläuft.`,
        ' Das Öffnen des Links verbraucht nichts: Das Geheimnis erscheint erst, wenn Sie auf „Öffnen“ drücken, und wird dann vom Server gelöscht.',
        ' Sie müssen sich nirgends anmelden und nichts bezahlen.',
        passphrase ? ' Sie brauchen außerdem eine Passphrase, die ich Ihnen auf anderem Weg mitteile.' : '',
      ].join(''),
  },
};

export default create;
