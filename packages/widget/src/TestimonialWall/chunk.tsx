import {
  LIMITS,
  enReviews,
  enStates,
  enTestimonials,
  zhCNReviews,
  zhCNStates,
  zhCNTestimonials,
} from '@koubei/core';
import { integerAttribute } from '../cdn/chunk-attributes.ts';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import type { TestimonialVariant } from './TestimonialWall.tsx';
import { TestimonialWall } from './TestimonialWall.tsx';
// The runtime takes its turns to render through each chunk (see cdn/widget-chunks.ts).
export { takeTurn } from '../shared/take-turn.ts';

function variantAttribute(value: string | null): TestimonialVariant {
  if (value === null || value === 'grid' || value === 'carousel') return value ?? 'grid';
  console.warn(`Koubei: testimonials ignores data-variant="${value}" (expected grid or carousel)`);
  return 'grid';
}

/**
 * Script-tag adapter: `<div data-koubei="testimonials" data-variant="carousel"
 * data-featured-only data-limit="8" data-autoplay data-interval="6000">`.
 */
export const chunk: WidgetChunk = {
  // Review messages for the rating label and "Read more".
  messages: {
    en: { ...enTestimonials, ...enStates, ...enReviews },
    'zh-CN': { ...zhCNTestimonials, ...zhCNStates, ...zhCNReviews },
  },
  render: ({ koubei, attr }) => (
    <WidgetBoundary hasFallbackSlot>
      <TestimonialWall
        koubei={koubei}
        variant={variantAttribute(attr('variant'))}
        featuredOnly={attr('featured-only') !== null}
        limit={integerAttribute(attr('limit'), 'limit', 1, LIMITS.pageSize, 'testimonials')}
        autoplay={attr('autoplay') !== null}
        intervalMs={integerAttribute(attr('interval'), 'interval', 3000, 60_000, 'testimonials')}
      />
    </WidgetBoundary>
  ),
};
