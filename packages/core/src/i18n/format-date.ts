// Date formatting apart from the translator: star badges never show dates,
// so the script tag's first paint does not carry this code.

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** A date in the locale, or '' when the timestamp is not a real date (never throws). */
export function formatDate(
  locale: string,
  iso: string,
  options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' },
): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return '';
  try {
    return new Intl.DateTimeFormat(locale, options).format(time);
  } catch {
    return '';
  }
}

/** "3 days ago" / "3天前", or '' for an invalid timestamp. */
export function formatRelativeTime(locale: string, iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time) || !Number.isFinite(now)) return '';
  const seconds = Math.round((time - now) / 1000);
  const [unit, size] = RELATIVE_UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(
    Math.round(seconds / size),
    unit,
  );
}
