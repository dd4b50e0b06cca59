import {
  LIMITS,
  enReviews,
  enStates,
  enSummary,
  zhCNReviews,
  zhCNStates,
  zhCNSummary,
} from '@koubei/core';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import { ReviewCarousel } from './ReviewCarousel.tsx';

/**
 * A whole number from an attribute, clamped to [min, max]; `undefined` when
 * absent or not a plain integer (the widget's default applies then).
 */
function integerAttribute(
  value: string | null,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === null) return undefined;
  if (!/^\d{1,6}$/.test(value.trim())) {
    console.warn(`Koubei: carousel ignores data-${name}="${value}" (expected a whole number)`);
    return undefined;
  }
  return Math.min(max, Math.max(min, Number(value.trim())));
}

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
          minRating={integerAttribute(attr('min-rating'), 'min-rating', 1, 5)}
          limit={integerAttribute(attr('limit'), 'limit', 1, LIMITS.pageSize)}
          autoplay={attr('autoplay') !== null}
          intervalMs={integerAttribute(attr('interval'), 'interval', 3000, 60_000)}
        />
      </WidgetBoundary>
    );
  },
};
