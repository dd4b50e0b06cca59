import {
  enMedia,
  enReviews,
  enStates,
  enSummary,
  zhCNMedia,
  zhCNReviews,
  zhCNStates,
  zhCNSummary,
} from '@koubei/core';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import { ReviewList } from './ReviewList.tsx';

function pageSize(value: string | null): number {
  const size = Number(value ?? 10);
  return Number.isInteger(size) && size >= 1 && size <= 50 ? size : 10;
}

// The runtime takes its turns to render through each chunk (see cdn/widget-chunks.ts).
export { takeTurn } from '../shared/take-turn.ts';

/** Script-tag adapter: `<div data-koubei="reviews" data-product="sku-1" data-page-size="10">`. */
export const chunk: WidgetChunk = {
  messages: {
    en: { ...enReviews, ...enSummary, ...enStates, ...enMedia },
    'zh-CN': { ...zhCNReviews, ...zhCNSummary, ...zhCNStates, ...zhCNMedia },
  },
  render: ({ koubei, product, attr }) =>
    product ? (
      <WidgetBoundary hasFallbackSlot>
        <ReviewList
          koubei={koubei}
          product={product}
          pageSize={pageSize(attr('page-size'))}
          disclosureHref={attr('disclosure-href') ?? undefined}
        />
      </WidgetBoundary>
    ) : null,
};
