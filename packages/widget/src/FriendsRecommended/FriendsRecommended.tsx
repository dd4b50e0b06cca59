import type {
  Fetched,
  KoubeiClient,
  NamedFriend,
  RecentActivity,
  SocialProof,
  VisibleSocialProof,
} from '@koubei/core';
import { isHttpError, safeHttpUrl, visibleSocialProof } from '@koubei/core';
import type { KoubeiServices } from '../shared/services.ts';
import { Skeleton } from '../shared/StateViews.tsx';
import { useRemote } from '../shared/use-remote.ts';
import * as css from './FriendsRecommended.css.ts';
import { Avatar } from '../shared/Avatar.tsx';

export type FriendsRecommendedVariant = 'friends' | 'customers';
export const FRIENDS_RECOMMENDED_VARIANTS: readonly FriendsRecommendedVariant[] = [
  'friends',
  'customers',
];

export interface FriendsRecommendedProps {
  readonly koubei: KoubeiServices;
  readonly product: string;
  /**
   * `friends` (default): how many of the shopper's friends recommend the
   * product, with up to three who agreed to be named. `customers`: the same
   * badge without anything personal, from the shop's aggregate counts.
   */
  readonly variant?: FriendsRecommendedVariant;
  /**
   * The signed-in shopper's customer token, made by the shop's backend
   * (merchant API). With it the `friends` badge counts and names their
   * friends; without it, or when the server refuses it (expired), the badge
   * shows only the anonymous counts. Ignored by the `customers` variant.
   */
  readonly customerToken?: string;
}

/**
 * The shopper's friends when a token is given, else the anonymous counts.
 * A refused token (expired, from another store) falls back to the anonymous
 * read with a console warning for the shop's developer: the shopper still
 * sees the badge, only without friends.
 */
async function loadProof(
  client: KoubeiClient,
  product: string,
  customerToken: string | undefined,
  signal: AbortSignal,
  onRevalidated: (data: SocialProof) => void,
): Promise<Fetched<SocialProof>> {
  if (customerToken) {
    try {
      const data = await client.getFriendsSocialProof(product, customerToken, signal);
      return { data, source: 'network', error: null };
    } catch (error) {
      if (!(isHttpError(error) && [401, 403, 422].includes(error.status))) throw error;
      console.warn(
        `Koubei: social-proof customer token refused (${error.message}); no friends shown`,
      );
    }
  }
  return client.getSocialProof(product, { signal, onRevalidated });
}

/**
 * A compact social-proof badge: "7 friends recommend this" with the faces and
 * names of up to three who agreed to be named, and recent activity ("38
 * people bought this in the last 7 days"). Counts under the shop's minimum are
 * never shown; when nothing is left, the badge renders nothing at all.
 */
export function FriendsRecommended({
  koubei,
  product,
  variant = 'friends',
  customerToken,
}: FriendsRecommendedProps) {
  // Only the friends badge is personal; the customers variant never sends the token.
  const token = variant === 'friends' && customerToken ? customerToken : undefined;
  const [remote] = useRemote<SocialProof>(
    `social-proof:${product}:${token ?? ''}`,
    (signal, onRevalidated) =>
      koubei.client().then((client) => loadProof(client, product, token, signal, onRevalidated)),
  );
  // Not ErrorState: a badge is optional decoration, and "Reviews could not be
  // loaded" with a Retry button would be louder than the badge ever is. On a
  // shop's page the placeholder's own fallback content (if any) stays visible
  // through the slot; in an app (no slot) the badge simply stays away.
  if (remote.status === 'error' && !remote.data) return koubei.hasFallbackSlot ? <slot /> : null;
  // 'loading' also covers a product change: the data on hand is then another product's.
  if (remote.status === 'loading' || !remote.data) {
    return (
      <div class={css.loading}>
        <Skeleton heights={[24]} />
      </div>
    );
  }
  return <SocialProofView koubei={koubei} proof={remote.data} variant={variant} />;
}

/**
 * The badge for loaded data. Layout follows the page's direction; each text
 * run has `dir="auto"`, because the wording is in the widget's language and
 * may read the other way (English on an Arabic page).
 */
export function SocialProofView({
  koubei,
  proof,
  variant,
}: {
  koubei: KoubeiServices;
  proof: SocialProof;
  variant: FriendsRecommendedVariant;
}) {
  // The server applies the minimum too; applying it again here means a
  // misconfigured or compromised server still cannot single out a friend.
  const visible = visibleSocialProof(proof);
  const lines =
    variant === 'friends' ? friendsLines(koubei, visible) : customerLines(koubei, visible);
  if (lines.length === 0) return null;
  return (
    <div class={css.badge} part="social-proof" data-variant={variant}>
      {lines}
    </div>
  );
}

function friendsLines(koubei: KoubeiServices, visible: VisibleSocialProof) {
  const { friends } = visible;
  return [
    ...(friends
      ? [<FriendsLine key="friends" koubei={koubei} count={friends.count} named={friends.named} />]
      : []),
    ...visible.recent.map((activity, index) => (
      <ActivityLine key={`recent-${index}`} koubei={koubei} activity={activity} />
    )),
  ];
}

/**
 * Nothing personal: no friends, no names, no faces. The headline counts
 * customers who recommended the product; purchases and reviews keep their own
 * wording, because a purchase is not a recommendation.
 */
function customerLines(koubei: KoubeiServices, visible: VisibleSocialProof) {
  const recommended = visible.recent
    .filter((activity) => activity.kind === 'recommended')
    .reduce<RecentActivity | null>((best, a) => (best && best.count >= a.count ? best : a), null);
  return [
    ...(recommended
      ? [
          <p key="customers" class={css.line}>
            <span dir="auto">
              {koubei.t.t('socialProof.customers', { count: recommended.count })}
            </span>
          </p>,
        ]
      : []),
    ...visible.recent
      .filter((activity) => activity.kind !== 'recommended')
      .map((activity, index) => (
        <ActivityLine key={`recent-${index}`} koubei={koubei} activity={activity} />
      )),
  ];
}

function ActivityLine({ koubei, activity }: { koubei: KoubeiServices; activity: RecentActivity }) {
  return (
    <p class={`${css.line} ${css.muted}`}>
      <span dir="auto">
        {koubei.t.t(`socialProof.${activity.kind}`, {
          count: activity.count,
          days: activity.windowDays,
        })}
      </span>
    </p>
  );
}

function FriendsLine({
  koubei,
  count,
  named,
}: {
  koubei: KoubeiServices;
  count: number;
  named: readonly NamedFriend[];
}) {
  const { t } = koubei;
  return (
    <p class={css.line}>
      {named.length > 0 && (
        // Faces repeat the names beside them; the sentence says it all for screen readers.
        <span class={css.avatars} aria-hidden="true">
          {named.map((friend, index) => (
            <Avatar
              key={index}
              name={friend.displayName}
              src={safeHttpUrl(friend.avatarUrl, koubei.urlOptions)}
              size={24}
              class={css.avatar}
              letters={1}
            />
          ))}
        </span>
      )}
      <span dir="auto">{t.t('socialProof.friends', { count })}</span>
      {named.length > 0 && (
        <span class={css.muted} dir="auto">
          <Including koubei={koubei} names={named.map((friend) => friend.displayName)} />
        </span>
      )}
    </p>
  );
}

/** "including Ann, 小王 and Jonas": each name a text node in its own <bdi>. */
function Including({ koubei, names }: { koubei: KoubeiServices; names: readonly string[] }) {
  const { t } = koubei;
  // The message is split around {names} (left in place when no value is given),
  // so the names stay elements instead of being pasted into a string.
  const [before = '', ...after] = t.t('socialProof.including').split('{names}');
  const parts = new Intl.ListFormat(t.locale, { type: 'conjunction' }).formatToParts(names);
  return (
    <>
      {before}
      {parts.map((part, index) =>
        part.type === 'element' ? <bdi key={index}>{part.value}</bdi> : part.value,
      )}
      {after.join('')}
    </>
  );
}
