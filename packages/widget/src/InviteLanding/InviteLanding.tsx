import type { InviteLanding as Landing } from '@koubei/core';
import { formatDate, formatReward } from '@koubei/core';
import { useEffect, useId, useState } from 'preact/hooks';
import type { KoubeiServices } from '../shared/services.ts';
import { useRemote } from '../shared/use-remote.ts';
import * as css from './InviteLanding.css.ts';

export interface InviteLandingProps {
  readonly koubei: KoubeiServices;
  /** The invite code the visitor arrived with (`?koubei_invite=`); without one nothing shows. */
  readonly code: string | null;
  /**
   * `overlay` (default) floats at the bottom of the window, so the shop's
   * layout never moves; `inline` sits in the page where it is placed.
   */
  readonly placement?: 'overlay' | 'inline';
  /** Called once the visitor closes the banner (the script tag remembers it for this code). */
  readonly onDismiss?: () => void;
}

/**
 * What a friend sees on arrival through an invite link: who invited them,
 * their reward, and that the code is kept for checkout. An unknown or
 * expired code, or any failure, shows nothing at all: the visitor is on a
 * shop page, not in an error message of ours.
 */
export function InviteLanding({
  koubei,
  code,
  placement = 'overlay',
  onDismiss,
}: InviteLandingProps) {
  const { t } = koubei;
  const titleId = useId();
  const [dismissed, setDismissed] = useState(false);
  const [remote] = useRemote<Landing | null>(`invite-landing:${code ?? ''}`, async (signal) => {
    if (!code) return { data: null, source: 'network', error: null };
    const client = await koubei.client();
    return client.getInviteLanding(code, { signal });
  });
  const landing = remote.status === 'ready' ? remote.data : null;
  const expired = landing?.expiresAt != null && Date.parse(landing.expiresAt) <= koubei.now();
  const shown = !!landing && !expired && !dismissed;
  // The banner floats, so its placeholder has no size to count an impression by: it says when it shows.
  useEffect(() => {
    if (shown) koubei.emit({ type: 'view', widget: 'invitee-banner' });
  }, [shown]);
  if (!shown) return null;

  const dismiss = () => {
    setDismissed(true);
    onDismiss?.();
    koubei.emit({ type: 'interaction', widget: 'invitee-banner', detail: { action: 'dismiss' } });
  };
  const ends = landing.expiresAt ? formatDate(t.locale, landing.expiresAt) : '';
  return (
    <section
      class={placement === 'inline' ? css.inline : css.overlay}
      aria-labelledby={titleId}
      part="invite-landing"
      onKeyDown={(event) => event.key === 'Escape' && dismiss()}
    >
      <div class={css.text}>
        <h2 id={titleId} class={css.title}>
          {landing.inviterFirstName ? (
            // The inviter's name is the only text a stranger typed: isolated, never markup.
            <InvitedBy
              template={t.t('inviteLanding.invitedBy', { name: '\u0000' })}
              name={landing.inviterFirstName}
            />
          ) : (
            t.t('inviteLanding.invited')
          )}
        </h2>
        <p class={css.reward} dir="auto">
          {t.t('inviteLanding.reward', { reward: formatReward(t, landing.inviteeReward) })}
        </p>
        <p class={css.muted}>{t.t('inviteLanding.kept', { code: landing.code })}</p>
        {ends && <p class={css.muted}>{t.t('inviteLanding.ends', { date: ends })}</p>}
      </div>
      <button
        type="button"
        class={css.close}
        aria-label={t.t('inviteLanding.dismiss')}
        title={t.t('inviteLanding.dismiss')}
        onClick={dismiss}
      >
        ×
      </button>
    </section>
  );
}

/** "{name} invited you" with the name in a <bdi>, wherever the language puts it. */
function InvitedBy({ template, name }: { template: string; name: string }) {
  const [before = '', after = ''] = template.split('\u0000');
  return (
    <>
      {before}
      <bdi>{name}</bdi>
      {after}
    </>
  );
}
