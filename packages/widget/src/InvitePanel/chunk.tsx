import { enReferral, enStates, zhCNReferral, zhCNStates } from '@koubei/core';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import { CustomerInvitePanel } from './CustomerInvitePanel.tsx';
// The runtime takes its turns to render through each chunk (see cdn/widget-chunks.ts).
export { takeTurn } from '../shared/take-turn.ts';

/**
 * Script-tag adapter: `<div data-koubei="invite" data-customer-token="…"
 * data-store-name="Tea House" data-product-name="Celadon teapot">`; the token
 * is the customer's `statusToken` from the merchant API, the names go into
 * share messages and the share poster.
 */
export const chunk: WidgetChunk = {
  messages: { en: { ...enReferral, ...enStates }, 'zh-CN': { ...zhCNReferral, ...zhCNStates } },
  render: ({ koubei, attr }) => {
    const token = attr('customer-token');
    if (!token) {
      console.warn('Koubei: invite needs data-customer-token');
      return null;
    }
    return (
      <WidgetBoundary hasFallbackSlot>
        <CustomerInvitePanel
          koubei={koubei}
          customerToken={token}
          storeName={attr('store-name')?.trim() || koubei.store}
          productName={attr('product-name')?.trim() || undefined}
        />
      </WidgetBoundary>
    );
  },
};
