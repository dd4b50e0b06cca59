import type { InviterView } from '../shared/inviter-status.ts';
import { loadInviterView } from '../shared/inviter-status.ts';
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
 * signed token (the script tag's form): their code and link, and the
 * friend's reward from the invite's landing. The public API does not tell
 * the inviter's own reward, so that line is left out here (pass it to
 * `InvitePanel` directly when the store's page knows it).
 */
export function CustomerInvitePanel({
  koubei,
  customerToken,
  storeName,
  productName,
}: CustomerInvitePanelProps) {
  const { t } = koubei;
  const [remote, retry] = useRemote<InviterView>(
    `invite-panel:${customerToken}`,
    async (signal) => ({
      data: await loadInviterView(koubei, customerToken, signal),
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
  const { status, landing, open } = remote.data;
  if (!status || !open)
    return (
      <p class={css.notice} part="invite-closed">
        {t.t('inviteStatus.closed')}
      </p>
    );
  return (
    <InvitePanel
      koubei={koubei}
      invite={status.invite}
      inviteeReward={landing?.inviteeReward ?? null}
      storeName={storeName}
      productName={productName}
    />
  );
}
