/** Deutsch, the requester’s inbox (/i/ID). */
import type en from '../en/inbox.js';
import downloads from './shared/downloads.js';
import copy from './shared/copy.js';

const inbox: typeof en = {
  ...copy,
  ...downloads,
  inbox: {
    title: 'Ihr Posteingang',
    loading: 'Ihr Posteingang wird geladen …',
    noteHeading: 'Ihre Notiz',
    openHeading: 'Noch keine Antwort',
    openText: (fromNow: string, at: string) =>
      `Die Anfrage bleibt offen bis ${at} (${fromNow}). Öffnen Sie Ihren Posteingangslink später wieder, oder aktualisieren Sie.`,
    requestLinkText: 'Der Anfragelink, falls Sie ihn noch einmal senden müssen:',
    requestLinkLabel: 'Anfragelink',
    answeredHeading: 'Eine Antwort wartet',
    answeredText: (answeredAt: string, fromNow: string, at: string) =>
      `Sie kam am ${answeredAt}. Sie können sie einmal aufdecken, bis ${at} (${fromNow}); das Öffnen dieser Seite hat nichts verbraucht.`,
    button: 'Aufdecken',
    revealing: 'Wird aufgedeckt …',
    revealedHeading: 'Die Antwort',
    secretLabel: 'Geheimnis',
    destroyed:
      'Sie ist jetzt auf dem Server vernichtet, und diese Seite hält die einzige Kopie: Kopieren Sie sie (und speichern Sie Dateien), bevor Sie die Seite verlassen oder neu laden.',
    openedHereHeading: 'Sie haben diese Antwort hier schon aufgedeckt; sie ist nicht mehr auf dem Server.',
    openedHereText:
      'Diese Seite behält keine Kopie einer Antwort, wenn Sie sie verlassen oder neu laden, damit niemand, der diesen Browser nach Ihnen benutzt, sie lesen kann. Wenn Sie sie noch brauchen, stellen Sie eine neue Anfrage.',
    forgedNote:
      'Wer den Anfragelink hatte, hätte antworten können. Wenn es darauf ankommt, prüfen Sie die Antwort mit der Person auf anderem Weg.',
    readHeading: 'Die Antwort wurde bereits gelesen',
    readText: (at: string) =>
      `Sie wurde am ${at} aufgedeckt und dann vernichtet. Wenn Sie das nicht waren, hat jemand anderes Ihren Posteingangslink.`,
    expiredHeading: 'Diese Anfrage ist abgelaufen',
    expiredUnanswered: 'Niemand hat rechtzeitig geantwortet.',
    expiredUnread: 'Sie wurde beantwortet, aber die Antwort wurde nicht rechtzeitig aufgedeckt und ist vernichtet.',
    goneHeading: 'Diesen Posteingang gibt es nicht',
    goneText:
      'Der Posteingangslink ist falsch, oder seine Anfrage endete vor einer Weile: Posteingänge werden nach ihrer Anfrage nur einige Tage aufbewahrt.',
    brokenHeading: 'Dieser Posteingangslink ist unvollständig oder beschädigt',
    brokenText: 'Prüfen Sie, ob Sie den ganzen Link kopiert haben, auch alles nach dem „#“, und öffnen Sie ihn erneut.',
    brokenAfterLoad:
      'Falls Sie die Seite neu geladen haben: Der Schlüssel wurde zu Ihrer Sicherheit aus der Adresszeile entfernt. Öffnen Sie Ihren gespeicherten Posteingangslink erneut.',
    newerVersion: 'Dieser Link stammt von einer neueren burnlink-Version, als diese Seite versteht.',
    undecryptableHeading: 'Die Antwort konnte nicht entschlüsselt werden',
    undecryptableText:
      'Die Antwort wurde unterwegs beschädigt oder verändert. Bitten Sie die Person, auf eine neue Anfrage zu antworten.',
    errorHeading: 'Der Posteingang konnte nicht geladen werden',
    refresh: 'Aktualisieren',
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

export default inbox;
