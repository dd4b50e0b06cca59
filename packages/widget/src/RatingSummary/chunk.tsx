import {
  enReviews,
  enStars,
  enStates,
  enSummary,
  zhCNReviews,
  zhCNStars,
  zhCNStates,
  zhCNSummary,
} from '@koubei/core';
import { useEffect } from 'preact/hooks';
import { injectProductJsonLd } from '../cdn/inject-product-json-ld.ts';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import type { KoubeiServices } from '../shared/services.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import { RatingSummary } from './RatingSummary.tsx';
// The runtime takes its turns to render through each chunk (see cdn/widget-chunks.ts).
export { takeTurn } from '../shared/take-turn.ts';

/** Adds the rating to the page's schema.org Product once the summary is known. */
function StructuredData({
  koubei,
  product,
  name,
}: {
  koubei: KoubeiServices;
  product: string;
  name: string | null;
}) {
  useEffect(() => {
    const controller = new AbortController();
    koubei.summaries.getSummary(product, { signal: controller.signal }).then(
      ({ data }) => !controller.signal.aborted && injectProductJsonLd(document, data, name),
      () => undefined,
    );
    return () => controller.abort();
  }, [product]);
  return null;
}

/**
 * Script-tag adapter: `<div data-koubei="summary" data-product="sku-1"
 * data-product-name="Celadon teapot">`; `data-structured-data="off"` leaves
 * the page's schema.org data alone.
 */
export const chunk: WidgetChunk = {
  // Review messages for the histogram's filter buttons ("5 stars", "filter reviews").
  messages: {
    en: { ...enSummary, ...enStates, ...enStars, ...enReviews },
    'zh-CN': { ...zhCNSummary, ...zhCNStates, ...zhCNStars, ...zhCNReviews },
  },
  render: ({ koubei, product, attr }) =>
    product ? (
      <WidgetBoundary hasFallbackSlot>
        <RatingSummary koubei={koubei} product={product} />
        {attr('structured-data') !== 'off' && (
          <StructuredData koubei={koubei} product={product} name={attr('product-name')} />
        )}
      </WidgetBoundary>
    ) : null,
};
