/**
 * The words of an email alert, in English and German. An alert says what happened and
 * when, and sends the person to the private link they kept; the bank model: the email
 * itself holds nothing worth intercepting. So the events carry only a kind and times or
 * counts — no id, token, key or text of the caller's — and `toAlertEvent` copies just
 * those fields, so nothing else a caller passes can reach a message.
 */

/** What happened, as the routes report it after the store has committed. */
export type AlertEvent =
  | { kind: 'secret_viewed'; /** epoch ms */ at: number; viewsLeft: number }
  | { kind: 'request_answered'; /** epoch ms */ at: number; /** epoch ms: the answer expires then */ readBy: number };

export type AlertLanguage = 'en' | 'de';

export interface AlertText {
  language: AlertLanguage;
  subject: string;
  text: string;
  html: string;
}

/** "de", "de-AT" → de; anything but German → en. */
export function alertLanguage(tag: unknown): AlertLanguage {
  return typeof tag === 'string' && /^de(-|$)/i.test(tag) ? 'de' : 'en';
}

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 8.64e15;

/** A copy of the event with only its known fields, or null when it is not a valid event. */
export function toAlertEvent(input: unknown): AlertEvent | null {
  if (typeof input !== 'object' || input === null) return null;
  const event = input as Record<string, unknown>;
  if (!isTime(event.at)) return null;
  if (event.kind === 'secret_viewed') {
    const { viewsLeft } = event;
    return Number.isSafeInteger(viewsLeft) && (viewsLeft as number) >= 0
      ? { kind: 'secret_viewed', at: event.at, viewsLeft: viewsLeft as number }
      : null;
  }
  if (event.kind === 'request_answered') {
    return isTime(event.readBy) ? { kind: 'request_answered', at: event.at, readBy: event.readBy } : null;
  }
  return null;
}

/**
 * "5 March 2026 at 14:03 UTC" / "5. März 2026 um 14:03 UTC". Always UTC, said so: the
 * server does not know the person's time zone, and a time without one would mislead.
 */
function formatTime(epochMs: number, language: AlertLanguage): string {
  TIME_FORMATS[language] ??= new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  return TIME_FORMATS[language].format(epochMs);
}

// Each made once, when first needed: building a DateTimeFormat costs far more than
// formatting with one, and building both at load took ~3 % of every start-up, alerts or not.
const TIME_FORMATS: Partial<Record<AlertLanguage, Intl.DateTimeFormat>> = {};

interface Words {
  subject: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
}

const SECRET_LINK_NOTE = {
  en: 'This email does not contain that link, and our alerts never will: do not open a link to a secret from an email that claims to be one of them.',
  de: 'Diese E-Mail enthält diesen Link nicht, und unsere Benachrichtigungen tun das nie: Öffnen Sie keinen Link zu einem Geheimnis aus einer E-Mail, die vorgibt, eine von ihnen zu sein.',
};

function secretViewed(event: { at: number; viewsLeft: number }, language: AlertLanguage): Words {
  const at = formatTime(event.at, language);
  const { viewsLeft } = event;
  if (language === 'de') {
    return {
      subject: 'Ihr Geheimnis wurde angesehen',
      paragraphs: [
        `Ihr Geheimnis wurde am ${at} angesehen. ` +
          (viewsLeft === 0
            ? 'Es ist jetzt vernichtet und kann nicht mehr angesehen werden.'
            : viewsLeft === 1
              ? 'Es kann noch ein weiteres Mal angesehen werden.'
              : `Es kann noch ${viewsLeft} weitere Male angesehen werden.`),
        'Einzelheiten zeigt Ihnen der private Statuslink, den Sie beim Erstellen des Geheimnisses aufbewahrt haben. ' +
          SECRET_LINK_NOTE.de,
        'Sie erhalten diese E-Mail, weil Sie darum gebeten haben, benachrichtigt zu werden, wenn Ihr Geheimnis angesehen wird.',
      ],
    };
  }
  return {
    subject: 'Your secret was viewed',
    paragraphs: [
      `Your secret was viewed on ${at}. ` +
        (viewsLeft === 0
          ? 'It is now destroyed and cannot be viewed again.'
          : `It can be viewed ${viewsLeft} more ${viewsLeft === 1 ? 'time' : 'times'}.`),
      'For the details, open the private status link you kept when you created the secret. ' + SECRET_LINK_NOTE.en,
      'You get this email because you asked to be told when your secret is viewed.',
    ],
  };
}

function requestAnswered(event: { at: number; readBy: number }, language: AlertLanguage): Words {
  const at = formatTime(event.at, language);
  const readBy = formatTime(event.readBy, language);
  if (language === 'de') {
    return {
      subject: 'Ihre Anfrage wurde beantwortet',
      paragraphs: [
        `Ihre Anfrage wurde am ${at} beantwortet.`,
        `Öffnen Sie den privaten Posteingangslink, den Sie beim Stellen der Anfrage aufbewahrt haben, und lesen Sie die Antwort vor dem ${readBy}; danach wird sie ungelesen vernichtet. ` +
          SECRET_LINK_NOTE.de,
        'Sie erhalten diese E-Mail, weil Sie darum gebeten haben, benachrichtigt zu werden, wenn Ihre Anfrage beantwortet wird.',
      ],
    };
  }
  return {
    subject: 'Your request was answered',
    paragraphs: [
      `Your request was answered on ${at}.`,
      `Open the private inbox link you kept when you made the request, and read the answer before ${readBy}; after that it is destroyed unread. ` +
        SECRET_LINK_NOTE.en,
      'You get this email because you asked to be told when your request is answered.',
    ],
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The alert's subject and its plain-text and HTML bodies. `homeUrl` (PUBLIC_URL's home
 * page) is the only link either body may hold; without it, neither holds one.
 */
export function composeAlert(event: AlertEvent, language: AlertLanguage, homeUrl?: string): AlertText {
  const { subject, paragraphs } =
    event.kind === 'secret_viewed' ? secretViewed(event, language) : requestAnswered(event, language);
  const text = [...paragraphs, ...(homeUrl ? [homeUrl] : [])].join('\n\n') + '\n';
  // No images, styles or remote resources: nothing a mail reader would fetch, so nothing
  // that tells anyone the email was opened.
  const html =
    `<!doctype html>\n<html lang="${language}">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n` +
    paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>\n`).join('') +
    (homeUrl ? `<p><a href="${escapeHtml(homeUrl)}">${escapeHtml(homeUrl)}</a></p>\n` : '') +
    '</body>\n</html>\n';
  return { language, subject, text, html };
}
