import { enSocialProof, zhCNSocialProof } from '@koubei/core';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import type { FriendsRecommendedVariant } from './FriendsRecommended.tsx';
import { FRIENDS_RECOMMENDED_VARIANTS, FriendsRecommended } from './FriendsRecommended.tsx';
// The runtime takes its turns to render through each chunk (see cdn/widget-chunks.ts).
export { takeTurn } from '../shared/take-turn.ts';

const isVariant = (value: string): value is FriendsRecommendedVariant =>
  (FRIENDS_RECOMMENDED_VARIANTS as readonly string[]).includes(value);

/** The longest customer token the API accepts (CustomerIdentitySchema). */
const MAX_TOKEN_LENGTH = 1024;

/**
 * Script-tag adapter:
 * `<div data-koubei="social-proof" data-product="sku-1" data-variant="customers">`.
 * `data-variant` is `friends` (default) or `customers`; anything else leaves
 * the placeholder's fallback content and says why. `data-customer-token`:
 * the signed-in shopper's token from the shop's backend, for their friends;
 * render it only into that shopper's own page (never a publicly cached one).
 * A malformed one is ignored with a warning, and the badge shows counts only.
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
    const token = attr('customer-token')?.trim() || undefined;
    const tokenUsable = token === undefined || token.length <= MAX_TOKEN_LENGTH;
    if (!tokenUsable)
      console.warn(
        'Koubei: social-proof ignores a data-customer-token longer than 1024 characters',
      );
    return (
      <WidgetBoundary hasFallbackSlot>
        <FriendsRecommended
          koubei={koubei}
          product={product}
          variant={variant}
          {...(token && tokenUsable ? { customerToken: token } : {})}
        />
      </WidgetBoundary>
    );
  },
};
