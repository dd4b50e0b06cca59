import { createInviteCode, inviterRewardsFor } from '@koubei/core';
import type { ReferralProgramme, Reward } from '@koubei/core';
import type { ServerConfig } from '../config.ts';
import type { Database, Queryable } from '../db/database.ts';
import { json } from '../db/database.ts';
import { issueCustomerToken } from '../http/customer-token.ts';
import { DEMO_REFERRAL, DEMO_STORE } from './demo-data.ts';

const DAY = 24 * 3600_000;

async function insertInvite(
  tx: Queryable,
  person: { id: string; code: string; name: string; email: string },
  programmeId: string,
  landingUrl: string,
  at: Date,
) {
  await tx.query(
    `insert into referral_invites (store_id, code, programme_id, customer_id, email, display_name,
       landing_url, leaderboard_opt_in, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, true, $8)`,
    [DEMO_STORE.id, person.code, programmeId, person.id, person.email, person.name, landingUrl, at],
  );
}

async function insertInvitation(
  tx: Queryable,
  code: string,
  invitee: { customerId: string | null; email: string | null; device: string | null },
  state: string,
  at: Date,
): Promise<string> {
  const id = `demo-inv-${code}-${invitee.customerId ?? invitee.device ?? invitee.email}`.replace(
    /[^A-Za-z0-9_-]/g,
    '-',
  );
  await tx.query(
    `insert into referral_invitations (store_id, id, code, invitee_customer_id, invitee_email,
       invitee_device_id, state, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
    [DEMO_STORE.id, id, code, invitee.customerId, invitee.email, invitee.device, state, at],
  );
  return id;
}

async function insertRewards(
  tx: Queryable,
  invitationId: string,
  rewards: readonly { side: 'inviter' | 'invitee'; reward: Reward }[],
  at: Date,
) {
  for (const [position, { side, reward }] of rewards.entries()) {
    const issued =
      reward.kind === 'coupon' ? { ...reward, code: `KB-${createInviteCode()}` } : reward;
    await tx.query(
      `insert into referral_rewards (store_id, invitation_id, side, position, code, reward, created_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        DEMO_STORE.id,
        invitationId,
        side,
        position,
        issued.kind === 'coupon' ? (issued.code ?? '') : '',
        json(issued),
        at,
      ],
    );
  }
}

/**
 * The demo's referral programme (two-sided rewards, a tier at three friends),
 * Mei's invitations in every state with their rewards, the friend who invited
 * her, her connections, her friends' consent, purchases and 4★+ reviews, so
 * the demo storefront's friends badge and invitation status show real data.
 * Runs once: does nothing when the store already has a programme.
 */
export async function seedReferralDemo(
  db: Database,
  options: { landingUrl: string; now?: number },
): Promise<boolean> {
  const store = DEMO_STORE.id;
  const [existing] = await db.query('select 1 from referral_programmes where store_id = $1', [
    store,
  ]);
  if (existing) return false;
  const now = options.now ?? Date.now();
  const { programme: settings, customer: mei, inviter, friends, pending, products } = DEMO_REFERRAL;
  const programme: ReferralProgramme = {
    id: 'demo-programme',
    active: true,
    expiresAt: null,
    ...settings,
    tiers: [...settings.tiers],
  };
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into referral_programmes (store_id, id, name, active, conversion, inviter_reward,
         invitee_reward, tiers, max_rewards_per_inviter, max_invites_per_day, expires_at)
       values ($1, $2, $3, true, $4, $5, $6, $7, $8, $9, null)`,
      [
        store,
        programme.id,
        programme.name,
        programme.conversion,
        json(programme.inviterReward),
        json(programme.inviteeReward),
        json(programme.tiers),
        programme.maxRewardsPerInviter,
        programme.maxInvitesPerDay,
      ],
    );
    // Jun invited Mei a month ago; she bought, so both were rewarded.
    await insertInvite(tx, inviter, programme.id, options.landingUrl, new Date(now - 40 * DAY));
    const meiInvitation = await insertInvitation(
      tx,
      inviter.code,
      { customerId: mei.id, email: mei.email, device: null },
      'rewarded',
      new Date(now - 30 * DAY),
    );
    await insertRewards(
      tx,
      meiInvitation,
      [
        { side: 'invitee', reward: programme.inviteeReward },
        ...inviterRewardsFor(programme, 1).map((reward) => ({ side: 'inviter' as const, reward })),
      ],
      new Date(now - 30 * DAY),
    );

    await insertInvite(tx, mei, programme.id, options.landingUrl, new Date(now - 25 * DAY));
    let rewarded = 0;
    for (const [index, friend] of friends.entries()) {
      const at = new Date(now - (20 - index * 2) * DAY);
      if (friend.via === 'invited' && friend.state) {
        const invitation = await insertInvitation(
          tx,
          mei.code,
          { customerId: friend.id, email: friend.email, device: null },
          friend.state,
          at,
        );
        if (friend.state === 'rewarded') {
          rewarded++;
          await insertRewards(
            tx,
            invitation,
            [
              { side: 'invitee', reward: programme.inviteeReward },
              ...inviterRewardsFor(programme, rewarded).map((reward) => ({
                side: 'inviter' as const,
                reward,
              })),
            ],
            at,
          );
        }
      }
      if (friend.via === 'connection') {
        await tx.query(
          'insert into customer_connections (store_id, customer_id, friend_id) values ($1, $2, $3)',
          [store, mei.id, friend.id],
        );
      }
      await tx.query(
        `insert into customers (store_id, customer_id, display_name, email, show_identity_to_friends)
         values ($1, $2, $3, $4, $5)`,
        [store, friend.id, friend.name, friend.email, friend.consents],
      );
      for (const product of products.slice(0, friend.buys)) {
        await tx.query(
          `insert into customer_purchases (store_id, customer_id, product_id, purchased_at)
           values ($1, $2, $3, $4)`,
          [store, friend.id, product, at],
        );
      }
      if (friend.rates) {
        // One of the product's 4★+ reviews becomes this friend's (by email, as a real one would).
        await tx.query(
          `update reviews set email = $3, author_name = $4 where store_id = $1 and id = (
             select id from reviews where store_id = $1 and product_id = $2 and rating >= 4
               and email is null and status = 'published' order by created_ms desc, id limit 1)`,
          [store, products[0], friend.email, friend.name],
        );
      }
    }
    for (const [index, invitation] of pending.entries()) {
      await insertInvitation(
        tx,
        mei.code,
        { customerId: null, email: invitation.email, device: invitation.device },
        invitation.state,
        new Date(now - index * DAY),
      );
    }
    await tx.query(
      `insert into customers (store_id, customer_id, display_name, email, show_identity_to_friends)
       values ($1, $2, $3, $4, true)`,
      [store, mei.id, mei.name, mei.email],
    );
  });
  return true;
}

/**
 * What to tell the developer after seeding: a fresh token for Mei (tokens
 * expire, so one is made on every start) and how to get another. Dev only:
 * a real store's backend asks the merchant API for its customers' tokens.
 */
export function demoCustomerInstructions(
  config: Pick<ServerConfig, 'secret' | 'publicUrl'> &
    Partial<Pick<ServerConfig, 'customerTokenTtlMs'>>,
  apiKey: string,
): string {
  const { customerToken, expiresAt } = issueCustomerToken(
    { config, now: Date.now },
    DEMO_STORE.id,
    DEMO_REFERRAL.customer.id,
  );
  const product = DEMO_REFERRAL.products[0];
  return [
    `Demo customer "${DEMO_REFERRAL.customer.id}" (${DEMO_REFERRAL.customer.name}), token valid until ${expiresAt}:`,
    `  ${customerToken}`,
    `  Use it as data-customer-token on the social-proof widget of "${product}" (friends badge)`,
    `  and for the invitation status. Another one:`,
    `  curl -X POST -H 'Authorization: Bearer ${apiKey}' ${config.publicUrl}/v1/merchant/customers/${DEMO_REFERRAL.customer.id}/token`,
  ].join('\n');
}
