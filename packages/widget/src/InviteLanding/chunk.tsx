import { enReferral, readInviteParam, zhCNReferral } from '@koubei/core';
import { dismissInvite, isInviteDismissed } from '../cdn/invite-keeper.ts';
import type { WidgetChunk } from '../cdn/widget-chunks.ts';
import { WidgetBoundary } from '../shared/WidgetBoundary.tsx';
import { InviteLanding } from './InviteLanding.tsx';
// The runtime takes its turns to render through each chunk (see cdn/widget-chunks.ts).
export { takeTurn } from '../shared/take-turn.ts';

/**
 * Script-tag adapter: `<div data-koubei="invitee-banner">` (add
 * `data-placement="inline"` to place it in the page instead of over it).
 * Shows only on a page opened through an invite link, until closed.
 */
export const chunk: WidgetChunk = {
  messages: { en: enReferral, 'zh-CN': zhCNReferral },
  render: ({ koubei, attr }) => {
    const code = readInviteParam(koubei.pageUrl);
    if (!code || isInviteDismissed(code)) return null;
    return (
      <WidgetBoundary hasFallbackSlot>
        <InviteLanding
          koubei={koubei}
          code={code}
          placement={attr('placement') === 'inline' ? 'inline' : 'overlay'}
          onDismiss={() => dismissInvite(code)}
        />
      </WidgetBoundary>
    );
  },
};
