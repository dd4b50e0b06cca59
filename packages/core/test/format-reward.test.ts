import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES, createTranslator, formatReward } from '../src/index.ts';

const en = createTranslator({ locale: 'en', messages: ALL_MESSAGES });
const zh = createTranslator({ locale: 'zh-CN', messages: ALL_MESSAGES });

describe('formatReward', () => {
  it('formats amounts from minor units in the currency’s own precision', () => {
    expect(formatReward(en, { kind: 'amount', amountMinor: 2000, currency: 'CNY' })).toBe(
      'CN¥20.00',
    );
    expect(formatReward(zh, { kind: 'amount', amountMinor: 2000, currency: 'CNY' })).toBe('¥20.00');
    // Yen has no minor unit: 500 is ¥500, not ¥5.
    expect(formatReward(en, { kind: 'amount', amountMinor: 500, currency: 'JPY' })).toBe('¥500');
  });

  it('words points and percentages in each language, and shows coupons as described', () => {
    expect(formatReward(en, { kind: 'points', points: 1 })).toBe('1 point');
    expect(formatReward(en, { kind: 'points', points: 1500 })).toBe('1,500 points');
    expect(formatReward(zh, { kind: 'points', points: 500 })).toBe('500 积分');
    expect(formatReward(en, { kind: 'percent', percent: 10 })).toBe('10% off');
    expect(formatReward(zh, { kind: 'percent', percent: 10 })).toBe('立减 10%');
    expect(formatReward(en, { kind: 'coupon', description: 'Free tea sample' })).toBe(
      'Free tea sample',
    );
  });
});
