/** Deutsch, the sender’s page (/) once the link is made: the link, its message and the email that carries it, fetched with that view. */
import type en from '../en/created.js';
import copy from './shared/copy.js';

const created: typeof en = {
  ...copy,
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

export default created;
