// The parts a benchmark page needs, all real and on loopback: the API server
// on an in-memory PGlite seeded with the demo tea shop (plus one product with
// 10 000 reviews), and a shop serving test pages and the script-tag build.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrations.ts';
import { createPhotoStore } from '../packages/server/src/photos/photo-store.ts';
import { seedBulkReviews } from '../packages/server/src/seed/bulk-reviews.ts';
import { DEMO_PRODUCTS, DEMO_STORE } from '../packages/server/src/seed/demo-data.ts';
import { seedDemo } from '../packages/server/src/seed/seed.ts';
import { startServer } from '../packages/server/src/server.ts';
import { startShop } from '../packages/widget/e2e/servers.ts';

export const BIG_PRODUCT = 'teapot-ten-thousand';
export const BIG_PRODUCT_REVIEWS = 10_000;
export const PRODUCTS = DEMO_PRODUCTS;

export interface BenchStack {
  readonly shop: Awaited<ReturnType<typeof startShop>>;
  readonly apiUrl: string;
  close(): Promise<void>;
}

/** A free loopback port, so photo URLs can name the API's real address before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startBenchStack(): Promise<BenchStack> {
  const shop = await startShop();
  const db = await openPglite(null);
  await migrate(db);
  const dataDir = mkdtempSync(join(tmpdir(), 'koubei-bench-'));
  const photos = await createPhotoStore(join(dataDir, 'photos'));
  await seedDemo({ db, photos, origins: [shop.url], apiKey: 'bench-key-0123456789abcdef' });
  await seedBulkReviews(db, {
    store: DEMO_STORE.id,
    product: BIG_PRODUCT,
    count: BIG_PRODUCT_REVIEWS,
  });
  const port = await freePort();
  const api = await startServer(
    {
      port,
      host: '127.0.0.1',
      publicUrl: `http://127.0.0.1:${port}`,
      secret: 'bench-secret-0123456789abcdef0123',
      photoDir: join(dataDir, 'photos'),
    },
    db,
    { readsPerMinute: Number.MAX_SAFE_INTEGER, writesPerMinute: Number.MAX_SAFE_INTEGER },
  );
  return {
    shop,
    apiUrl: api.url,
    async close() {
      await api.close();
      await db.close();
      await shop.close();
    },
  };
}

// ---------------------------------------------------------------------------
// Pages: a plain, realistic storefront, with or without Koubei. "Without" is
// the same HTML minus the script tag, so placeholders keep their fallback
// links: the difference between the two is what Koubei costs.

const RESERVE = `
  [data-koubei='stars'] { display: block; min-height: 20px; }
  [data-koubei='summary'] { display: block; min-height: 220px; }
  [data-koubei='carousel'] { display: block; min-height: 260px; }
  [data-koubei='gallery'] { display: block; min-height: 240px; }
  [data-koubei='social-proof'] { display: block; min-height: 48px; }
  [data-koubei='reviews'] { display: block; min-height: 640px; }
  [data-koubei='form'] { display: block; min-height: 560px; }`;

const SHOP_CSS = `
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f2937; }
  header { display: flex; gap: 24px; align-items: center; padding: 16px 32px; border-bottom: 1px solid #e5e7eb; }
  main { max-width: 1120px; margin: 0 auto; padding: 24px 32px; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 24px; }
  .card { border: 1px solid #e5e7eb; border-radius: 8px; padding: 16px; }
  .swatch { height: 160px; border-radius: 6px; background: linear-gradient(135deg, #a7f3d0, #0f766e); }
  .hero { display: grid; grid-template-columns: 1fr 1fr; gap: 32px; margin-bottom: 32px; }
  .hero .swatch { height: 360px; }
  section { margin: 32px 0; }`;

export interface PageOptions {
  readonly withKoubei: boolean;
  readonly apiUrl: string;
  readonly title: string;
  readonly body: string;
}

export function shopPage({ withKoubei, apiUrl, title, body }: PageOptions): string {
  const script = withKoubei
    ? `<script async src="/cdn/koubei.js" data-api="${apiUrl}" data-store="${DEMO_STORE.id}" data-locale="en" data-beacon="off"></script>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Tea House</title><style>${SHOP_CSS}${RESERVE}</style></head>
<body><header><strong>Tea House 茶舍</strong><nav><a href="/">Teapots</a> <a href="/">Tea</a> <a href="/">About</a></nav></header>
<main>${body}</main>${script}</body></html>`;
}

const starsPlaceholder = (product: string) =>
  `<div data-koubei="stars" data-product="${product}" data-href="/p/${product}#reviews"><a href="/p/${product}#reviews">Reviews</a></div>`;

export function listingBody(): string {
  const cards = PRODUCTS.map(
    (p) => `<article class="card"><div class="swatch"></div><h2>${p.en}</h2>
      ${starsPlaceholder(p.id)}<p>¥ 168.00</p><button type="button">Add to cart</button></article>`,
  ).join('');
  return `<h1>Teapots and tea</h1><div class="grid">${cards}</div>`;
}

export function productBody(product: string, name: string): string {
  return `<div class="hero"><div class="swatch"></div><div><h1>${name}</h1>
      ${starsPlaceholder(product)}
      <p>Hand-thrown stoneware with a celadon glaze; holds 350 ml, pours without dripping.</p>
      <p><strong>¥ 268.00</strong></p><button type="button">Add to cart</button>
      <div data-koubei="social-proof" data-product="${product}"></div></div></div>
    <section><div data-koubei="summary" data-product="${product}" data-product-name="${name}"></div></section>
    <section><div data-koubei="carousel" data-product="${product}"></div></section>
    <section><div data-koubei="gallery" data-product="${product}"></div></section>
    <section id="reviews"><div data-koubei="reviews" data-product="${product}" data-page-size="10"></div></section>
    <section><div data-koubei="form" data-product="${product}"></div></section>`;
}

/** 50 widgets on one page: 25 badges, 15 review lists, 10 social-proof badges. */
export function scaleBody(): string {
  const products = (n: number) =>
    Array.from({ length: n }, (_, i) => PRODUCTS[i % PRODUCTS.length]!.id);
  return [
    products(25).map(starsPlaceholder).join(''),
    products(15)
      .map((p) => `<div data-koubei="reviews" data-product="${p}" data-page-size="5"></div>`)
      .join(''),
    products(10)
      .map((p) => `<div data-koubei="social-proof" data-product="${p}"></div>`)
      .join(''),
  ].join('');
}

export function bigListBody(): string {
  return `<h1>Office teapot</h1><div data-koubei="reviews" data-product="${BIG_PRODUCT}" data-page-size="10"></div>`;
}
