/** Deutsch, the responder’s page (/q/ID). */
import type en from '../en/answer.js';
import attachments from './shared/attachments.js';
import storing from './shared/storing.js';

const answer: typeof en = {
  ...storing,
  ...attachments,
  answer: {
    title: 'Geheimnis senden',
    checking: 'Der Link wird geprüft …',
    heading: 'Sie wurden um ein Geheimnis gebeten',
    noteHeading: 'Die Notiz dazu',
    noNote: 'Es wurde keine Notiz hinzugefügt.',
    whoCanRead:
      'Nur die Person, die Ihnen diesen Link geschickt hat, kann lesen, was Sie senden. Es wird hier, in Ihrem Browser, verschlüsselt, bevor es ihn verlässt.',
    expires: (fromNow: string, at: string) =>
      `Die Anfrage nimmt eine Antwort an und bleibt offen bis ${at} (${fromNow}).`,
    secretLabel: 'Geheimnis',
    submit: 'Verschlüsseln und senden',
    sending: 'Wird in Ihrem Browser verschlüsselt und gesendet …',
    sentHeading: 'Gesendet',
    sentText:
      'Ihre Antwort wurde verschlüsselt und gesendet. Nur die Person, die gefragt hat, kann sie lesen, einmal; danach wird sie vernichtet.',
    answeredHeading: 'Diese Anfrage wurde bereits beantwortet',
    answeredText:
      'Sie nimmt eine Antwort an, und die gibt es schon. Wenn nicht Sie sie gesendet haben, sagen Sie es der Person, die gefragt hat, auf anderem Weg: Jemand anderes könnte den Link gehabt haben.',
    goneHeading: 'Diese Anfrage ist abgelaufen oder existiert nicht',
    goneText: 'Bitten Sie die Person um einen neuen Link, wenn sie noch etwas von Ihnen braucht.',
    brokenHeading: 'Dieser Link ist unvollständig oder beschädigt',
    brokenText: 'Prüfen Sie, ob Sie den ganzen Link kopiert haben, auch alles nach dem „#“, und öffnen Sie ihn erneut.',
    brokenAfterLoad:
      'Falls Sie die Seite neu geladen haben: Der Schlüssel wurde zu Ihrer Sicherheit aus der Adresszeile entfernt. Öffnen Sie den Link erneut.',
    newerVersion: 'Dieser Link stammt von einer neueren burnlink-Version, als diese Seite versteht.',
    undecryptableHeading: 'Die Anfrage konnte nicht gelesen werden',
    undecryptableText:
      'Der Link ist beschädigt oder die Anfrage wurde unterwegs verändert, daher lässt sich damit nichts sicher senden. Bitten Sie um einen neuen Link.',
    errorHeading: 'Die Anfrage konnte nicht geöffnet werden',
    tryAgain: 'Erneut versuchen',
    loadProblems: {
      unreachable: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      unavailable: 'Der Speicher des Servers ist gerade nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',
      rateLimited: 'Von hier kamen gerade zu viele Versuche. Warten Sie eine Minute und versuchen Sie es erneut.',
      refused: (message: string) => `Der Server konnte nicht antworten: ${message}`,
      failed: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
    },
    problems: {
      empty: 'Geben Sie zuerst das Geheimnis ein, fügen Sie es ein oder hängen Sie eine Datei an.',
      fileUnreadable: (name: string) =>
        `„${name}“ konnte nicht gelesen werden. Entfernen Sie die Datei und fügen Sie sie erneut hinzu.`,
      unreachable:
        'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut; Ihre Eingaben sind noch da.',
      unavailable:
        'Der Server kann gerade keine Antworten speichern. Versuchen Sie es in einigen Minuten erneut; Ihre Eingaben sind noch da.',
      rateLimited: 'Von hier kamen gerade zu viele Versuche. Warten Sie eine Minute und versuchen Sie es erneut.',
      refused: (message: string) => `Der Server hat die Antwort abgelehnt: ${message}`,
      failed: 'Beim Verschlüsseln ist etwas schiefgegangen. Bitte versuchen Sie es erneut; Ihre Eingaben sind noch da.',
    },
  },
};

export default answer;
