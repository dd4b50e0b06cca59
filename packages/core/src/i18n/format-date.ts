// Date formatting apart from the translator: star badges never show dates,
// so the script tag's first paint does not carry this code.
import { intl } from './intl-cache.ts';
import { groupDigits } from './plain-numbers.ts';

/** Each unit and its length in seconds, largest first: a time is told in the first that fits. */
export const RELATIVE_UNITS = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const satisfies readonly (readonly [Intl.RelativeTimeFormatUnit, number])[];

const SHORT_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const SHORT_SHAPE = JSON.stringify(SHORT_DATE);
const LONG_SHAPE = JSON.stringify({ dateStyle: 'long' } satisfies Intl.DateTimeFormatOptions);
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The two date forms widgets show, in en and zh-CN, written without Intl
 * (the first Intl formatter on a page is a long task: see plain-numbers.ts).
 * `undefined` for anything else, which Intl then formats.
 */
function plainDate(locale: string, time: number, shape: string): string | undefined {
  if ((locale !== 'en' && locale !== 'zh-CN') || (shape !== SHORT_SHAPE && shape !== LONG_SHAPE))
    return undefined;
  const date = new Date(time);
  const year = date.getFullYear();
  if (year < 1000 || year > 9999) return undefined;
  if (locale === 'zh-CN') return `${year}年${date.getMonth() + 1}月${date.getDate()}日`;
  const month = EN_MONTHS[date.getMonth()]!;
  return `${shape === LONG_SHAPE ? month : month.slice(0, 3)} ${date.getDate()}, ${year}`;
}

type RelativeUnit = (typeof RELATIVE_UNITS)[number][0];
/** Words Intl's `numeric: 'auto'` uses instead of a number, by unit and value. */
const RELATIVE_WORDS: Record<string, Partial<Record<RelativeUnit, Record<number, string>>>> = {
  en: {
    year: { [-1]: 'last year', 1: 'next year' },
    month: { [-1]: 'last month', 1: 'next month' },
    week: { [-1]: 'last week', 1: 'next week' },
    day: { [-1]: 'yesterday', 1: 'tomorrow' },
    second: { 0: 'now' },
  },
  'zh-CN': {
    year: { [-1]: '去年', 1: '明年' },
    month: { [-1]: '上个月', 1: '下个月' },
    week: { [-1]: '上周', 1: '下周' },
    day: { [-2]: '前天', [-1]: '昨天', 1: '明天', 2: '后天' },
    second: { 0: '现在' },
  },
};
const ZH_UNITS: Record<RelativeUnit, string> = {
  year: '年',
  month: '个月',
  week: '周',
  day: '天',
  hour: '小时',
  minute: '分钟',
  second: '秒钟',
};

/** `value` units from now in en or zh-CN as Intl writes it (numeric: 'auto'); `undefined` otherwise. */
function plainRelative(locale: string, value: number, unit: RelativeUnit): string | undefined {
  const word = RELATIVE_WORDS[locale]?.[unit]?.[value];
  if (word) return word;
  // 0 is only reached in seconds (see formatRelativeTime), which has its word.
  const count = groupDigits(String(Math.abs(value)));
  if (locale === 'zh-CN') return `${count}${ZH_UNITS[unit]}${value < 0 ? '前' : '后'}`;
  if (locale !== 'en') return undefined;
  const units = `${count} ${unit}${Math.abs(value) === 1 ? '' : 's'}`;
  return value < 0 ? `${units} ago` : `in ${units}`;
}

/** A date in the locale, or '' when the timestamp is not a real date (never throws). */
export function formatDate(
  locale: string,
  iso: string,
  options: Intl.DateTimeFormatOptions = SHORT_DATE,
): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return '';
  const shape = JSON.stringify(options);
  const plain = plainDate(locale, time, shape);
  if (plain !== undefined) return plain;
  try {
    return intl(`date|${locale}|${shape}`, () => new Intl.DateTimeFormat(locale, options)).format(
      time,
    );
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
  const value = Math.round(seconds / size);
  const plain = plainRelative(locale, value, unit);
  if (plain !== undefined) return plain;
  try {
    const relative = intl(
      `relative|${locale}`,
      () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    );
    return relative.format(value, unit);
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
