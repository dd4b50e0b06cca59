// Soak: sustained mixed read/write traffic against the API on loopback, on
// PGlite and (when KOUBEI_TEST_DATABASE_URL is set) PostgreSQL. Prints the
// request rate, latency percentiles and error rate per kind of request, then
// checks every acknowledged write against the database: each review the API
// answered 201 for is stored exactly once, retried keys made no duplicates,
// and each product's rating summary counts its reviews.
// Fails (exit 1) on any error, lost write or duplicate.
//   pnpm test:soak                         (KOUBEI_SOAK_SECONDS per database, default 180)
//   KOUBEI_SOAK_SECONDS=15 pnpm test:soak  (the short run .ci/run makes)
import { createIdempotencyKey } from '@koubei/core';
import { sign } from '../src/http/signing.ts';
import type { TestServer } from '../test/harness.ts';
import { DATABASES, STORE, startTestServer } from '../test/harness.ts';

const SECONDS = Number(process.env.KOUBEI_SOAK_SECONDS ?? 180);
const CONNECTIONS = Number(process.env.KOUBEI_SOAK_CONNECTIONS ?? 16);
const SECRET = 'test-secret-0123456789abcdef0123456789'; // the harness's signing secret
const PRODUCTS = Array.from({ length: 12 }, (_, i) => `soak-${i + 1}`);

type Kind =
  | 'summaries'
  | 'reviews'
  | 'media'
  | 'testimonials'
  | 'social-proof'
  | 'submit'
  | 'submit-retry'
  | 'vote'
  | 'events';

/** Share of traffic per kind: mostly reads, as on a shop, with a steady stream of writes. */
const MIX: readonly [Kind, number][] = [
  ['summaries', 30],
  ['reviews', 25],
  ['media', 5],
  ['testimonials', 5],
  ['social-proof', 5],
  ['submit', 15],
  ['submit-retry', 5],
  ['vote', 5],
  ['events', 5],
];
const TOTAL_WEIGHT = MIX.reduce((sum, [, weight]) => sum + weight, 0);

interface Sample {
  readonly kind: Kind;
  readonly ms: number;
  readonly ok: boolean;
  readonly detail?: string;
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

function chooseKind(): Kind {
  let roll = Math.random() * TOTAL_WEIGHT;
  for (const [kind, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'summaries';
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function soak(kind: 'pglite' | 'postgres'): Promise<boolean> {
  const server: TestServer = await startTestServer(kind);
  try {
    const acknowledged = new Map<string, { product: string; reviewId: string; body: string }>();
    const reviewIds: string[] = [];
    const samples: Sample[] = [];
    const deadline = Date.now() + SECONDS * 1000;

    const submit = (product: string, key: string, body: string) =>
      server.request(`/v1/${STORE}/products/${product}/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body,
      });

    async function one(kind: Kind): Promise<Sample> {
      const started = performance.now();
      const product = pick(PRODUCTS);
      let response: Response;
      let expected = 200;
      let check: ((response: Response) => Promise<string | null>) | undefined;
      switch (kind) {
        case 'summaries':
          response = await server.request(
            `/v1/${STORE}/summaries?products=${PRODUCTS.slice(0, 6).join(',')}`,
          );
          break;
        case 'reviews':
          response = await server.request(
            `/v1/${STORE}/products/${product}/reviews?sort=${pick(['newest', 'helpful', 'highest', 'lowest'])}&limit=10`,
          );
          break;
        case 'media':
          response = await server.request(`/v1/${STORE}/media?limit=24`);
          break;
        case 'testimonials':
          response = await server.request(`/v1/${STORE}/testimonials`);
          break;
        case 'social-proof':
          response = await server.request(`/v1/${STORE}/products/${product}/social-proof`);
          break;
        case 'submit': {
          const key = createIdempotencyKey();
          const body = JSON.stringify({
            rating: 1 + Math.floor(Math.random() * 5),
            title: 'Soak',
            body: `Review written under load at ${new Date().toISOString()}.`,
            authorName: 'Load Tester',
            language: 'en',
            formToken: sign(`form:${Date.now() - 10_000}`, SECRET),
          });
          response = await submit(product, key, body);
          expected = 201;
          check = async (r) => {
            const { reviewId } = (await r.json()) as { reviewId: string };
            acknowledged.set(key, { product, reviewId, body });
            reviewIds.push(reviewId);
            return null;
          };
          break;
        }
        case 'submit-retry': {
          // A client that lost the answer sends the same request again.
          const known = [...acknowledged.entries()];
          if (known.length === 0) return one('submit');
          const [key, first] = pick(known);
          response = await submit(first.product, key, first.body);
          expected = 201;
          check = async (r) => {
            const { reviewId } = (await r.json()) as { reviewId: string };
            return reviewId === first.reviewId
              ? null
              : `retry made ${reviewId}, not ${first.reviewId}`;
          };
          break;
        }
        case 'vote': {
          if (reviewIds.length === 0) return one('summaries');
          response = await server.request(`/v1/${STORE}/reviews/${pick(reviewIds)}/votes`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ voter: createIdempotencyKey(), helpful: Math.random() < 0.8 }),
          });
          break;
        }
        case 'events':
          response = await server.request(`/v1/${STORE}/events`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain;charset=UTF-8' },
            body: JSON.stringify({
              events: [
                {
                  v: 1,
                  type: 'impression',
                  store: STORE,
                  widget: 'stars',
                  product,
                  at: new Date().toISOString(),
                  pageView: createIdempotencyKey(),
                },
              ],
            }),
          });
          expected = 202;
          break;
      }
      const problem =
        response.status !== expected ? `HTTP ${response.status}` : await check?.(response);
      if (!check) await response.arrayBuffer();
      return {
        kind,
        ms: performance.now() - started,
        ok: !problem,
        ...(problem ? { detail: problem } : {}),
      };
    }

    async function worker(): Promise<void> {
      while (Date.now() < deadline) {
        const kind = chooseKind();
        try {
          samples.push(await one(kind));
        } catch (error) {
          samples.push({ kind, ms: 0, ok: false, detail: String(error) });
        }
      }
    }

    const started = Date.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    const elapsed = (Date.now() - started) / 1000;

    // ------------------------------------------------------------- report
    console.log(
      `\n${kind}: ${SECONDS} s, ${CONNECTIONS} connections, ${samples.length} requests, ${Math.round(samples.length / elapsed)} req/s`,
    );
    console.log('kind           requests   p50 ms   p95 ms   p99 ms   errors');
    const rows = [...MIX.map(([k]) => k), 'all' as const];
    for (const row of rows) {
      const selected = row === 'all' ? samples : samples.filter((s) => s.kind === row);
      const times = selected.map((s) => s.ms).sort((a, b) => a - b);
      const errors = selected.filter((s) => !s.ok).length;
      console.log(
        `${row.padEnd(14)} ${String(selected.length).padStart(8)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)} ${percentile(times, 99).toFixed(1).padStart(8)} ${String(errors).padStart(8)}`,
      );
    }
    const failures = samples.filter((s) => !s.ok);
    const errorRate = samples.length ? failures.length / samples.length : 1;
    console.log(`error rate: ${(errorRate * 100).toFixed(3)} %`);
    for (const detail of new Set(failures.slice(0, 20).map((f) => `${f.kind}: ${f.detail}`)))
      console.log(`  ${detail}`);

    // ------------------------------------------------- writes vs database
    const stored = await server.db.query<{ id: string; product_id: string }>(
      'select id, product_id from reviews where store_id = $1',
      [STORE],
    );
    const storedIds = new Set(stored.map((row) => row.id));
    const ackIds = [...acknowledged.values()].map((a) => a.reviewId);
    const lost = ackIds.filter((id) => !storedIds.has(id));
    const unexpected = stored.filter((row) => !ackIds.includes(row.id));
    const summaries = (await (
      await server.request(`/v1/${STORE}/summaries?products=${PRODUCTS.join(',')}`)
    ).json()) as { summaries: { product: string; count: number }[] };
    const summaryMismatch = summaries.summaries.filter(
      (summary) =>
        summary.count !== stored.filter((row) => row.product_id === summary.product).length,
    );
    console.log(
      `writes: ${acknowledged.size} reviews acknowledged, ${stored.length} stored, ${lost.length} lost, ${unexpected.length} unexpected (duplicates), ${summaryMismatch.length} summaries out of step`,
    );
    return (
      samples.length > 0 &&
      failures.length === 0 &&
      lost.length === 0 &&
      unexpected.length === 0 &&
      summaryMismatch.length === 0
    );
  } finally {
    await server.close();
  }
}

let passed = true;
for (const kind of DATABASES) passed = (await soak(kind)) && passed;
if (!passed) {
  console.error('\nsoak: FAILED (errors, lost writes, duplicates or summaries out of step above)');
  process.exit(1);
}
console.log('\nsoak: passed');
