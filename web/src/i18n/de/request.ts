/** Deutsch, the requester’s page (/request): the form, the two links it makes and the email that carries one. */
import type en from '../en/request.js';
import forms from './shared/forms.js';
import storing from './shared/storing.js';
import copy from './shared/copy.js';

const request: typeof en = {
  ...copy,
  ...storing,
  ...forms,
  request: {
    title: 'Geheimnis anfordern',
    lead: 'Bitten Sie jemanden, Ihnen ein Passwort, eine Kartennummer oder eine Datei zu schicken. Die Person bekommt einen Link, und was sie schickt, wird in ihrem Browser verschlüsselt: Nur Sie können es lesen, mit Ihrem privaten Posteingangslink.',
    noteLabel: 'Notiz für die Person (optional)',
    noteHint:
      'Schreiben Sie, was Sie brauchen. Auch die Notiz wird verschlüsselt: Nur wer den Anfragelink hat, kann sie lesen.',
    noteLength: (used: number, max: number) => `${used} von ${max} Bytes.`,
    expiresLabel: 'Bleibt offen für',
    expiresLoading: 'Auswahl wird geladen …',
    off: 'Diese Seite nimmt keine neuen Anfragen nach Geheimnissen an. Links zu früher gestellten Anfragen funktionieren weiterhin.',
    offLink: 'Stattdessen ein Geheimnis teilen',
    submit: 'Anfragelink erstellen',
    sealing: 'Schlüssel werden in Ihrem Browser erzeugt und die Anfrage gespeichert …',
    problems: {
      noteTooLong: (max: number) => `Die Notiz ist zu lang: höchstens ${max} Bytes. Kürzen Sie sie.`,
      alertAddress: 'Geben Sie die E-Mail-Adresse für die Benachrichtigung ein, oder entfernen Sie das Häkchen.',
      unreachable:
        'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut; Ihre Eingaben sind noch da.',
      unavailable:
        'Der Server kann gerade keine Anfragen speichern. Versuchen Sie es in einigen Minuten erneut; Ihre Eingaben sind noch da.',
      rateLimited:
        'Von hier wurden gerade zu viele Anfragen erstellt. Warten Sie eine Minute und versuchen Sie es erneut.',
      refused: (message: string) => `Der Server hat die Anfrage abgelehnt: ${message}`,
      failed: 'Beim Erstellen der Anfrage ist etwas schiefgegangen. Bitte versuchen Sie es erneut.',
    },
  },

  requestCreated: {
    heading: 'Ihr Anfragelink ist fertig',
    summary: (fromNow: string, at: string) =>
      `Senden Sie diesen Link an die Person, die antworten soll. Er nimmt eine Antwort an und bleibt offen bis ${at} (${fromNow}).`,
    linkLabel: 'Anfragelink',
    email: 'Anfragelink per E-Mail senden',
    showQr: 'QR-Code anzeigen',
    hideQr: 'QR-Code ausblenden',
    qrLabel: 'QR-Code des Anfragelinks',
    qrFailed: 'Der QR-Code konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    inboxHeading: 'Ihr privater Posteingang',
    inboxText:
      'Behalten Sie diesen Link für sich: Nur mit ihm lässt sich die Antwort lesen. Senden Sie ihn niemandem, auch nicht der Person, die Sie fragen. Speichern Sie ihn in Ihrem Passwortmanager oder als Lesezeichen.',
    inboxLabel: 'Posteingangslink',
    alertNote: (email: string) => `Eine E-Mail geht an ${email}, sobald die Anfrage beantwortet wurde.`,
    forgedNote:
      'Wer den Anfragelink in die Hände bekommt, könnte zuerst antworten. Wenn es auf die Antwort ankommt, prüfen Sie sie mit der Person auf anderem Weg.',
    another: 'Weitere Anfrage erstellen',
  },

  requestMail: {
    subject: 'Bitte schicken Sie mir etwas auf sicherem Weg',
    body: (link: string, expires: string) =>
      [
        'Hallo,',
        '',
        'bitte schicken Sie mir das Erbetene über diesen sicheren Link. Was Sie dort eingeben, wird in Ihrem Browser verschlüsselt, und nur ich kann es lesen:',
        '',
        link,
        '',
        `Der Link nimmt eine Antwort an und gilt bis ${expires}.`,
      ].join('\n'),
  },
};

export default request;
