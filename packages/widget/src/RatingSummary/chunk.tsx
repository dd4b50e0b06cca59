import { enStates, enSummary, enStars, zhCNStates, zhCNSummary, zhCNStars } from '@koubei/core';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import { RatingSummary } from './RatingSummary.tsx';

/** Script-tag adapter: `<div data-koubei="summary" data-product="sku-1">`. */
export const chunk: WidgetChunk = {
  messages: {
    en: { ...enSummary, ...enStates, ...enStars },
    'zh-CN': { ...zhCNSummary, ...zhCNStates, ...zhCNStars },
  },
  render: ({ koubei, product }) =>
    product ? (
      <WidgetBoundary hasFallbackSlot>
        <RatingSummary koubei={koubei} product={product} />
      </WidgetBoundary>
    ) : null,
};
