import type { Database } from './database.ts';

/**
 * Schema changes, in order, applied once each on start. Never edit or remove
 * a migration that has shipped: add a new one. Nothing here drops data.
 * The same SQL runs on PGlite and on PostgreSQL.
 */
export const MIGRATIONS: readonly {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}[] = [
  {
    id: 1,
    name: 'stores, reviews, summaries, photos, votes, events',
    sql: `
create table stores (
  id text primary key,
  name text not null,
  -- Storefront origins allowed to send reviews, votes and events (CORS).
  origins text[] not null default '{}',
  moderation text not null default 'publish-first' check (moderation in ('publish-first', 'moderate-first')),
  api_key_hash text,
  created_at timestamptz not null default now()
);

create table products (
  store_id text not null references stores(id),
  id text not null,
  name text not null,
  primary key (store_id, id)
);

create table reviews (
  store_id text not null references stores(id),
  id text not null,
  product_id text not null,
  rating integer not null check (rating between 1 and 5),
  title text not null default '',
  body text not null,
  language text not null,
  author_name text not null,
  -- Never returned by public endpoints; kept to confirm and to erase.
  email text,
  verified_purchase boolean not null default false,
  incentive jsonb,
  recommends boolean,
  helpful_count integer not null default 0,
  unhelpful_count integer not null default 0,
  -- wilsonLowerBound(helpful, unhelpful) from @koubei/core, kept so "most helpful" can be sorted in SQL.
  helpful_score double precision not null default 0,
  media_count integer not null default 0,
  aspects jsonb not null default '[]',
  reply jsonb,
  status text not null check (status in ('pending', 'published', 'hidden', 'flagged')),
  created_ms bigint not null,
  updated_ms bigint not null,
  primary key (store_id, id)
);
create index reviews_product on reviews (store_id, product_id, status);

create table summaries (
  store_id text not null,
  product_id text not null,
  -- The RatingAggregate of @koubei/core, updated in the same transaction as every review change.
  aggregate jsonb not null,
  version bigint not null default 0,
  primary key (store_id, product_id)
);

create table photos (
  store_id text not null references stores(id),
  id text not null,
  review_id text,
  width integer not null,
  height integer not null,
  thumbnail_width integer not null,
  thumbnail_height integer not null,
  alt text not null default '',
  created_ms bigint not null,
  primary key (store_id, id)
);
create index photos_review on photos (store_id, review_id);

create table votes (
  store_id text not null,
  review_id text not null,
  voter text not null,
  helpful boolean not null,
  primary key (store_id, review_id, voter)
);

create table idempotency_keys (
  store_id text not null,
  key text not null,
  request_hash text not null,
  -- null while the first request is still being handled
  response jsonb,
  response_status integer,
  created_ms bigint not null,
  primary key (store_id, key)
);

create table events (
  store_id text not null,
  type text not null,
  widget text not null,
  product_id text,
  at timestamptz not null,
  page_view text not null,
  detail jsonb
);
create index events_store_time on events (store_id, at);

create table testimonials (
  store_id text not null references stores(id),
  id text not null,
  quote text not null,
  author_name text not null,
  author_role text,
  author_company text,
  avatar_url text,
  rating integer,
  language text not null,
  source text not null,
  source_url text,
  review_id text,
  featured boolean not null default false,
  position integer not null default 0,
  created_ms bigint not null,
  primary key (store_id, id)
);

create table audit_log (
  store_id text not null,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  review_id text,
  reason text
);
`,
  },
  {
    id: 2,
    name: 'referral programmes, invites, invitations, rewards',
    sql: `
create table referral_programmes (
  store_id text primary key references stores(id),
  id text not null unique,
  name text not null,
  active boolean not null,
  conversion text not null check (conversion in ('sign-up', 'purchase')),
  inviter_reward jsonb not null,
  invitee_reward jsonb not null,
  tiers jsonb not null default '[]',
  max_rewards_per_inviter integer,
  max_invites_per_day integer not null,
  expires_at timestamptz,
  updated_at timestamptz not null default now()
);

create table referral_invites (
  store_id text not null references stores(id),
  code text not null,
  programme_id text not null,
  customer_id text not null,
  email text,
  device_id text,
  display_name text,
  landing_url text not null,
  leaderboard_opt_in boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (store_id, code),
  unique (store_id, programme_id, customer_id)
);

-- One row per friend an invite reached; the state only moves forward.
create table referral_invitations (
  store_id text not null,
  id text not null,
  code text not null,
  invitee_customer_id text,
  invitee_email text,
  invitee_device_id text,
  state text not null check (state in ('invited', 'visited', 'signed-up', 'purchased', 'rewarded')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (store_id, id),
  foreign key (store_id, code) references referral_invites(store_id, code)
);
create index referral_invitations_by_code on referral_invitations (store_id, code, created_at);
create unique index referral_invitations_device on referral_invitations (store_id, code, invitee_device_id) where invitee_device_id is not null;
-- A friend counts for one inviter only: the first conversion wins.
create unique index referral_invitee_converted on referral_invitations (store_id, invitee_customer_id) where state in ('signed-up', 'purchased', 'rewarded');

-- Issued rewards; the unique key makes issuing idempotent.
create table referral_rewards (
  store_id text not null,
  invitation_id text not null,
  side text not null check (side in ('inviter', 'invitee')),
  position integer not null,
  code text not null,
  reward jsonb not null,
  created_at timestamptz not null default now(),
  primary key (store_id, invitation_id, side, position)
);
`,
  },
  {
    id: 3,
    name: 'customers, connections and purchases for friends recommended',
    sql: `
-- What the store tells us about a customer. Name and avatar reach friends
-- only with show_identity_to_friends; the email only links reviews.
create table customers (
  store_id text not null references stores(id),
  customer_id text not null,
  display_name text,
  avatar_url text,
  email text,
  show_identity_to_friends boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (store_id, customer_id)
);
create index customers_email on customers (store_id, lower(email)) where email is not null;

-- Connections the store reports (address book, follows). Read both ways:
-- if Mei lists Lei, Lei's friends include Mei too.
create table customer_connections (
  store_id text not null references stores(id),
  customer_id text not null,
  friend_id text not null,
  primary key (store_id, customer_id, friend_id),
  check (customer_id <> friend_id)
);
create index customer_connections_reverse on customer_connections (store_id, friend_id);

-- Who bought what: from the merchant's purchase reports and referral conversions.
create table customer_purchases (
  store_id text not null references stores(id),
  customer_id text not null,
  product_id text not null,
  purchased_at timestamptz not null default now(),
  primary key (store_id, customer_id, product_id)
);
create index customer_purchases_product on customer_purchases (store_id, product_id, purchased_at);

-- Friends in the referral graph are looked up from the invitee's side too.
create index referral_invitations_invitee on referral_invitations (store_id, invitee_customer_id) where invitee_customer_id is not null;
create index referral_invites_customer on referral_invites (store_id, customer_id);
create index reviews_email on reviews (store_id, lower(email)) where email is not null;
`,
  },
  {
    id: 4,
    name: 'merchant console: first reply time, inbox order, audit sequence and targets, theme',
    sql: `
-- When a review was first answered; stays when the reply is later edited or removed.
alter table reviews add column first_reply_ms bigint;
update reviews set first_reply_ms = (extract(epoch from (reply->>'createdAt')::timestamptz) * 1000)::bigint where reply is not null;
create index reviews_inbox on reviews (store_id, created_ms desc, id desc);
-- Entries made in one transaction share their timestamp; the sequence orders and pages them.
alter table audit_log add column seq bigserial;
-- What an entry is about when it is not a review (a testimonial, the settings).
alter table audit_log add column target text;
create index audit_log_by_store on audit_log (store_id, seq desc);
-- Theme tokens the console's script tag carries (data-tokens).
alter table stores add column theme jsonb not null default '{}'
`,
  },
  {
    // Id 6: ids 3 to 5 belong to the referral graph, the merchant console
    // and the reliability work, landing at the same time.
    id: 6,
    name: 'review page indexes, one per sort order',
    // A review page is `where store, product, published order by <key> limit n`.
    // Without these, a product with 200 000 reviews took 830 ms per uncached
    // page (every row sorted); with them the first rows of the index answer.
    // The expressions match SORT_SQL in review-queries.ts exactly, or the
    // planner cannot use them.
    sql: `
create index reviews_page_newest on reviews (store_id, product_id, (-created_ms), (id collate "C"))
  where status = 'published';
create index reviews_page_oldest on reviews (store_id, product_id, created_ms, (id collate "C"))
  where status = 'published';
create index reviews_page_highest on reviews (store_id, product_id, (-rating), (-created_ms), (id collate "C"))
  where status = 'published';
create index reviews_page_lowest on reviews (store_id, product_id, rating, (-created_ms), (id collate "C"))
  where status = 'published';
create index reviews_page_helpful on reviews (store_id, product_id, (-helpful_score), (-created_ms), (id collate "C"))
  where status = 'published';
`,
  },
];

/**
 * Applies what is missing, each migration in its own transaction, recorded in
 * `schema_migrations`. Safe to run on every start and from several processes
 * (PostgreSQL: an advisory lock makes them take turns).
 */
export async function migrate(db: Database): Promise<number[]> {
  await db.query(
    'create table if not exists schema_migrations (id integer primary key, name text not null, applied_at timestamptz not null default now())',
  );
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(4211)');
      const rows = await tx.query('select 1 from schema_migrations where id = $1', [migration.id]);
      if (rows.length > 0) return false;
      for (const statement of migration.sql.split(/;\s*\n/).filter((s) => s.trim()))
        await tx.query(statement);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}
