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
