import { intl } from './intl-cache.ts';
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
    const key = `date|${locale}|${JSON.stringify(options)}`;
    return intl(key, () => new Intl.DateTimeFormat(locale, options)).format(time);
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
  try {
    const relative = intl(
      `relative|${locale}`,
      () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    );
    return relative.format(Math.round(seconds / size), unit);
  } catch {
    return '';
  }
}

/** A length of time in its largest sensible unit: "45 minutes", "3.5 hours", "2 days" / "3.5小时". */
export function formatDuration(locale: string, ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  const minutes = ms / 60_000;
  const [value, unit] =
    minutes < 90
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [minutes / 60, 'hour']
        : [minutes / 1440, 'day'];
  const digits = value < 10 ? 1 : 0;
  return intl(
    `duration|${locale}|${unit}|${digits}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: 'long',
        maximumFractionDigits: digits,
      }),
  ).format(value);
}
