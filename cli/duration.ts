/** Expiry durations as typed on the command line: `300`, `90s`, `5m`, `1h`, `1d`, `2w`. */
import { usageError } from './errors.js';

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 };

/** Seconds, or undefined when the text is not a positive whole duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^([0-9]{1,9})([smhdw]?)$/.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2]!]!;
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

/** The value of --expires in seconds; anything but a duration is a usage error. */
export function expiresOption(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined) throw usageError('--expires takes a duration such as 300 (seconds), 5m, 1h, 1d or 7d.');
  return seconds;
}
