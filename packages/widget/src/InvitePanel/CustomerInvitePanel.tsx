import type { InviterStatus } from '@koubei/core';
import type { KoubeiServices } from '../shared/services.ts';
import { ErrorState, Skeleton } from '../shared/StateViews.tsx';
import { useRemote } from '../shared/use-remote.ts';
import { InvitePanel } from './InvitePanel.tsx';
import * as css from './InvitePanel.css.ts';

export interface CustomerInvitePanelProps {
  readonly koubei: KoubeiServices;
  /** The customer's `statusToken` from the merchant API, signed by the Koubei server. */
  readonly customerToken: string;
  /** The shop's name for the share message ("Join me at …") and the poster. */
  readonly storeName: string;
  /** A product to name on the share poster. */
  readonly productName?: string;
}

/**
 * The invite panel for a signed-in customer, read from the API by their
 * signed token (the script tag's form): their code and link, and both
 * sides' rewards, all from the one status answer, which carries the programme.
 */
export function CustomerInvitePanel({
  koubei,
  customerToken,
  storeName,
  productName,
}: CustomerInvitePanelProps) {
  const { t } = koubei;
  const [remote, retry] = useRemote<InviterStatus>(
    `invite-panel:${customerToken}`,
    async (signal) => ({
      data: await (await koubei.client()).getInviterStatus(customerToken, signal),
      source: 'network',
      error: null,
    }),
  );
  if (remote.status === 'error' && !remote.data)
    return (
      <ErrorState
        koubei={koubei}
        error={remote.error}
        onRetry={retry}
        message={t.t('invite.error')}
      />
    );
  if (!remote.data) return <Skeleton heights={[28, 48, 36, 36]} />;
  const { invite, programme } = remote.data;
  if (!programme.open)
    return (
      <p class={css.notice} part="invite-closed">
        {t.t('inviteStatus.closed')}
      </p>
    );
  return (
    <InvitePanel
      koubei={koubei}
      invite={invite}
      inviterReward={programme.inviterReward}
      inviteeReward={programme.inviteeReward}
      storeName={storeName}
      productName={productName}
    />
  );
}
