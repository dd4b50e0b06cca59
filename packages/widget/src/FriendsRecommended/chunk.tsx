import { enSocialProof, zhCNSocialProof } from '@koubei/core';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import type { FriendsRecommendedVariant } from './FriendsRecommended.tsx';
import { FRIENDS_RECOMMENDED_VARIANTS, FriendsRecommended } from './FriendsRecommended.tsx';

const isVariant = (value: string): value is FriendsRecommendedVariant =>
  (FRIENDS_RECOMMENDED_VARIANTS as readonly string[]).includes(value);

/**
 * Script-tag adapter:
 * `<div data-koubei="social-proof" data-product="sku-1" data-variant="customers">`.
 * `data-variant` is `friends` (default) or `customers`; anything else leaves
 * the placeholder's fallback content and says why.
 */
export const chunk: WidgetChunk = {
  // No state.* messages: the badge shows no loading text, error message or retry button.
  messages: { en: enSocialProof, 'zh-CN': zhCNSocialProof },
  render: ({ koubei, product, attr }) => {
    const variant = attr('variant') ?? 'friends';
    if (!product) {
      console.warn('Koubei: social-proof needs data-product');
      return null;
    }
    if (!isVariant(variant)) {
      console.warn(
        `Koubei: social-proof data-variant must be ${FRIENDS_RECOMMENDED_VARIANTS.join(' or ')}, got ${JSON.stringify(variant)}`,
      );
      return null;
    }
    return (
      <WidgetBoundary hasFallbackSlot>
        <FriendsRecommended koubei={koubei} product={product} variant={variant} />
      </WidgetBoundary>
    );
  },
};
