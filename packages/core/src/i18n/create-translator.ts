import { intl } from './intl-cache.ts';
import { groupDigits, plainPercent } from './plain-numbers.ts';
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
}

function fill(
  template: string,
  params: MessageParams,
  formatNumber: (n: number) => string,
): string {
  if (!template.includes('{')) return template;
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
  const numbers = (numberOptions?: Intl.NumberFormatOptions) =>
    intl(
      `number|${locale}|${JSON.stringify(numberOptions)}`,
      () => new Intl.NumberFormat(locale, numberOptions),
    );
  // Whole numbers, ratings and shares skip Intl (see plain-numbers.ts).
  const formatNumber = (value: number, numberOptions?: Intl.NumberFormatOptions): string =>
    !Number.isFinite(value)
      ? ''
      : !numberOptions && Number.isSafeInteger(value)
        ? groupDigits(String(value))
        : numbers(numberOptions).format(value);

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
      // A plain loop: a review card asks for a dozen messages, so no arrays per call.
      let message: Message | undefined;
      for (const catalogue of chain) {
        message = catalogue[key];
        if (message !== undefined) break;
      }
      if (message === undefined) return key;
      const template =
        typeof message === 'string'
          ? message
          : (message[
              intl(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(
                Number(params.count ?? 0),
              )
            ] ?? message.other);
      return fill(template, params, formatNumber);
    },
    formatNumber,
    formatRating: (value) => {
      const rounded = Math.round(value * 10) / 10;
      return Number.isFinite(rounded) && rounded >= 0 ? groupDigits(rounded.toFixed(1)) : '';
    },
    formatPercent: (share) =>
      plainPercent(share) ?? formatNumber(share, { style: 'percent', maximumFractionDigits: 0 }),
  };
}
