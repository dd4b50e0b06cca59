import type { AspectKey } from '@koubei/core';
import {
  ASPECT_KEYS,
  enForm,
  enStars,
  enStates,
  enSummary,
  zhCNForm,
  zhCNStars,
  zhCNStates,
  zhCNSummary,
} from '@koubei/core';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import { ReviewForm } from './ReviewForm.tsx';
// The runtime takes its turns to render through each chunk (see cdn/widget-chunks.ts).
export { takeTurn } from '../shared/take-turn.ts';

/** `data-aspects="quality,value"`; unknown names are dropped, absent means the defaults. */
function aspectsFrom(value: string | null): AspectKey[] | undefined {
  if (value === null) return undefined;
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name): name is AspectKey => (ASPECT_KEYS as readonly string[]).includes(name));
}

/**
 * Script-tag adapter: `<div data-koubei="form" data-product="sku-1"
 * data-product-name="Celadon teapot" data-incentivised data-terms-href="/review-terms">`.
 * `data-incentivised` without a value (or any value but "false") turns the
 * incentive notice on; `data-aspects` lists the aspects to rate.
 */
export const chunk: WidgetChunk = {
  // The summary group names the aspects ("Quality", "性价比").
  messages: {
    en: { ...enForm, ...enStates, ...enStars, ...enSummary },
    'zh-CN': { ...zhCNForm, ...zhCNStates, ...zhCNStars, ...zhCNSummary },
  },
  render: ({ koubei, product, attr }) => {
    if (!product) return null;
    if (koubei.staticSite) {
      // Static files cannot take a review; the placeholder's fallback (a link to a form) stays.
      console.warn('Koubei: the review form needs the API, not a static export');
      return null;
    }
    const incentivised = attr('incentivised');
    return (
      <WidgetBoundary hasFallbackSlot>
        <ReviewForm
          koubei={koubei}
          product={product}
          productName={attr('product-name') ?? undefined}
          incentivised={incentivised !== null && incentivised !== 'false'}
          aspects={aspectsFrom(attr('aspects'))}
          termsHref={attr('terms-href') ?? undefined}
        />
      </WidgetBoundary>
    );
  },
};
