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
};

export default forms;
