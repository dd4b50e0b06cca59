import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { REVIEW_SORTS } from '@koubei/core';
import type { Database } from './db/database.ts';
import { reviewPage } from './db/review-queries.ts';
import type { PhotoWithReviewRow } from './db/review-rows.ts';
import { PHOTOS_WITH_REVIEWS, rowToMediaItem, rowToTestimonial } from './db/review-rows.ts';
import { summariesFor } from './db/summaries.ts';

/** Reviews per exported page; the static client asks for exactly these files. */
export const STATIC_PAGE_SIZE = 10;

export interface StaticExportOptions {
  readonly db: Database;
  readonly store: string;
  /** Where the files go; they keep the API's paths below it. */
  readonly outDir: string;
  /** The URL the folder will be served from (photo links point there). */
  readonly baseUrl: string;
  readonly photoDir: string;
}

/**
 * Writes a store's public reads as JSON files, for shops without a server:
 * upload the folder to any static host or CDN and point the script tag at it
 * with `data-static`. Layout (below `v1/{store}/`): `summaries.json` (every
 * product), `products/{id}/reviews/{sort}/{page}.json` (pages of 10 in each
 * sort order, `nextCursor` naming the next page), `products/{id}/social-proof.json`,
 * `media.json`, `testimonials.json` and `photos/`. Filters need the API.
 */
export async function exportStatic(options: StaticExportOptions): Promise<{ files: number }> {
  const { db, store } = options;
  const root = join(options.outDir, 'v1', store);
  let files = 0;
  const write = async (path: string, body: unknown) => {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(body)}\n`);
    files++;
  };

  const products = (
    await db.query<{ id: string }>('select id from products where store_id = $1 order by id', [
      store,
    ])
  ).map((p) => p.id);
  await write('summaries.json', { summaries: await summariesFor(db, store, products) });

  for (const product of products) {
    for (const sort of REVIEW_SORTS) {
      let cursor: string | null = null;
      for (let page = 1; ; page++) {
        const result = await reviewPage(db, {
          store,
          product,
          query: { sort, cursor, limit: STATIC_PAGE_SIZE },
          publicUrl: options.baseUrl,
          // Cursors stay inside this loop; the files link pages by number.
          signCursor: (inner) => inner,
          verifyCursor: (signed) => signed,
        });
        await write(`products/${encodeURIComponent(product)}/reviews/${sort}/${page}.json`, {
          ...result,
          nextCursor: result.nextCursor ? String(page + 1) : null,
        });
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
    }
    const [counts] = await db.query<{ reviewed: number; recommended: number }>(
      `select count(*)::int as reviewed, count(*) filter (where recommends)::int as recommended
       from reviews where store_id = $1 and product_id = $2 and status = 'published'`,
      [store, product],
    );
    const recent = [
      { kind: 'reviewed', count: counts?.reviewed ?? 0, windowDays: 365 },
      { kind: 'recommended', count: counts?.recommended ?? 0, windowDays: 365 },
    ].filter((activity) => activity.count >= 3);
    await write(`products/${encodeURIComponent(product)}/social-proof.json`, {
      product,
      minimumCount: 3,
      friends: { count: 0, named: [] },
      recent,
    });
  }

  const photos = await db.query<PhotoWithReviewRow>(
    `${PHOTOS_WITH_REVIEWS}
     where p.store_id = $1 and r.status = 'published' order by p.created_ms desc, p.id collate "C" limit 50`,
    [store],
  );
  await write('media.json', {
    items: photos.map((row) => rowToMediaItem(options.baseUrl, store, row)),
    nextCursor: null,
  });
  // Only photos of published reviews leave the server, as through the API.
  const allPhotos = await db.query<{ id: string }>(
    `select p.id from photos p join reviews r on r.store_id = p.store_id and r.id = p.review_id
     where p.store_id = $1 and r.status = 'published'`,
    [store],
  );
  await mkdir(join(root, 'photos'), { recursive: true });
  for (const { id } of allPhotos) {
    for (const name of [`${id}.webp`, `${id}-thumb.webp`]) {
      await copyFile(join(options.photoDir, name), join(root, 'photos', name)).catch(
        () => undefined,
      );
      files++;
    }
  }

  const testimonials = await db.query<Record<string, unknown>>(
    'select * from testimonials where store_id = $1 order by featured desc, position, created_ms desc limit 50',
    [store],
  );
  await write('testimonials.json', {
    items: testimonials.map(rowToTestimonial),
  });
  return { files };
}
