import type { NamedFriend } from '@koubei/core';
import { safeLinkUrl } from '@koubei/core';
import type { Queryable } from './database.ts';

/** Named friends sent at most; the badge shows three. */
const NAMED_LIMIT = 3;

/**
 * The customer's friends: who invited them and whom they invited (any
 * invitation the store tied to a customer id), and the connections the store
 * reported, read both ways. $1 store, $2 customer.
 */
const FRIENDS = `
  select i.customer_id as friend from referral_invitations r
    join referral_invites i on i.store_id = r.store_id and i.code = r.code
    where r.store_id = $1 and r.invitee_customer_id = $2
  union
  select r.invitee_customer_id from referral_invites i
    join referral_invitations r on r.store_id = i.store_id and r.code = i.code
    where i.store_id = $1 and i.customer_id = $2 and r.invitee_customer_id is not null
  union
  select friend_id from customer_connections where store_id = $1 and customer_id = $2
  union
  select customer_id from customer_connections where store_id = $1 and friend_id = $2`;

/**
 * Email addresses known for the friends: from their customer record and from
 * referrals. Reviews carry an email, not a customer id; this is how a friend's
 * review is recognised. The addresses never leave the query.
 */
const FRIEND_EMAILS = `
  select customer_id as friend, lower(email) as email from customers
    where store_id = $1 and email is not null and customer_id in (select friend from friends)
  union
  select customer_id, lower(email) from referral_invites
    where store_id = $1 and email is not null and customer_id in (select friend from friends)
  union
  select invitee_customer_id, lower(invitee_email) from referral_invitations
    where store_id = $1 and invitee_email is not null
      and invitee_customer_id in (select friend from friends)`;

interface RecommenderRow {
  friend: string;
  display_name: string | null;
  avatar_url: string | null;
  consented: boolean;
}

/**
 * How many of the customer's friends recommend the product (reviewed it with
 * 4 or 5 stars, or bought it), and the few who consented to be named.
 * Below `minimum` the answer is zero and nameless: a small group would
 * identify its members.
 */
export async function friendsWhoRecommend(
  db: Queryable,
  store: string,
  customerId: string,
  product: string,
  minimum: number,
): Promise<{ count: number; named: NamedFriend[] }> {
  const rows = await db.query<RecommenderRow>(
    `with friends as (select friend from (${FRIENDS}) f where friend <> $2),
     friend_emails as (${FRIEND_EMAILS}),
     recommenders as (
       select friend from customer_purchases p join friends f on p.customer_id = f.friend
         where p.store_id = $1 and p.product_id = $3
       union
       select e.friend from friend_emails e join reviews r on lower(r.email) = e.email
         where r.store_id = $1 and r.product_id = $3 and r.status = 'published' and r.rating >= 4
     )
     select r.friend, c.display_name, c.avatar_url,
       coalesce(c.show_identity_to_friends and c.display_name is not null, false) as consented
     from recommenders r left join customers c on c.store_id = $1 and c.customer_id = r.friend
     order by consented desc, c.updated_at desc nulls last, r.friend collate "C"`,
    [store, customerId, product],
  );
  if (rows.length < minimum) return { count: 0, named: [] };
  const named = rows
    .filter((row) => row.consented)
    .slice(0, NAMED_LIMIT)
    .map((row) => {
      const avatar = row.avatar_url ? safeLinkUrl(row.avatar_url) : null;
      return {
        displayName: row.display_name as string,
        ...(avatar ? { avatarUrl: avatar } : {}),
      };
    });
  return { count: rows.length, named };
}
