import {
  API_ROUTES,
  ConversionInputSchema,
  INVITE_PARAM,
  InviteCodeSchema,
  InviteInputSchema,
  ProgrammeInputSchema,
  advanceInvitation,
  createInviteCode,
  inviterRewardsFor,
  isConversion,
  isProgrammeOpen,
  isSelfReferral,
  maskIdentity,
  nextTier,
  programmeForInviter,
  safeLinkUrl,
} from '@koubei/core';
import type {
  InvitationState,
  Invite,
  InviteLanding,
  InviterStatus,
  ReferralLeaderboard,
  ReferralProgramme,
  Reward,
} from '@koubei/core';
import type { Context } from 'hono';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { Queryable } from '../db/database.ts';
import { json } from '../db/database.ts';
import type { AppEnv, AppServices, StoreRow } from '../http/context.ts';
import { cachedJson } from '../http/cache.ts';
import { audit } from './merchant-actions.ts';
import { ProblemError } from '../http/problem.ts';
import { readJsonBody } from '../http/json-body.ts';
import { issueCustomerToken, readCustomerToken } from '../http/customer-token.ts';
import { newId } from './public-writes.ts';

// The referral programme on the server: the store's backend (merchant API)
// creates invites and reports sign-ups and purchases; the storefront (public
// API) records visits through invite links and shows landing and status.
// The rules themselves live in @koubei/core so the widgets show the same.

interface ProgrammeRow {
  id: string;
  name: string;
  active: boolean;
  conversion: 'sign-up' | 'purchase';
  inviter_reward: Reward;
  invitee_reward: Reward;
  tiers: ReferralProgramme['tiers'];
  max_rewards_per_inviter: number | null;
  max_invites_per_day: number;
  expires_at: Date | string | null;
}

interface InviteRow {
  code: string;
  programme_id: string;
  customer_id: string;
  email: string | null;
  device_id: string | null;
  display_name: string | null;
  landing_url: string;
  leaderboard_opt_in: boolean;
  created_at: Date | string;
}

interface InvitationRow {
  id: string;
  code: string;
  invitee_customer_id: string | null;
  invitee_email: string | null;
  invitee_device_id: string | null;
  state: InvitationState;
  updated_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toProgramme(row: ProgrammeRow): ReferralProgramme {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    conversion: row.conversion,
    inviterReward: row.inviter_reward,
    inviteeReward: row.invitee_reward,
    tiers: row.tiers,
    maxRewardsPerInviter: row.max_rewards_per_inviter,
    maxInvitesPerDay: row.max_invites_per_day,
    expiresAt: row.expires_at === null ? null : iso(row.expires_at),
  };
}

/** The invite link carries core's `INVITE_PARAM`, which the widgets read and keep first-party. */
function toInvite(row: InviteRow): Invite {
  const url = new URL(row.landing_url);
  url.searchParams.set(INVITE_PARAM, row.code);
  return {
    code: row.code,
    url: url.href,
    programmeId: row.programme_id,
    createdAt: iso(row.created_at),
  };
}

async function programmeOf(db: Queryable, store: string): Promise<ProgrammeRow | undefined> {
  const [row] = await db.query<ProgrammeRow>(
    'select * from referral_programmes where store_id = $1',
    [store],
  );
  return row;
}

async function inviteOf(
  db: Queryable,
  store: string,
  code: string,
  lock = false,
): Promise<InviteRow> {
  const [row] = await db.query<InviteRow>(
    `select * from referral_invites where store_id = $1 and code = $2${lock ? ' for update' : ''}`,
    [store, code],
  );
  if (!row) throw new ProblemError(404, 'No such invite code');
  return row;
}

/** What a customer bought, once per product; "friends recommended" counts buyers. */
export async function recordPurchases(
  db: Queryable,
  store: string,
  customerId: string,
  products: readonly string[],
  at: number,
): Promise<number> {
  let recorded = 0;
  for (const product of new Set(products)) {
    const rows = await db.query(
      `insert into customer_purchases (store_id, customer_id, product_id, purchased_at)
       values ($1, $2, $3, $4) on conflict do nothing returning 1`,
      [store, customerId, product, new Date(at)],
    );
    recorded += rows.length;
  }
  return recorded;
}

/**
 * Erasure of a customer known by `email` (in their customer record, their own
 * invite or a friend's invitation) or by the store's `customerId`: the
 * customer record (name, email, avatar, consent), connections either way and
 * purchases are deleted. Referral rows stay, because they are also the
 * inviter's and the friends' history and rewards, but hold nothing of the
 * person: their invitations lose email, device and customer id (the inviter
 * sees "a friend"), and their own invite loses email, name, device and
 * leaderboard place, its customer id replaced by a random one.
 */
export async function eraseCustomer(
  tx: Queryable,
  store: string,
  email: string,
  customerId: string | null,
): Promise<void> {
  const rows = await tx.query<{ id: string }>(
    `select customer_id as id from customers where store_id = $1 and lower(email) = lower($2)
     union select customer_id from referral_invites where store_id = $1 and lower(email) = lower($2)
     union select invitee_customer_id from referral_invitations
       where store_id = $1 and lower(invitee_email) = lower($2) and invitee_customer_id is not null`,
    [store, email],
  );
  const ids = [...new Set([...rows.map((row) => row.id), ...(customerId ? [customerId] : [])])];
  await tx.query('delete from customers where store_id = $1 and customer_id = any($2)', [
    store,
    ids,
  ]);
  await tx.query(
    'delete from customer_connections where store_id = $1 and (customer_id = any($2) or friend_id = any($2))',
    [store, ids],
  );
  await tx.query('delete from customer_purchases where store_id = $1 and customer_id = any($2)', [
    store,
    ids,
  ]);
  await tx.query(
    `update referral_invitations set invitee_customer_id = null, invitee_email = null,
       invitee_device_id = null
     where store_id = $1 and (invitee_customer_id = any($2) or lower(invitee_email) = lower($3))`,
    [store, ids, email],
  );
  const invites = await tx.query<{ code: string }>(
    `select code from referral_invites
     where store_id = $1 and (customer_id = any($2) or lower(email) = lower($3))`,
    [store, ids, email],
  );
  for (const { code } of invites) {
    await tx.query(
      `update referral_invites set customer_id = $3, email = null, display_name = null,
         device_id = null, leaderboard_opt_in = false
       where store_id = $1 and code = $2`,
      [store, code, `erased-${newId()}`],
    );
  }
}

/** A coupon reward gets its own code when issued; other kinds are credited by the store. */
function issue(reward: Reward): Reward {
  return reward.kind === 'coupon' ? { ...reward, code: `KB-${createInviteCode()}` } : reward;
}

/**
 * What the inviter sees: the programme (open or ended, both rewards, tiers),
 * their invitations (masked), rewards earned and the next tier.
 */
async function statusOf(
  db: Queryable,
  store: string,
  invite: InviteRow,
  now: number,
): Promise<InviterStatus> {
  const programmeRow = await programmeOf(db, store);
  // An invite always belongs to the store's programme (foreign key); this is for the type.
  if (!programmeRow) throw new ProblemError(409, 'This store has no referral programme');
  const programme = toProgramme(programmeRow);
  const invitations = await db.query<InvitationRow>(
    'select * from referral_invitations where store_id = $1 and code = $2 order by created_at desc, id limit 200',
    [store, invite.code],
  );
  const rewards = await db.query<{ reward: Reward }>(
    `select r.reward from referral_rewards r join referral_invitations i
       on i.store_id = r.store_id and i.id = r.invitation_id
     where r.store_id = $1 and i.code = $2 and r.side = 'inviter' order by r.created_at, r.position`,
    [store, invite.code],
  );
  const conversions = invitations.filter((row) => row.state === 'rewarded').length;
  const view = programmeForInviter(programme, now);
  return {
    invite: toInvite(invite),
    programme: view,
    invitations: invitations.map((row) => ({
      id: row.id,
      // Email if the store told us, else nothing: a device id means nothing to a person.
      inviteeMasked: row.invitee_email ? maskIdentity(row.invitee_email) : '',
      state: row.state,
      updatedAt: iso(row.updated_at),
    })),
    conversions,
    rewardsEarned: rewards.map((row) => row.reward),
    nextTier: nextTier(programme, conversions),
  };
}

/** The merchant side: programme settings, invites for customers, conversions. */
export function merchantReferralRoutes(services: AppServices) {
  const { db } = services;
  const app = new Hono<{ Variables: { merchantStore: StoreRow } }>();

  app.get('/referral-programme', async (c) => {
    const row = await programmeOf(db, c.var.merchantStore.id);
    if (!row) throw new ProblemError(404, 'This store has no referral programme yet');
    return c.json(toProgramme(row));
  });

  app.put('/referral-programme', async (c) => {
    const store = c.var.merchantStore.id;
    const input = await readJsonBody(c, ProgrammeInputSchema);
    const tierCounts = input.tiers.map((tier) => tier.conversions);
    if (new Set(tierCounts).size !== tierCounts.length) {
      throw new ProblemError(422, 'Two tiers need the same number of conversions', [
        { path: 'tiers', message: 'Each tier needs its own conversion count' },
      ]);
    }
    const [row] = await db.query<ProgrammeRow>(
      `insert into referral_programmes (store_id, id, name, active, conversion, inviter_reward,
         invitee_reward, tiers, max_rewards_per_inviter, max_invites_per_day, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (store_id) do update set name = excluded.name, active = excluded.active,
         conversion = excluded.conversion, inviter_reward = excluded.inviter_reward,
         invitee_reward = excluded.invitee_reward, tiers = excluded.tiers,
         max_rewards_per_inviter = excluded.max_rewards_per_inviter,
         max_invites_per_day = excluded.max_invites_per_day, expires_at = excluded.expires_at,
         updated_at = now()
       returning *`,
      [
        store,
        newId(),
        input.name,
        input.active,
        input.conversion,
        json(input.inviterReward),
        json(input.inviteeReward),
        json(input.tiers),
        input.maxRewardsPerInviter,
        input.maxInvitesPerDay,
        input.expiresAt,
      ],
    );
    await audit(db, store, 'referral-programme:set', { target: 'referral-programme' });
    return c.json(toProgramme(row as ProgrammeRow));
  });

  // One code per customer and programme: asking again returns the same invite.
  app.post('/referral-invites', async (c) => {
    const store = c.var.merchantStore;
    const input = await readJsonBody(c, InviteInputSchema);
    const programme = await programmeOf(db, store.id);
    if (!programme) throw new ProblemError(409, 'Set up the referral programme first');
    // https, or http on this machine only (localhost, 127.0.0.1, [::1]): a shop
    // trying Koubei locally, and tests, link to their own loopback pages.
    const landing = safeLinkUrl(
      input.landingUrl ?? (store.origins[0] ? `${store.origins[0]}/` : null),
      { allowHttpLoopback: true },
    );
    if (!landing) {
      throw new ProblemError(422, 'The invite needs an https landing URL (http only on loopback)', [
        { path: 'landingUrl', message: 'Expected an https URL, or http on localhost or 127.0.0.1' },
      ]);
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const rows = await db.query<InviteRow>(
        `insert into referral_invites (store_id, code, programme_id, customer_id, email, device_id,
           display_name, landing_url, leaderboard_opt_in)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         on conflict do nothing returning *`,
        [
          store.id,
          createInviteCode(),
          programme.id,
          input.customerId,
          input.email ?? null,
          input.deviceId ?? null,
          input.displayName || null,
          landing,
          input.leaderboardOptIn ?? false,
        ],
      );
      const [existing] = await db.query<InviteRow>(
        'select * from referral_invites where store_id = $1 and programme_id = $2 and customer_id = $3',
        [store.id, programme.id, input.customerId],
      );
      const invite = rows[0] ?? existing;
      if (invite) {
        // Handed to the customer's browser so the status and friends widgets can read.
        const token = issueCustomerToken(services, store.id, invite.customer_id);
        return c.json(
          {
            ...toInvite(invite),
            statusToken: token.customerToken,
            statusTokenExpiresAt: token.expiresAt,
          },
          rows[0] ? 201 : 200,
        );
      }
      // Otherwise the random code was taken by another customer: draw again.
    }
    throw new ProblemError(503, 'Could not allocate an invite code; try again');
  });

  app.get('/referral-invites/:code', async (c) => {
    const store = c.var.merchantStore.id;
    const invite = await inviteOf(db, store, c.req.param('code'));
    return c.json(await statusOf(db, store, invite, services.now()));
  });

  /**
   * The store reports a friend's sign-up or purchase. Rewards are issued once
   * per invitation however often the same event arrives; a friend already
   * credited to another inviter, or the inviter themselves, earns nothing.
   */
  app.post('/referral-conversions', async (c) => {
    const store = c.var.merchantStore.id;
    const input = await readJsonBody(c, ConversionInputSchema);
    const now = services.now();
    const credit = () =>
      db.transaction(async (tx) => {
        // Locking the invite serialises conversions of one inviter, so tier counts stay exact.
        const invite = await inviteOf(tx, store, input.code, true);
        const programmeRow = await programmeOf(tx, store);
        if (!programmeRow) throw new ProblemError(409, 'This store has no referral programme');
        const programme = toProgramme(programmeRow);
        const invitee = input.invitee;
        if (
          isSelfReferral(
            { customerId: invite.customer_id, email: invite.email, deviceId: invite.device_id },
            invitee,
          )
        ) {
          return { credited: false, reason: 'self-referral', rewards: [] };
        }
        const [creditedElsewhere] = await tx.query<{ code: string }>(
          `select code from referral_invitations where store_id = $1 and invitee_customer_id = $2
             and state in ('signed-up', 'purchased', 'rewarded') and code <> $3`,
          [store, invitee.customerId, invite.code],
        );
        if (creditedElsewhere) return { credited: false, reason: 'already-referred', rewards: [] };

        // The friend's visit (same device or customer), or a new invitation for a code typed at checkout.
        const [found] = await tx.query<InvitationRow>(
          `select * from referral_invitations where store_id = $1 and code = $2
             and (invitee_customer_id = $3 or (invitee_device_id is not null and invitee_device_id = $4))
           order by (invitee_customer_id = $3) desc limit 1 for update`,
          [store, invite.code, invitee.customerId, invitee.deviceId ?? null],
        );
        const invitation =
          found ??
          (
            await tx.query<InvitationRow>(
              `insert into referral_invitations (store_id, id, code, invitee_customer_id, invitee_email, invitee_device_id, state)
               values ($1, $2, $3, $4, $5, $6, 'invited') returning *`,
              [
                store,
                newId(),
                invite.code,
                invitee.customerId,
                invitee.email ?? null,
                invitee.deviceId ?? null,
              ],
            )
          )[0]!;
        if (invitation.state === 'rewarded') {
          return { credited: false, reason: 'duplicate', state: invitation.state, rewards: [] };
        }
        let state = advanceInvitation(invitation.state, input.event);
        const rewards: { side: 'inviter' | 'invitee'; reward: Reward }[] = [];
        if (isConversion(programme, input.event) && isProgrammeOpen(programme, now)) {
          const [{ count }] = (await tx.query<{ count: number }>(
            `select count(*)::int as count from referral_invitations where store_id = $1 and code = $2 and state = 'rewarded'`,
            [store, invite.code],
          )) as [{ count: number }];
          rewards.push({ side: 'invitee', reward: issue(programme.inviteeReward) });
          for (const reward of inviterRewardsFor(programme, count + 1))
            rewards.push({ side: 'inviter', reward: issue(reward) });
          for (const [position, entry] of rewards.entries()) {
            await tx.query(
              `insert into referral_rewards (store_id, invitation_id, side, position, code, reward)
               values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
              [
                store,
                invitation.id,
                entry.side,
                position,
                entry.reward.kind === 'coupon' ? (entry.reward.code ?? '') : '',
                json(entry.reward),
              ],
            );
          }
          state = 'rewarded';
        }
        if (input.event === 'purchased') {
          await recordPurchases(tx, store, invitee.customerId, input.products ?? [], now);
        }
        await tx.query(
          `update referral_invitations set state = $3, invitee_customer_id = $4,
             invitee_email = coalesce($5, invitee_email), updated_at = now()
           where store_id = $1 and id = $2`,
          [store, invitation.id, state, invitee.customerId, invitee.email ?? null],
        );
        return {
          credited: state === 'rewarded',
          reason:
            state === 'rewarded'
              ? null
              : isProgrammeOpen(programme, now)
                ? 'not-yet'
                : 'programme-closed',
          state,
          rewards,
        };
      });
    try {
      return c.json(await credit());
    } catch (error) {
      // Two inviters' codes converting the same friend at the same moment:
      // the database's unique index lets the first win; the other is told so.
      if ((error as { code?: string }).code !== '23505') throw error;
      return c.json({ credited: false, reason: 'already-referred', rewards: [] });
    }
  });

  return app;
}

function landingOf(invite: InviteRow, programme: ProgrammeRow): InviteLanding {
  return {
    code: invite.code,
    inviterFirstName: invite.display_name,
    inviteeReward: programme.invitee_reward,
    expiresAt: programme.expires_at === null ? null : iso(programme.expires_at),
  };
}

/** The storefront side: landing banner, visits through links, the inviter's status, leaderboard. */
export function publicReferralRoutes(services: AppServices) {
  const { db } = services;
  const app = new Hono<AppEnv>();

  async function openProgramme(c: Context<AppEnv>): Promise<ProgrammeRow> {
    const programme = await programmeOf(db, c.var.store.id);
    if (!programme || !isProgrammeOpen(toProgramme(programme), services.now()))
      throw new ProblemError(410, 'This referral programme has ended');
    return programme;
  }

  function codeParam(value: string | undefined): string {
    const code = (value ?? '').toUpperCase();
    if (!v.is(InviteCodeSchema, code)) throw new ProblemError(404, 'No such invite code');
    return code;
  }

  // Not kept in the read cache: an expiry passes without any write to retire it.
  app.get('/referral/invites/:code', async (c) => {
    const programme = await openProgramme(c);
    const invite = await inviteOf(db, c.var.store.id, codeParam(c.req.param('code')));
    c.header('cache-control', 'no-store');
    return c.json(landingOf(invite, programme));
  });

  /**
   * A visitor arrived through an invite link. Recorded once per device and
   * code; the inviter's own device does not count; an inviter's daily limit
   * stops a script from inflating their list. The visitor sees the landing
   * either way: whether a visit counted is the inviter's business.
   */
  app.post('/referral/visits', async (c) => {
    const store = c.var.store.id;
    const programme = await openProgramme(c);
    const { code, visitor } = await readJsonBody(c, API_ROUTES.referralVisit.body);
    const invite = await inviteOf(db, store, code);
    const ownDevice = isSelfReferral(
      { customerId: invite.customer_id, deviceId: invite.device_id },
      { deviceId: visitor },
    );
    const [{ today }] = (await db.query<{ today: number }>(
      `select count(*)::int as today from referral_invitations
       where store_id = $1 and code = $2 and created_at > now() - interval '1 day'`,
      [store, code],
    )) as [{ today: number }];
    if (!ownDevice && today < programme.max_invites_per_day) {
      await db.query(
        `insert into referral_invitations (store_id, id, code, invitee_device_id, state)
         values ($1, $2, $3, $4, 'visited') on conflict do nothing`,
        [store, newId(), code, visitor],
      );
    }
    return c.json(landingOf(invite, programme));
  });

  // The inviter's own list, for the status widget. POST: the token must not sit in URLs or logs.
  app.post('/referral/status', async (c) => {
    const store = c.var.store.id;
    const { customerToken } = await readJsonBody(c, API_ROUTES.inviterStatus.body);
    const customerId = readCustomerToken(services, store, customerToken);
    const [invite] = await db.query<InviteRow>(
      `select i.* from referral_invites i join referral_programmes p
         on p.store_id = i.store_id and p.id = i.programme_id
       where i.store_id = $1 and i.customer_id = $2`,
      [store, customerId],
    );
    if (!invite) throw new ProblemError(404, 'This customer has no invite yet');
    c.header('cache-control', 'private, no-store');
    return c.json(await statusOf(db, store, invite, services.now()));
  });

  // Campaign leaderboard: inviters who opted in, masked, by rewarded referrals.
  app.get('/referral/leaderboard', async (c) => {
    const rows = await db.query<{
      display_name: string | null;
      email: string | null;
      conversions: number;
    }>(
      `select i.display_name, i.email, count(*)::int as conversions
       from referral_invites i join referral_invitations r on r.store_id = i.store_id and r.code = i.code
       where i.store_id = $1 and i.leaderboard_opt_in and r.state = 'rewarded'
       group by i.code, i.display_name, i.email order by conversions desc, i.code limit 10`,
      [c.var.store.id],
    );
    const board: ReferralLeaderboard = {
      items: rows.map((row, index) => ({
        rank: index + 1,
        name: maskIdentity(row.display_name ?? row.email ?? '?'),
        conversions: row.conversions,
      })),
    };
    return cachedJson(c, board);
  });

  return app;
}
