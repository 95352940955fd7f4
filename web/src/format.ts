/** Wording and time formatting shared by the pages (no runes, no DOM). */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "29 Nov 2025, 14:03" in the reader's own locale and time zone. */
export function formatDateTime(epochMs: number): string {
  return dateTime.format(new Date(epochMs));
}

/** "in 3 hours", "in 2 days": the largest unit that fits, rounded. */
export function formatFromNow(epochMs: number, now = Date.now()): string {
  // Whole minutes first, so an hour that began a moment ago still reads "in 1 hour".
  const seconds = Math.round((epochMs - now) / 60_000) * 60;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(0, 'minute');
}

/** "once", "3 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

/** "1 attempt", "3 attempts". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
