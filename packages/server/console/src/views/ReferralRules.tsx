import type { MessageKey, ReferralProgrammeInput, Reward } from '@koubei/core';
import { CONVERSION_EVENTS, formatReward } from '@koubei/core';
import { useEffect, useState } from 'preact/hooks';
import * as css from '../console.css.ts';
import { announce, api, translator } from '../session.ts';
import { attempt, useLoad } from '../use-load.ts';
import { ChoiceField } from './ChoiceField.tsx';

const REWARD_KINDS = ['amount', 'percent', 'points', 'coupon'] as const;

const DEFAULT_PROGRAMME: ReferralProgrammeInput = {
  name: 'Invite a friend',
  active: false,
  conversion: 'purchase',
  inviterReward: { kind: 'amount', amountMinor: 2000, currency: 'CNY' },
  inviteeReward: { kind: 'percent', percent: 10 },
  tiers: [],
  maxRewardsPerInviter: null,
  maxInvitesPerDay: 20,
  expiresAt: null,
};

/** The referral programme's rules; tiers set through the API are kept as they are. */
export function ReferralRules() {
  const t = translator.value;
  const stored = useLoad(() => api.value!.referralProgramme(), [api.value]);
  const [programme, setProgramme] = useState<ReferralProgrammeInput>(DEFAULT_PROGRAMME);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!stored.data) return;
    const { name, active, conversion, inviterReward, inviteeReward, tiers } = stored.data;
    const { maxRewardsPerInviter, maxInvitesPerDay, expiresAt } = stored.data;
    setProgramme({
      name,
      active,
      conversion,
      inviterReward,
      inviteeReward,
      tiers,
      maxRewardsPerInviter,
      maxInvitesPerDay,
      expiresAt,
    });
  }, [stored.data]);
  const set = (change: Partial<ReferralProgrammeInput>) =>
    setProgramme({ ...programme, ...change });

  async function save(event: Event) {
    event.preventDefault();
    if (await attempt(() => api.value!.setReferralProgramme(programme), setError)) {
      setError(null);
      announce(t.t('console.saved'));
      stored.reload();
    }
  }

  return (
    <form class={`${css.card} ${css.stack}`} onSubmit={save} aria-labelledby="referral-rules-title">
      <h3 id="referral-rules-title" style={{ margin: 0 }}>
        {t.t('console.referral.title')}
      </h3>
      {stored.data === null && !stored.loading ? (
        <p class={css.muted}>{t.t('console.referral.none')}</p>
      ) : null}
      <div class={css.row}>
        <label class={css.field}>
          <span>{t.t('console.referral.name')}</span>
          <input
            class={css.input}
            required
            maxLength={120}
            value={programme.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </label>
        <label class={css.row}>
          <input
            type="checkbox"
            checked={programme.active}
            onChange={(e) => set({ active: e.currentTarget.checked })}
          />
          <span>{t.t('console.referral.active')}</span>
        </label>
        <ChoiceField
          label={t.t('console.referral.conversion')}
          value={programme.conversion}
          choices={CONVERSION_EVENTS}
          labelOf={(event) => t.t(`console.referral.conversion.${event}` as MessageKey)}
          onChange={(conversion) => set({ conversion })}
        />
      </div>
      <RewardFields
        legend={t.t('console.referral.inviterReward')}
        reward={programme.inviterReward}
        onChange={(inviterReward) => set({ inviterReward })}
      />
      <RewardFields
        legend={t.t('console.referral.inviteeReward')}
        reward={programme.inviteeReward}
        onChange={(inviteeReward) => set({ inviteeReward })}
      />
      <div class={css.row}>
        <label class={css.field}>
          <span>{t.t('console.referral.maxInvitesPerDay')}</span>
          <input
            class={css.input}
            type="number"
            min={1}
            required
            value={programme.maxInvitesPerDay}
            onInput={(e) => set({ maxInvitesPerDay: Number(e.currentTarget.value) })}
          />
        </label>
        <label class={css.field}>
          <span>{t.t('console.referral.maxRewards')}</span>
          <input
            class={css.input}
            type="number"
            min={1}
            value={programme.maxRewardsPerInviter ?? ''}
            onInput={(e) =>
              set({
                maxRewardsPerInviter: e.currentTarget.value ? Number(e.currentTarget.value) : null,
              })
            }
          />
        </label>
        <label class={css.field}>
          <span>{t.t('console.referral.expires')}</span>
          <input
            class={css.input}
            type="date"
            value={programme.expiresAt?.slice(0, 10) ?? ''}
            onInput={(e) =>
              set({
                expiresAt: e.currentTarget.value ? `${e.currentTarget.value}T23:59:59.000Z` : null,
              })
            }
          />
        </label>
      </div>
      {programme.tiers.length ? (
        <p class={css.muted}>
          {t.t('console.referral.tiers')}{' '}
          {programme.tiers
            .map(
              (tier) =>
                `${t.formatNumber(tier.conversions)} → ${formatReward(t, tier.inviterReward)}`,
            )
            .join(' · ')}
        </p>
      ) : null}
      {error || stored.error ? (
        <p role="alert" class={css.error}>
          {error ?? stored.error}
        </p>
      ) : null}
      <div>
        <button type="submit" class={css.primaryButton}>
          {t.t('console.referral.save')}
        </button>
      </div>
    </form>
  );
}

function RewardFields({
  legend,
  reward,
  onChange,
}: {
  legend: string;
  reward: Reward;
  onChange: (next: Reward) => void;
}) {
  const t = translator.value;
  function changeKind(kind: (typeof REWARD_KINDS)[number]) {
    if (kind === 'amount') onChange({ kind, amountMinor: 1000, currency: 'CNY' });
    else if (kind === 'percent') onChange({ kind, percent: 10 });
    else if (kind === 'points') onChange({ kind, points: 100 });
    else onChange({ kind, description: t.t('console.referral.kind.coupon') });
  }
  return (
    <fieldset class={css.row}>
      <legend>{legend}</legend>
      <ChoiceField
        label={t.t('console.referral.kind')}
        value={reward.kind}
        choices={REWARD_KINDS}
        labelOf={(kind) => t.t(`console.referral.kind.${kind}` as MessageKey)}
        onChange={changeKind}
      />
      {reward.kind === 'amount' ? (
        <>
          <label class={css.field}>
            <span>{t.t('console.referral.amount')}</span>
            <input
              class={css.input}
              type="number"
              min={0.01}
              step={0.01}
              value={reward.amountMinor / 100}
              onInput={(e) =>
                onChange({
                  ...reward,
                  amountMinor: Math.round(Number(e.currentTarget.value) * 100),
                })
              }
            />
          </label>
          <label class={css.field}>
            <span>{t.t('console.referral.currency')}</span>
            <input
              class={css.input}
              pattern="[A-Z]{3}"
              maxLength={3}
              value={reward.currency}
              onInput={(e) =>
                onChange({ ...reward, currency: e.currentTarget.value.toUpperCase() })
              }
            />
          </label>
        </>
      ) : reward.kind === 'percent' ? (
        <label class={css.field}>
          <span>{t.t('console.referral.percent')}</span>
          <input
            class={css.input}
            type="number"
            min={1}
            max={100}
            value={reward.percent}
            onInput={(e) => onChange({ ...reward, percent: Number(e.currentTarget.value) })}
          />
        </label>
      ) : reward.kind === 'points' ? (
        <label class={css.field}>
          <span>{t.t('console.referral.points')}</span>
          <input
            class={css.input}
            type="number"
            min={1}
            value={reward.points}
            onInput={(e) => onChange({ ...reward, points: Number(e.currentTarget.value) })}
          />
        </label>
      ) : (
        <label class={css.field}>
          <span>{t.t('console.referral.description')}</span>
          <input
            class={css.input}
            maxLength={120}
            value={reward.description}
            onInput={(e) => onChange({ kind: 'coupon', description: e.currentTarget.value })}
          />
        </label>
      )}
      <span class={css.muted}>{formatReward(t, reward)}</span>
    </fieldset>
  );
}
