import { enMedia, enStates, zhCNMedia, zhCNStates } from '@koubei/core';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import { PhotoGallery } from './PhotoGallery.tsx';
// The runtime takes its turns to render through each chunk (see cdn/widget-chunks.ts).
export { takeTurn } from '../shared/take-turn.ts';

/** `data-limit`: photos per request, a whole number from 1 to 50; anything else is ignored. */
function parseLimit(value: string | null): number | undefined {
  if (value === null || !/^\d{1,2}$/.test(value.trim())) return undefined;
  const limit = Number(value.trim());
  return limit >= 1 && limit <= 50 ? limit : undefined;
}

/**
 * Script-tag adapter: `<div data-koubei="gallery" data-product="sku-1" data-limit="12">`.
 * Without `data-product` it shows the whole shop's photos.
 */
export const chunk: WidgetChunk = {
  messages: {
    en: { ...enMedia, ...enStates },
    'zh-CN': { ...zhCNMedia, ...zhCNStates },
  },
  render: ({ koubei, product, attr }) => (
    <WidgetBoundary hasFallbackSlot>
      <PhotoGallery koubei={koubei} product={product} limit={parseLimit(attr('limit'))} />
    </WidgetBoundary>
  ),
};
