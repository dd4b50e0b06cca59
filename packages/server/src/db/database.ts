import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type SqlValue =
  string | number | boolean | null | Date | readonly unknown[] | Record<string, unknown>;

/** What the rest of the server needs from a database: one interface for PGlite and PostgreSQL. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction; everything or nothing is stored. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

/**
 * JSON text for a jsonb column. Needed for arrays: a bare JavaScript array is
 * sent as a PostgreSQL array (for `= any($1)` and text[] columns), and an
 * empty one would land in jsonb as `{}`.
 */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

function toParam(value: SqlValue): unknown {
  // Plain objects can only mean jsonb; arrays stay PostgreSQL arrays (see json()).
  if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !Array.isArray(value)
  ) {
    return JSON.stringify(value);
  }
  return value;
}

/** The embedded database: PostgreSQL compiled to WebAssembly, in a directory (or memory for tests). */
export async function openPglite(dataDir: string | null): Promise<Database> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const run = (target: Pick<PGlite, 'query'>) =>
    async function query<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
      return (await target.query<T>(sql, params.map(toParam))).rows;
    };
  return {
    kind: 'pglite',
    query: run(db),
    transaction: (work) => db.transaction((tx) => work({ query: run(tx) })),
    close: () => db.close(),
  };
}

/** A real PostgreSQL server (DATABASE_URL). */
export async function openPostgres(url: string): Promise<Database> {
  // int8 (bigint) comes back as a string by default; our bigints are epoch milliseconds, safe as numbers.
  pg.types.setTypeParser(20, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that PostgreSQL closes (a restart, a failover, an
  // administrator) is reported here; without a listener Node treats the
  // 'error' event as fatal and the whole API goes down. The pool has already
  // dropped that connection and opens a new one on the next query.
  pool.on('error', (error: Error & { code?: string }) => {
    console.error('koubei-server: database connection lost:', error.code ?? error.message);
  });
  await pool.query('select 1');
  const query = async <T>(
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params: readonly SqlValue[] = [],
  ) => (await client.query(sql, params.map(toParam) as unknown[])).rows as T[];
  return {
    kind: 'postgres',
    query: (sql, params) => query(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      // A connection lost mid-transaction also fires 'error' on the client,
      // which the pool does not listen to while the client is checked out;
      // unheard, that event would crash the process.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
      };
      client.on('error', onError);
      let failed: unknown;
      try {
        await client.query('begin');
        const result = await work({ query: (sql, params) => query(client, sql, params) });
        await client.query('commit');
        return result;
      } catch (error) {
        failed = error;
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        // After a failure the connection may be dead: destroy it rather than
        // hand it to the next request. The listener stays, as the socket's
        // close may still be reported after this.
        client.release(lost ?? (failed instanceof Error ? failed : undefined));
        if (!lost && !failed) client.off('error', onError);
      }
    },
    close: () => pool.end(),
  };
}
