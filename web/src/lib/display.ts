/**
 * Dates, durations and sizes for people, in a language (a BCP 47 tag such as "de-AT";
 * left out, the runtime's own) and the local time zone. No runes, no DOM: the page's
 * Locale passes its tag; the CLI uses the defaults and the English `count`.
 */

/** "29 Nov 2025, 14:03". */
export function formatDateTime(epochMs: number, tag?: string): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** "29 Nov 2025, 14:03 CET": with the zone, for text read somewhere else (an email). */
export function formatDateTimeWithZone(epochMs: number, tag?: string): string {
  return new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(epochMs);
}

const UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/** "in 3 hours", "in 2 days": the largest unit that fits, rounded. */
export function formatFromNow(epochMs: number, tag?: string, now = Date.now()): string {
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  // Whole minutes first, so an hour that began a moment ago still reads "in 1 hour".
  const seconds = Math.round((epochMs - now) / 60_000) * 60;
  for (const [unit, size] of UNITS) {
    if (unit !== 'second' && Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(0, 'minute');
}

/** "5 minutes", "1 day", "36 hours": the largest unit that divides the duration exactly. */
export function formatDuration(seconds: number, tag?: string): string {
  const [unit, size] = UNITS.find(([, size]) => seconds % size === 0) ?? UNITS[3];
  return new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long' }).format(seconds / size);
}

/**
 * "812 bytes", "1.4 MB" (powers of 1024, as file managers count). A size checked
 * against a limit rounds up and the limit rounds down, so "too large" never reads
 * "64 kB of at most 64 kB".
 */
export function formatBytes(
  bytes: number,
  tag?: string,
  rounding: 'ceil' | 'floor' | 'halfExpand' = 'halfExpand',
): string {
  const [unit, size] =
    bytes < 1024
      ? (['byte', 1] as const)
      : bytes < 1024 ** 2
        ? (['kilobyte', 1024] as const)
        : (['megabyte', 1024 ** 2] as const);
  const value = bytes / size;
  return new Intl.NumberFormat(tag, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: value < 10 ? 2 : value < 100 ? 1 : 0,
    roundingMode: rounding,
  })
    .format(value)
    .replace(' ', '\u00a0'); // never "1.4" at a line's end and "MB" on the next
}

/** English only (the CLI's): "1 attempt", "3 attempts". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
