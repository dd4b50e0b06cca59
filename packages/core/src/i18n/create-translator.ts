import * as v from 'valibot';
import type { MessageKey } from './messages-en.ts';

export type PluralMessage = { readonly other: string } & Partial<
  Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>
>;
export type Message = string | PluralMessage;
export type MessageCatalogue = Readonly<Record<MessageKey, Message>>;
export type MessageOverrides = Partial<Record<MessageKey, Message>>;
/** Messages per locale; widgets pass only the groups they use. */
export type MessageSet = Partial<Record<SupportedLocale, MessageOverrides>>;
export type MessageParams = Readonly<Record<string, string | number>>;

export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

const FALLBACK_LOCALE: SupportedLocale = 'en';

/**
 * The best supported locale for a list of preferences (a widget attribute,
 * then `navigator.languages`): exact tag first, then same language (any
 * Chinese variant reads zh-CN), then English.
 */
export function resolveLocale(
  preferences: string | readonly (string | undefined)[] | undefined,
): SupportedLocale {
  const wanted = (typeof preferences === 'string' ? [preferences] : (preferences ?? [])).filter(
    (tag): tag is string => typeof tag === 'string' && tag.length > 0 && tag.length <= 35,
  );
  for (const tag of wanted) {
    const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const language = tag.split(/[-_]/)[0]?.toLowerCase();
    const sameLanguage = SUPPORTED_LOCALES.find((locale) => locale.split('-')[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return FALLBACK_LOCALE;
}

const MessageSchema = v.union([
  v.pipe(v.string(), v.maxLength(500)),
  v.pipe(
    v.strictObject({
      zero: v.optional(v.string()),
      one: v.optional(v.string()),
      two: v.optional(v.string()),
      few: v.optional(v.string()),
      many: v.optional(v.string()),
      other: v.string(),
    }),
  ),
]);

/**
 * Keeps only well-formed overrides for known keys. Host pages supply these
 * (often from a `data-*` attribute), so anything else is dropped rather than
 * trusted; the second value lists what was dropped, for a console warning.
 */
export function sanitizeMessageOverrides(
  input: unknown,
  knownKeys: readonly string[],
): [MessageOverrides, string[]] {
  const overrides: MessageOverrides = {};
  const rejected: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [overrides, rejected];
  for (const [key, value] of Object.entries(input)) {
    if (!knownKeys.includes(key) || !v.is(MessageSchema, value)) {
      rejected.push(key);
      continue;
    }
    overrides[key as MessageKey] = value;
  }
  return [overrides, rejected];
}

export interface TranslatorOptions {
  readonly locale?: string | readonly string[];
  /** The catalogues to use, e.g. `{ en, 'zh-CN': zhCN }`, or just the groups a widget needs. */
  readonly messages: MessageSet;
  /** Host-page wording, per locale; wins over the built-in catalogue. */
  readonly overrides?: Partial<Record<SupportedLocale, MessageOverrides>>;
}

export interface Translator {
  readonly locale: SupportedLocale;
  /** A translator that also knows `messages` (a widget chunk's own groups); this one is unchanged. */
  extend(messages: MessageSet): Translator;
  /** The message for `key`, pluralised on `params.count` and with `{name}` filled in. */
  t(key: MessageKey, params?: MessageParams): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  /** A star rating with one decimal: 4.6, never 4.5999. */
  formatRating(value: number): string;
  /** A 0–1 share as a whole percentage: 0.934 → "93%". */
  formatPercent(share: number): string;
  /** A date, or '' when the timestamp is not a real date (never throws). */
  formatDate(iso: string, options?: Intl.DateTimeFormatOptions): string;
  /** "3 days ago" / "3天前", or '' for an invalid timestamp. */
  formatRelativeTime(iso: string, now?: number): string;
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

function fill(
  template: string,
  params: MessageParams,
  formatNumber: (n: number) => string,
): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

export function createTranslator(options: TranslatorOptions): Translator {
  const locale = resolveLocale(options.locale);
  const chain: MessageOverrides[] = [
    options.overrides?.[locale] ?? {},
    options.messages[locale] ?? {},
    options.overrides?.[FALLBACK_LOCALE] ?? {},
    options.messages[FALLBACK_LOCALE] ?? {},
  ];
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const rating = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const formatNumber = (value: number, numberOptions?: Intl.NumberFormatOptions): string =>
    Number.isFinite(value)
      ? (numberOptions ? new Intl.NumberFormat(locale, numberOptions) : numbers).format(value)
      : '';

  return {
    locale,
    extend(messages) {
      const merged: MessageSet = {};
      for (const tag of SUPPORTED_LOCALES) {
        merged[tag] = { ...messages[tag], ...options.messages[tag] };
      }
      return createTranslator({ ...options, locale, messages: merged });
    },
    t(key, params = {}) {
      const message = chain.map((catalogue) => catalogue[key]).find((m) => m !== undefined);
      if (message === undefined) return key;
      const template =
        typeof message === 'string'
          ? message
          : (message[plurals.select(Number(params.count ?? 0))] ?? message.other);
      return fill(template, params, (n) => formatNumber(n));
    },
    formatNumber,
    formatRating: (value) =>
      Number.isFinite(value) ? rating.format(Math.round(value * 10) / 10) : '',
    formatPercent: (share) => (Number.isFinite(share) ? percent.format(share) : ''),
    formatDate(iso, dateOptions = { year: 'numeric', month: 'short', day: 'numeric' }) {
      const time = Date.parse(iso);
      if (!Number.isFinite(time)) return '';
      try {
        return new Intl.DateTimeFormat(locale, dateOptions).format(time);
      } catch {
        return '';
      }
    },
    formatRelativeTime(iso, now = Date.now()) {
      const time = Date.parse(iso);
      if (!Number.isFinite(time) || !Number.isFinite(now)) return '';
      const seconds = Math.round((time - now) / 1000);
      const [unit, size] = RELATIVE_UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
      return relative.format(Math.round(seconds / size), unit);
    },
  };
}
