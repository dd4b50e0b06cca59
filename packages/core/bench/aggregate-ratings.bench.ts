// Aggregation over 1 M ratings, against a tight typed-array loop measured in
// the same process. Prints a table; it is a benchmark, not a test, so it
// never fails on speed. Run: pnpm --filter @koubei/core bench
import { performance } from 'node:perf_hooks';
import { aggregateRatings, aggregateReviews, paginateReviews, rankReviews } from '../src/index.ts';

const N = 1_000_000;
const WARMUP = 5;
const RUNS = 21;

// Deterministic ratings skewed like real shops (mostly 4s and 5s).
function makeRatings(): Uint8Array {
  const ratings = new Uint8Array(N);
  let seed = 0x9e3779b9;
  for (let i = 0; i < N; i++) {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    const r = seed / 2 ** 32;
    ratings[i] = r < 0.05 ? 1 : r < 0.09 ? 2 : r < 0.17 ? 3 : r < 0.4 ? 4 : 5;
  }
  return ratings;
}

/** The floor: count into a typed array, no validation, no result object. */
function baselineTypedLoop(ratings: Uint8Array): number[] {
  const counts = new Uint32Array(6);
  for (let i = 0; i < ratings.length; i++) counts[ratings[i] as number]! += 1;
  return [counts[1]!, counts[2]!, counts[3]!, counts[4]!, counts[5]!];
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function measure(name: string, run: () => unknown): { name: string; ms: number } {
  let sink: unknown;
  for (let i = 0; i < WARMUP; i++) sink = run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    sink = run();
    samples.push(performance.now() - start);
  }
  if (sink === undefined) throw new Error('nothing computed');
  return { name, ms: median(samples) };
}

const typed = makeRatings();
const plain = Array.from(typed);
const reviews = plain.map((rating, i) => ({
  rating,
  hasPhotos: i % 7 === 0,
  recommends: rating >= 4,
}));

// Same answer from every path before timing anything.
const expected = baselineTypedLoop(typed);
if (JSON.stringify(aggregateRatings(typed).histogram) !== JSON.stringify(expected))
  throw new Error('mismatch');
if (JSON.stringify(aggregateReviews(reviews).histogram) !== JSON.stringify(expected))
  throw new Error('mismatch');

const baseline = measure('baseline: Uint8Array counting loop', () => baselineTypedLoop(typed));
const rows = [
  baseline,
  measure('aggregateRatings(Uint8Array)', () => aggregateRatings(typed)),
  measure('aggregateRatings(number[])', () => aggregateRatings(plain)),
  measure('aggregateReviews(objects with photo + recommend)', () => aggregateReviews(reviews)),
];

console.log(
  `Aggregation over ${N.toLocaleString('en')} ratings, median of ${RUNS} runs (Node ${process.version})\n`,
);
console.log('| what | median ms | ratio to baseline |');
console.log('| --- | ---: | ---: |');
for (const row of rows) {
  console.log(`| ${row.name} | ${row.ms.toFixed(2)} | ${(row.ms / baseline.ms).toFixed(2)}x |`);
}
console.log('\nTarget: aggregateRatings within 2x of the baseline.');

// ---------------------------------------------------------------------------
// Ranking and paging 100 000 reviews (the static export and the reference for
// the server's SQL), against sorting indices by a precomputed Float64Array key.

const M = 100_000;
const day = 24 * 3600 * 1000;
const start = Date.parse('2026-01-01T00:00:00Z');
const many = Array.from({ length: M }, (_, i) => ({
  id: `r${i}`,
  rating: typed[i] as number,
  createdAt: new Date(start + ((i * 7919) % 300) * day + i * 1000).toISOString(),
  helpfulCount: (i * 31) % 40,
  unhelpfulCount: (i * 17) % 5,
  language: i % 3 === 0 ? 'zh-CN' : 'en',
  verifiedPurchase: i % 2 === 0,
  media: i % 9 === 0 ? [{}] : [],
}));
const times = Float64Array.from(many, (r) => Date.parse(r.createdAt));

/** The floor: indices sorted by a numeric key computed in advance, then one page. */
function baselineSortPage(): number[] {
  const order = Array.from({ length: M }, (_, i) => i);
  order.sort((a, b) => (times[b] as number) - (times[a] as number));
  return order.slice(0, 10);
}

const newestFirst = rankReviews(many, { sort: 'newest' });
const firstPage = paginateReviews(many, { sort: 'newest', limit: 10 });
if (
  firstPage.items.map((r) => r.id).join() !==
  newestFirst
    .slice(0, 10)
    .map((r) => r.id)
    .join()
)
  throw new Error('paging and ranking disagree');
let cursor = firstPage.nextCursor;
for (let i = 0; i < 5; i++)
  cursor = paginateReviews(many, { sort: 'newest', limit: 10, cursor }).nextCursor;
const deepCursor = cursor;

const rankBaseline = measure(
  'baseline: sort indices by a Float64Array key, take 10',
  baselineSortPage,
);
const rankRows = [
  rankBaseline,
  measure('rankReviews (filter + full order), newest', () => rankReviews(many, { sort: 'newest' })),
  measure('rankReviews, most helpful (Wilson bound)', () => rankReviews(many, { sort: 'helpful' })),
  measure('paginateReviews, first page of 10, newest', () =>
    paginateReviews(many, { sort: 'newest', limit: 10 }),
  ),
  measure('paginateReviews, 7th page (cursor), newest', () =>
    paginateReviews(many, { sort: 'newest', limit: 10, cursor: deepCursor }),
  ),
  measure('paginateReviews, first page, 5 stars with photos, helpful', () =>
    paginateReviews(many, { sort: 'helpful', limit: 10, filter: { stars: [5], withMedia: true } }),
  ),
];
console.log(
  `\nRanking and paging ${M.toLocaleString('en')} reviews, median of ${RUNS} runs (Node ${process.version})\n`,
);
console.log('| what | median ms | ratio to baseline |');
console.log('| --- | ---: | ---: |');
for (const row of rankRows) {
  console.log(`| ${row.name} | ${row.ms.toFixed(2)} | ${(row.ms / rankBaseline.ms).toFixed(2)}x |`);
}
