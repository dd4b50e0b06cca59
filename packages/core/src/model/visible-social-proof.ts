import type { NamedFriend, RecentActivity, SocialProof } from './social-proof.ts';

export interface VisibleSocialProof {
  readonly friends: { readonly count: number; readonly named: readonly NamedFriend[] } | null;
  readonly recent: readonly RecentActivity[];
}

/**
 * What a badge may show: counts under the minimum disappear entirely (a
 * "1 friend recommends" badge identifies the friend), and named friends
 * never outnumber the count. Applied by the server and again by the widget.
 */
export function visibleSocialProof(proof: SocialProof): VisibleSocialProof {
  const minimum = Math.max(1, proof.minimumCount);
  const friendsCount = proof.friends.count;
  return {
    friends:
      friendsCount >= minimum
        ? { count: friendsCount, named: proof.friends.named.slice(0, Math.min(3, friendsCount)) }
        : null,
    recent: proof.recent.filter((activity) => activity.count >= minimum),
  };
}
