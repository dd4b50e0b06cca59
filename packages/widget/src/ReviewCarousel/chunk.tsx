import {
  LIMITS,
  enReviews,
  enStates,
  enSummary,
  zhCNReviews,
  zhCNStates,
  zhCNSummary,
} from '@koubei/core';
import { integerAttribute } from '../cdn/chunk-attributes.ts';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import { ReviewCarousel } from './ReviewCarousel.tsx';
// The runtime takes its turns to render through each chunk (see cdn/widget-chunks.ts).
export { takeTurn } from '../shared/take-turn.ts';

/**
 * Script-tag adapter: `<div data-koubei="carousel" data-product="sku-1"
 * data-min-rating="4" data-limit="10" data-autoplay data-interval="6000">`.
 */
export const chunk: WidgetChunk = {
  // Summary messages for the aspect names the review cards show.
  messages: {
    en: { ...enReviews, ...enStates, ...enSummary },
    'zh-CN': { ...zhCNReviews, ...zhCNStates, ...zhCNSummary },
  },
  render: ({ koubei, product, attr }) => {
    if (!product) {
      console.warn('Koubei: carousel needs data-product');
      return null;
    }
    return (
      <WidgetBoundary hasFallbackSlot>
        <ReviewCarousel
          koubei={koubei}
          product={product}
          minRating={integerAttribute(attr('min-rating'), 'min-rating', 1, 5, 'carousel')}
          limit={integerAttribute(attr('limit'), 'limit', 1, LIMITS.pageSize, 'carousel')}
          autoplay={attr('autoplay') !== null}
          intervalMs={integerAttribute(attr('interval'), 'interval', 3000, 60_000, 'carousel')}
        />
      </WidgetBoundary>
    );
  },
};
