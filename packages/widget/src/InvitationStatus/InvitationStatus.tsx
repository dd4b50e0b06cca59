import type { Invitation, Reward } from '@koubei/core';
import { formatDate, formatReward, invitationStep } from '@koubei/core';
import { useId } from 'preact/hooks';
import type { InviterView } from '../shared/inviter-status.ts';
import { loadInviterView } from '../shared/inviter-status.ts';
import type { KoubeiServices } from '../shared/services.ts';
import { EmptyState, ErrorState, Skeleton } from '../shared/StateViews.tsx';
import { useRemote } from '../shared/use-remote.ts';
import * as css from './InvitationStatus.css.ts';

export interface InvitationStatusProps {
  readonly koubei: KoubeiServices;
  /**
   * The `statusToken` the store's backend got for this customer from the
   * merchant API (`POST /v1/merchant/referral-invites`): signed by the
   * Koubei server, it is what identifies the inviter.
   */
  readonly customerToken: string;
}

/**
 * The inviter's view of their referrals: each friend (masked by the server)
 * with how far they got, as words and as steps; the rewards earned; and how
 * many more friends reach the next tier. Loading, empty, error (with retry)
 * and programme-ended states are all spelled out.
 */
export function InvitationStatus({ koubei, customerToken }: InvitationStatusProps) {
  const { t } = koubei;
  const titleId = useId();
  const [remote, retry] = useRemote<InviterView>(
    `invite-status:${customerToken}`,
    async (signal) => ({
      data: await loadInviterView(koubei, customerToken, signal),
      source: 'network',
      error: null,
    }),
  );

  let body;
  if (remote.status === 'error' && !remote.data)
    body = (
      <ErrorState
        koubei={koubei}
        error={remote.error}
        onRetry={retry}
        message={t.t('inviteStatus.error')}
      />
    );
  else if (!remote.data) body = <Skeleton heights={[24, 120, 48]} />;
  else body = <StatusBody koubei={koubei} view={remote.data} />;

  return (
    <section
      class={css.status}
      aria-labelledby={titleId}
      aria-busy={remote.status === 'loading'}
      part="invite-status"
    >
      <h2 id={titleId} class={css.title}>
        {t.t('inviteStatus.title')}
      </h2>
      {body}
    </section>
  );
}

function StatusBody({ koubei, view }: { koubei: KoubeiServices; view: InviterView }) {
  const { t } = koubei;
  const { status, open } = view;
  const closed = !open && (
    <p class={css.notice} part="invite-status-closed">
      {t.t('inviteStatus.closed')}
    </p>
  );
  if (!status) return closed || null;
  const next = open ? status.nextTier : null;
  return (
    <>
      {closed}
      <p class={css.muted}>{t.t('inviteStatus.joined', { count: status.conversions })}</p>
      {next && (
        <div>
          <p class={css.subtitle} dir="auto">
            {t.t('inviteStatus.nextTier', {
              count: next.conversionsNeeded,
              reward: formatReward(t, next.reward),
            })}
          </p>
          <ProgressBar
            label={t.t('inviteStatus.progress')}
            done={status.conversions}
            total={status.conversions + next.conversionsNeeded}
          />
        </div>
      )}
      {status.invitations.length === 0 ? (
        <EmptyState>{t.t('inviteStatus.empty')}</EmptyState>
      ) : (
        <InvitationTable koubei={koubei} invitations={status.invitations} />
      )}
      <RewardsEarned koubei={koubei} rewards={status.rewardsEarned} />
    </>
  );
}

function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div
      class={css.bar}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
    >
      <div class={css.barFill} style={{ width: `${Math.round(share * 100)}%` }} />
    </div>
  );
}

function InvitationTable({
  koubei,
  invitations,
}: {
  koubei: KoubeiServices;
  invitations: readonly Invitation[];
}) {
  const { t } = koubei;
  return (
    <table class={css.table} part="invite-status-table">
      <thead>
        <tr>
          <th scope="col" class={css.headerCell}>
            {t.t('inviteStatus.friend')}
          </th>
          <th scope="col" class={css.headerCell}>
            {t.t('inviteStatus.state')}
          </th>
          <th scope="col" class={css.headerCell}>
            {t.t('inviteStatus.updated')}
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => {
          const { step, total } = invitationStep(invitation.state);
          return (
            <tr key={invitation.id}>
              <th scope="row" class={css.cell}>
                {/* Masked by the server; still strangers' text, so isolated and plain. */}
                <bdi>{invitation.inviteeMasked || t.t('invitation.none')}</bdi>
              </th>
              <td class={css.cell}>
                <span class={css.stateCell}>
                  <span
                    class={css.steps}
                    role="img"
                    aria-label={t.t('inviteStatus.step', { step, total })}
                  >
                    {Array.from({ length: total }, (_, index) => (
                      <span key={index} class={index < step ? css.stepDone : css.step} />
                    ))}
                  </span>
                  <span>{t.t(`invitation.${invitation.state}`)}</span>
                </span>
              </td>
              <td class={css.cell}>
                <time dateTime={invitation.updatedAt}>
                  {formatDate(t.locale, invitation.updatedAt)}
                </time>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RewardsEarned({
  koubei,
  rewards,
}: {
  koubei: KoubeiServices;
  rewards: readonly Reward[];
}) {
  const { t } = koubei;
  return (
    <div>
      <h3 class={css.subtitle}>{t.t('inviteStatus.rewards')}</h3>
      {rewards.length === 0 ? (
        <p class={css.muted}>{t.t('inviteStatus.noRewards')}</p>
      ) : (
        <ul class={css.rewards}>
          {rewards.map((reward, index) => (
            <li key={index} dir="auto">
              {formatReward(t, reward)}
              {reward.kind === 'coupon' && reward.code && (
                <>
                  {' · '}
                  <span class={css.code}>
                    {t.t('inviteStatus.couponCode', { code: reward.code })}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
