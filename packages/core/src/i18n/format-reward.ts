import type { Reward } from '../model/referral.ts';
import type { Translator } from './create-translator.ts';

/**
 * A reward as shoppers read it: "CN¥20.00" / "¥20.00", "500 points" /
 * "500 积分", "10% off" / "立减 10%", or the coupon's own description.
 * Shared by every referral view (panel, status, landing, poster).
 */
export function formatReward(t: Translator, reward: Reward): string {
  switch (reward.kind) {
    case 'coupon':
      return reward.description;
    case 'points':
      return t.t('reward.points', { count: reward.points });
    case 'percent':
      return t.t('reward.percentOff', { percent: reward.percent });
    case 'amount': {
      // Amounts are kept in minor units; the currency says how many (2 for CNY, 0 for JPY).
      const digits =
        new Intl.NumberFormat('en', {
          style: 'currency',
          currency: reward.currency,
        }).resolvedOptions().maximumFractionDigits ?? 2;
      return t.formatNumber(reward.amountMinor / 10 ** digits, {
        style: 'currency',
        currency: reward.currency,
      });
    }
  }
}
