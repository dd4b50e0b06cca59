import { enReferral, enStates, zhCNReferral, zhCNStates } from '@koubei/core';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import { InvitationStatus } from './InvitationStatus.tsx';
// The runtime takes its turns to render through each chunk (see cdn/widget-chunks.ts).
export { takeTurn } from '../shared/take-turn.ts';

/**
 * Script-tag adapter: `<div data-koubei="invite-status" data-customer-token="…">`,
 * where the token is the `statusToken` the store's backend got for the
 * signed-in customer from the merchant API.
 */
export const chunk: WidgetChunk = {
  messages: { en: { ...enReferral, ...enStates }, 'zh-CN': { ...zhCNReferral, ...zhCNStates } },
  render: ({ koubei, attr }) => {
    const token = attr('customer-token');
    if (!token) {
      console.warn('Koubei: invite-status needs data-customer-token');
      return null;
    }
    return (
      <WidgetBoundary hasFallbackSlot>
        <InvitationStatus koubei={koubei} customerToken={token} />
      </WidgetBoundary>
    );
  },
};
