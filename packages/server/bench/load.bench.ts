// Load on loopback: summaries and review pages from the API server (PGlite,
// and PostgreSQL when KOUBEI_BENCH_DATABASE_URL is set) next to a plain Node
// static file server sending the same bytes, measured in the same run. The
// store also holds one product with KOUBEI_BENCH_REVIEWS reviews (default
// 1 000 000; the seeding time is printed) whose first and a deep page are
// loaded too. Server and load generator share this process: the peak RSS
// printed is of both.
// A benchmark, not a test: it prints a table and never fails on speed.
// Run: pnpm --filter @koubei/server bench
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openPglite, openPostgres } from '../src/db/database.ts';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrations.ts';
import { createPhotoStore } from '../src/photos/photo-store.ts';
import { seedBulkReviews } from '../src/seed/bulk-reviews.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { startServer } from '../src/server.ts';

const DURATION = Number(process.env.KOUBEI_BENCH_SECONDS ?? 8);
const RATE = 500; // requests per second, the target load for cached reads
const CONNECTIONS = 20;
const BIG_PRODUCT = 'teapot-million';
const BIG_COUNT = Number(process.env.KOUBEI_BENCH_REVIEWS ?? 1_000_000);

let peakRss = 0;
const coldTimes: [string, number][] = [];
const rssSampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

interface Row {
  readonly target: string;
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

async function load(name: string, url: string, rate: number | undefined): Promise<Row> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    target: name,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** The same bytes from a plain Node server: the floor for "serving JSON on this machine". */
async function staticServer(bytes: Buffer): Promise<{ url: string; close(): void }> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
    response.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => server.close(),
  };
}

async function benchDatabase(kind: string, db: Database): Promise<Row[]> {
  await migrate(db);
  const dataDir = mkdtempSync(join(tmpdir(), 'koubei-bench-'));
  const photos = await createPhotoStore(join(dataDir, 'photos'));
  const seeded = Date.now();
  await seedDemo({ db, photos, origins: [], apiKey: 'bench-key-0123456789abcdef' });
  console.log(`${kind}: seeded the demo store in ${Date.now() - seeded} ms`);
  const bulk = Date.now();
  await seedBulkReviews(db, { store: 'tea-house', product: BIG_PRODUCT, count: BIG_COUNT });
  console.log(
    `${kind}: seeded ${BIG_COUNT.toLocaleString('en')} reviews of one product in ${Date.now() - bulk} ms`,
  );
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1',
      secret: 'bench-secret-0123456789abcdef0123',
      photoDir: join(dataDir, 'photos'),
    },
    db,
    { readsPerMinute: Number.MAX_SAFE_INTEGER },
  );
  const paths = {
    summaries:
      '/v1/tea-house/summaries?products=teapot-celadon,teapot-yixing,gaiwan-white,cup-set-blue,kettle-cast-iron,tea-tray-bamboo,longjing-2026,pu-erh-cake,jasmine-pearls,oolong-tieguanyin,white-peony,black-dianhong',
    'review page': '/v1/tea-house/products/teapot-celadon/reviews?sort=helpful&limit=10',
    [`review page, ${BIG_COUNT.toLocaleString('en')} reviews`]: `/v1/tea-house/products/${BIG_PRODUCT}/reviews?sort=newest&limit=10`,
  };
  // A deep page of the big product: follow the cursor 20 pages in (these
  // requests warm nothing that the cold timings below read: other URLs).
  let deep = paths[`review page, ${BIG_COUNT.toLocaleString('en')} reviews`] as string;
  for (let i = 0; i < 20; i++) {
    const page = (await (await fetch(`${server.url}${deep}`)).json()) as { nextCursor: string };
    deep = `/v1/tea-house/products/${BIG_PRODUCT}/reviews?sort=newest&limit=10&cursor=${encodeURIComponent(page.nextCursor)}`;
  }
  (paths as Record<string, string>)['21st review page of the big product'] = deep;
  const rows: Row[] = [];
  for (const [name, path] of Object.entries(paths)) {
    // The first request misses the server's read cache: the query's own time.
    const coldStart = performance.now();
    await (await fetch(`${server.url}${path}`)).arrayBuffer();
    coldTimes.push([`${kind} ${name}`, performance.now() - coldStart]);
    const bytes = Buffer.from(await (await fetch(`${server.url}${path}`)).arrayBuffer());
    const plain = await staticServer(bytes);
    for (const [label, rate] of [
      [`${RATE} req/s`, RATE],
      ['max', undefined],
    ] as const) {
      rows.push(await load(`${kind} ${name} (${label})`, `${server.url}${path}`, rate));
      rows.push(await load(`static same bytes ${name} (${label})`, plain.url, rate));
    }
    plain.close();
  }
  await server.close();
  await db.close();
  return rows;
}

const rows: Row[] = [];
rows.push(...(await benchDatabase('PGlite', await openPglite(null))));
if (process.env.KOUBEI_BENCH_DATABASE_URL) {
  const db = await openPostgres(process.env.KOUBEI_BENCH_DATABASE_URL);
  await db.query('drop schema if exists koubei_bench cascade');
  await db.query('create schema koubei_bench');
  await db.close();
  const url = `${process.env.KOUBEI_BENCH_DATABASE_URL}?options=-c%20search_path%3Dkoubei_bench`;
  rows.push(...(await benchDatabase('PostgreSQL', await openPostgres(url))));
}

clearInterval(rssSampler);
console.log(
  `\nLoopback, ${CONNECTIONS} connections, ${DURATION} s each, Node ${process.version}; peak RSS of server + load generator ${Math.round(peakRss / 1e6)} MB\n`,
);
console.log('| target | requests | req/s | p50 ms | p99 ms | errors |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows)
  console.log(
    `| ${row.target} | ${row.requests} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.errors} |`,
  );

console.log('\nFirst (uncached) request of each path, one request:\n');
console.log('| path | ms |');
console.log('| --- | ---: |');
for (const [name, ms] of coldTimes) console.log(`| ${name} | ${ms.toFixed(1)} |`);
