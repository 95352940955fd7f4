/** Deutsch, what both forms on the home page show: the switch between them and the email alert. */
import type en from '../../en/shared/forms.js';

const forms: typeof en = {
  modes: {
    label: 'Was möchten Sie tun?',
    share: 'Geheimnis teilen',
    request: 'Geheimnis anfordern',
  },

  alert: {
    viewed: 'Per E-Mail benachrichtigen, wenn es angesehen wurde',
    answered: 'Per E-Mail benachrichtigen, wenn sie beantwortet wurde',
    addressLabel: 'Ihre E-Mail-Adresse',
    hint: 'Die E-Mail sagt nur, was wann geschehen ist: nie das Geheimnis, einen Schlüssel oder einen Link dorthin. Ihre Adresse wird niemandem gezeigt und gelöscht, sobald sie nicht mehr gebraucht wird.',
  },

  signIn: {
    closedOidc:
      'Nur angemeldete Mitglieder dieser Organisation können hier Geheimnisse teilen und anfordern. Wer von Ihnen einen Link bekommt, öffnet oder beantwortet ihn ohne Anmeldung.',
    closedHeader:
      'Geheimnisse teilen und anfordern geht hier über die Anmeldung Ihrer Organisation. Melden Sie sich dort an und öffnen Sie diese Seite dann erneut. Wer von Ihnen einen Link bekommt, öffnet oder beantwortet ihn ohne Anmeldung.',
    signIn: 'Anmelden',
    signedInAs: (user: string) => `Angemeldet als ${user}`,
    signOut: 'Abmelden',
    failed: 'Die Anmeldung wurde nicht abgeschlossen. Bitte versuchen Sie es erneut.',
    denied:
      'Sie sind angemeldet, aber Ihr Konto darf hier keine Geheimnisse teilen oder anfordern. Wenden Sie sich an die Betreiber dieser Seite.',
    unavailable: 'Der Anmeldedienst ist gerade nicht erreichbar. Versuchen Sie es in einigen Minuten erneut.',
    unreachable:
      'Der Server ist nicht erreichbar, die Anmeldung kann nicht angeboten werden. Prüfen Sie Ihre Verbindung und laden Sie die Seite neu.',
  },
};

export default forms;
