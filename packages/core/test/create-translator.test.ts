import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_MESSAGES,
  createTranslator,
  enStars,
  formatDate,
  formatRelativeTime,
  resolveLocale,
  sanitizeMessageOverrides,
} from '../src/index.ts';
import { en, zhCN } from '../src/i18n/all-messages.ts';
import { SUPPORTED_LOCALES } from '../src/i18n/create-translator.ts';
import { RELATIVE_UNITS } from '../src/i18n/format-date.ts';

const placeholders = (message: unknown): string[] => {
  const texts =
    typeof message === 'string' ? [message] : Object.values(message as Record<string, string>);
  return [
    ...new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))),
  ].sort();
};

describe('catalogues', () => {
  it('zh-CN has every English key and the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('resolveLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hant-TW', 'zh-CN'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ])('%s → %s', (tag, expected) => {
    expect(resolveLocale(tag)).toBe(expected);
  });

  it('walks a preference list in order', () => {
    expect(resolveLocale(['fr', 'zh-SG', 'en'])).toBe('zh-CN');
    expect(resolveLocale([undefined, 'de'])).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });
});

describe('createTranslator', () => {
  it('pluralises English by count and fills parameters', () => {
    const { t } = createTranslator({ locale: 'en', messages: ALL_MESSAGES });
    expect(t('stars.label', { rating: '4.6', count: 1 })).toBe('4.6 out of 5, 1 review');
    expect(t('stars.label', { rating: '4.6', count: 1280 })).toBe('4.6 out of 5, 1,280 reviews');
  });

  it('speaks Chinese with one plural form and Chinese number formatting', () => {
    const { t, formatPercent } = createTranslator({ locale: 'zh-CN', messages: ALL_MESSAGES });
    expect(t('stars.label', { rating: '4.6', count: 1 })).toBe('4.6 星（满分 5 星），1 条评价');
    expect(t('reviews.count', { count: 12000 })).toBe('12,000 条评价');
    expect(formatPercent(0.934)).toBe('93%');
  });

  it('lets the host override wording per locale, falling back per key', () => {
    const { t } = createTranslator({
      locale: 'zh-CN',
      messages: ALL_MESSAGES,
      overrides: { 'zh-CN': { 'reviews.write': '我要评价' }, en: { 'stars.none': 'Be the first' } },
    });
    expect(t('reviews.write')).toBe('我要评价');
    expect(t('stars.none')).toBe('暂无评价');
  });

  it('keeps unknown placeholders visible rather than inventing values', () => {
    expect(createTranslator({ messages: ALL_MESSAGES }).t('media.open', { index: 2 })).toBe(
      'Open photo 2 of {total}',
    );
  });

  it('formats ratings with one decimal and never prints NaN', () => {
    const en1 = createTranslator({ locale: 'en', messages: ALL_MESSAGES });
    expect(en1.formatRating(4.5999)).toBe('4.6');
    expect(en1.formatRating(5)).toBe('5.0');
    expect(en1.formatRating(Number.NaN)).toBe('');
    expect(en1.formatNumber(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('formats dates and relative times, and returns "" for impossible dates', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(formatRelativeTime('en', '2026-11-19T12:00:00Z', now)).toBe('3 days ago');
    expect(formatRelativeTime('zh-CN', '2026-11-19T12:00:00Z', now)).toBe('3天前');
    expect(formatRelativeTime('en', '2026-11-22T11:59:59Z', now)).toBe('1 second ago');
    const utc = { timeZone: 'UTC', dateStyle: 'medium' } as const;
    expect(formatDate('en', '2026-03-05T00:00:00Z', utc)).toBe('Mar 5, 2026');
    expect(formatDate('zh-CN', '2026-03-05T00:00:00Z', utc)).toBe('2026年3月5日');
    for (const bad of ['not a date', '', '+999999-01-01T00:00:00Z']) {
      expect(formatDate('en', bad)).toBe('');
      expect(formatRelativeTime('en', bad, now)).toBe('');
    }
    expect(formatDate('en', '2026-01-01', { timeZone: 'Not/AZone' })).toBe('');
  });
});

describe('extend', () => {
  it('adds a widget’s message groups without changing the original translator', () => {
    const base = createTranslator({ locale: 'zh-CN', messages: { en: enStars } });
    expect(base.t('reviews.write')).toBe('reviews.write');
    const extended = base.extend(ALL_MESSAGES);
    expect(extended.t('reviews.write')).toBe('写评价');
    expect(extended.locale).toBe('zh-CN');
    expect(base.t('reviews.write')).toBe('reviews.write');
    expect(base.t('stars.none')).toBe('No reviews yet');
  });
});

describe('sanitizeMessageOverrides', () => {
  it('keeps well-formed overrides for known keys and reports the rest', () => {
    const [overrides, rejected] = sanitizeMessageOverrides(
      JSON.parse(
        '{"reviews.write":"Review it","unknown.key":"x","stars.none":{"other":1},"__proto__":{"x":1}}',
      ),
      Object.keys(ALL_MESSAGES.en),
    );
    expect(overrides).toEqual({ 'reviews.write': 'Review it' });
    expect(rejected.sort()).toEqual(['__proto__', 'stars.none', 'unknown.key']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('ignores non-objects', () => {
    expect(sanitizeMessageOverrides('x', ['stars.none'])).toEqual([{}, []]);
    expect(sanitizeMessageOverrides(null, ['stars.none'])).toEqual([{}, []]);
  });
});

describe('console wording', () => {
  it('has every message in both languages', async () => {
    const { enConsole, zhCNConsole } = await import('../src/index.ts');
    expect(Object.keys(zhCNConsole).sort()).toEqual(Object.keys(enConsole).sort());
    for (const [key, message] of Object.entries(zhCNConsole))
      expect(typeof message === 'string' ? message : message.other, key).not.toBe('');
  });
});

describe('numbers without Intl', () => {
  // The translator writes whole numbers and ratings itself (the first
  // Intl.NumberFormat on a page is a long task); they must read exactly as Intl's.
  it.each(SUPPORTED_LOCALES)(
    'whole numbers in %s read as Intl.NumberFormat writes them',
    (locale) => {
      const t = createTranslator({ locale, messages: {} });
      const intl = new Intl.NumberFormat(locale);
      fc.assert(
        fc.property(fc.maxSafeInteger(), (n) => {
          expect(t.formatNumber(n)).toBe(intl.format(n));
        }),
        { numRuns: 2000 },
      );
      for (const n of [0, 7, 999, 1000, -1000, 1234567, Number.MAX_SAFE_INTEGER]) {
        expect(t.formatNumber(n)).toBe(intl.format(n));
      }
      // The one difference: a count of -0 reads "0", where Intl writes "-0".
      expect(t.formatNumber(-0)).toBe('0');
    },
  );

  it.each(SUPPORTED_LOCALES)('ratings in %s read as Intl writes one decimal', (locale) => {
    const t = createTranslator({ locale, messages: {} });
    const intl = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (rating) => {
        expect(t.formatRating(rating)).toBe(intl.format(Math.round(rating * 10) / 10));
      }),
      { numRuns: 2000 },
    );
    for (const rating of [0, 0.05, 0.15, 1.25, 4.449, 4.45, 4.55, 4.95, 5, 12345.65]) {
      expect(t.formatRating(rating)).toBe(intl.format(Math.round(rating * 10) / 10));
    }
  });
});

describe('shares and dates without Intl', () => {
  // Shares, review dates and "3 days ago" skip Intl in en and zh-CN (see
  // plain-numbers.ts); every output must read exactly as Intl writes it.
  it.each(SUPPORTED_LOCALES)('shares in %s read as Intl percent', (locale) => {
    const t = createTranslator({ locale, messages: {} });
    const intl = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (share) => {
        expect(t.formatPercent(share)).toBe(intl.format(share));
      }),
      { numRuns: 5000 },
    );
    const edges = [0, -0, 1, 0.005, 0.0049, 0.285, 0.995, 0.9949, 1e-7, 0.145, 0.575, 0.5];
    for (const share of [...edges, 1.5, -0.2]) {
      expect(t.formatPercent(share)).toBe(intl.format(share));
    }
  });

  it.each(SUPPORTED_LOCALES)('dates in %s read as Intl.DateTimeFormat writes them', (locale) => {
    const short = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    });
    const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    fc.assert(
      fc.property(
        fc.date({ min: new Date(-5e13), max: new Date(2.5e14), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString();
          expect(formatDate(locale, iso)).toBe(short.format(date));
          expect(formatDate(locale, iso, { dateStyle: 'long' })).toBe(long.format(date));
        },
      ),
      { numRuns: 3000 },
    );
    for (let month = 0; month < 12; month++) {
      const date = new Date(2026, month, month + 3);
      expect(formatDate(locale, date.toISOString())).toBe(short.format(date));
      expect(formatDate(locale, date.toISOString(), { dateStyle: 'long' })).toBe(long.format(date));
    }
  });

  it.each(SUPPORTED_LOCALES)(
    'relative times in %s read as Intl.RelativeTimeFormat writes them',
    (locale) => {
      const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      const units = RELATIVE_UNITS;
      // What Intl says for the unit and value formatRelativeTime picks.
      const expected = (seconds: number) => {
        const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
        return relative.format(Math.round(seconds / size), unit);
      };
      const now = Date.UTC(2026, 10, 22, 12);
      const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();
      for (const [, size] of units) {
        for (let n = -400; n <= 400; n++) {
          expect(formatRelativeTime(locale, at(n * size), now)).toBe(expected(n * size));
        }
      }
      fc.assert(
        fc.property(fc.integer({ min: -3e9, max: 3e9 }), (seconds) => {
          expect(formatRelativeTime(locale, at(seconds), now)).toBe(expected(seconds));
        }),
        { numRuns: 3000 },
      );
    },
  );
});
