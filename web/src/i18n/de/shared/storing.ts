/** Deutsch, the refusals of a server short of room, on every page that stores something. */
import type en from '../../en/shared/storing.js';

const storing: typeof en = {
  storing: {
    quota:
      'Von Ihrer Adresse ist gerade so viel gespeichert, wie dieser Server erlaubt. Wählen Sie eine kürzere Ablaufzeit oder senden Sie weniger, oder versuchen Sie es später erneut; Ihre Eingaben sind noch da.',
    nearlyFull:
      'Der Server hat kaum noch Platz: Er nimmt vorerst nur kleine Geheimnisse an, die innerhalb eines Tages ablaufen. Senden Sie weniger oder wählen Sie eine kürzere Ablaufzeit, oder versuchen Sie es später erneut.',
    busy: 'Der Server nimmt gerade sehr viel an. Versuchen Sie es in einigen Sekunden erneut; Ihre Eingaben sind noch da.',
  },
};

export default storing;
