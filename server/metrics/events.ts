/**
 * What the service is for, counted: the domain events routes record with
 * `app.metrics.count(event)`. Each is a Prometheus counter `burnlink_<event>_total`;
 * a new one is one line in EVENTS. A labelled event takes only the values listed there,
 * never anything a client sent, so no series can single out a secret.
 */
import { API_ERRORS, type ErrorCode } from '../errors.js';

interface EventSpec {
  help: string;
  /** The one label, and every value it may take: each series exists (at 0) from the start. */
  label?: { name: string; values: readonly string[] };
}

/** The codes of 4xx answers: what a refusal can be counted as. */
const REFUSAL_CODES = (Object.keys(API_ERRORS) as ErrorCode[]).filter((code) => API_ERRORS[code].status < 500);

export const EVENTS = {
  secrets_created: { help: 'Secrets stored.' },
  secrets_revealed: {
    help: 'Reveals that returned a secret, by whether that was its last view.',
    label: { name: 'last_view', values: ['true', 'false'] },
  },
  secrets_burned: { help: 'Burns by the sender (DELETE with the manage token), repeats included.' },
  passphrase_failures: { help: 'Reveals refused for a wrong passphrase.' },
  secrets_locked: { help: 'Secrets destroyed after too many wrong passphrases.' },
  requests_created: { help: 'Requests for a secret stored.' },
  requests_answered: { help: 'Requests answered (each takes one answer).' },
  answers_read: { help: 'Answers revealed to their requester (each once).' },
  refusals: {
    help: 'Requests a route refused with a 4xx answer, by its error code.',
    label: { name: 'reason', values: REFUSAL_CODES },
  },
} as const satisfies Record<string, EventSpec>;

export type EventName = keyof typeof EVENTS;

/** The label value an event takes: none, or one of its listed values. */
type LabelArgs<E extends EventName> = (typeof EVENTS)[E] extends {
  label: { values: readonly (infer V extends string)[] };
}
  ? [value: V]
  : [];

/** How routes and plugins record events; the same calls whether metrics are on or off. */
export interface AppMetrics {
  /** Counts one event. A 5xx code counted as a refusal is ignored: those are not refusals. */
  count<E extends EventName>(event: E, ...label: LabelArgs<E>): void;
}

/** Without METRICS_PORT: every call is free. */
export const NO_METRICS: AppMetrics = { count() {} };
