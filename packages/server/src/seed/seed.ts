import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { RatedItem } from '@koubei/core';
import { aggregateReviews, wilsonLowerBound } from '@koubei/core';
import type { Database } from '../db/database.ts';
import { json } from '../db/database.ts';
import { hashApiKey } from '../routes/merchant.ts';
import type { PhotoStore } from '../http/context.ts';
import { processPhoto } from '../photos/process-photo.ts';
import {
  DEMO_PRODUCTS,
  DEMO_REPLIES,
  DEMO_STORE,
  DEMO_TESTIMONIALS,
  DEMO_VOICES,
  PHOTO_PALETTE,
} from './demo-data.ts';
import { seedReferralDemo } from './referral-seed.ts';

export interface SeedOptions {
  readonly db: Database;
  readonly photos: PhotoStore;
  /** Storefront origins allowed to write (the demo's own). */
  readonly origins: readonly string[];
  readonly apiKey: string;
  readonly now?: number;
}

/** A small deterministic random sequence, so every seeded demo is the same. */
function sequence(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function demoPhoto(palette: number, variant: number): Promise<Uint8Array> {
  const [from, to] = PHOTO_PALETTE[
    palette % PHOTO_PALETTE.length
  ] as (typeof PHOTO_PALETTE)[number];
  const width = 640;
  const height = 480;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = ((x + y + variant * 37) % (width + height)) / (width + height);
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++)
        pixels[o + c] = Math.round(
          (from[c] as number) + ((to[c] as number) - (from[c] as number)) * t,
        );
    }
  }
  return new Uint8Array(
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 85 })
      .toBuffer(),
  );
}

/**
 * Fills an empty database with the demo store: 24 products, reviews in both
 * languages with photos and replies, testimonials, and a referral programme
 * with Mei's friends. Does nothing if the store exists (except adding the
 * referral demo to a store from before it existed), so starting again keeps
 * whatever the demo user changed.
 */
export async function seedDemo(
  options: SeedOptions,
): Promise<{ created: boolean; reviews: number; referral: boolean }> {
  const { db } = options;
  const landingUrl = `${options.origins[0] ?? 'http://localhost:5173'}/`;
  const referral = () =>
    seedReferralDemo(db, { landingUrl, ...(options.now ? { now: options.now } : {}) });
  const existing = await db.query('select 1 from stores where id = $1', [DEMO_STORE.id]);
  if (existing.length > 0) return { created: false, reviews: 0, referral: await referral() };
  const random = sequence(2026);
  const now = options.now ?? Date.now();
  const day = 24 * 3600 * 1000;
  let total = 0;

  const photoFiles: { id: string; palette: number; variant: number }[] = [];
  await db.transaction(async (tx) => {
    await tx.query(
      'insert into stores (id, name, origins, moderation, api_key_hash) values ($1, $2, $3, $4, $5)',
      [
        DEMO_STORE.id,
        DEMO_STORE.name,
        [...options.origins],
        'publish-first',
        hashApiKey(options.apiKey),
      ],
    );
    for (const [index, product] of DEMO_PRODUCTS.entries()) {
      await tx.query('insert into products (store_id, id, name) values ($1, $2, $3)', [
        DEMO_STORE.id,
        product.id,
        product.en,
      ]);
      const count = index === 0 ? 64 : 3 + Math.floor(random() * 30);
      const items: RatedItem[] = [];
      for (let i = 0; i < count; i++) {
        const voice = DEMO_VOICES[
          Math.floor(random() * DEMO_VOICES.length)
        ] as (typeof DEMO_VOICES)[number];
        const id = `${product.id.slice(0, 20)}-${i + 1}`;
        const created = now - Math.floor(random() * 240) * day - i * 3600_000;
        const photos = random() < 0.25 ? 1 + Math.floor(random() * 3) : 0;
        const helpful = Math.floor(random() * 30);
        const unhelpful = Math.floor(random() * 4);
        const aspects =
          random() < 0.5
            ? [
                { aspect: 'quality', rating: voice.rating },
                { aspect: 'delivery', rating: Math.min(5, voice.rating + 1) },
              ]
            : [];
        const recommends = random() < 0.8 ? voice.rating >= 4 : null;
        await tx.query(
          `insert into reviews (store_id, id, product_id, rating, title, body, language, author_name, verified_purchase,
             recommends, helpful_count, unhelpful_count, helpful_score, media_count, aspects, reply, status, created_ms, updated_ms)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'published', $17, $17)`,
          [
            DEMO_STORE.id,
            id,
            product.id,
            voice.rating,
            voice.title,
            voice.body,
            voice.language,
            voice.author,
            random() < 0.7,
            recommends,
            helpful,
            unhelpful,
            wilsonLowerBound(helpful, unhelpful),
            photos,
            json(aspects),
            voice.rating <= 3
              ? {
                  body: DEMO_REPLIES[voice.language],
                  createdAt: new Date(created + day).toISOString(),
                }
              : null,
            created,
          ],
        );
        // The votes behind the counts: a vote recounts from this table, so a
        // shopper's first vote must add to the seeded count, not replace it.
        await tx.query(
          `insert into votes (store_id, review_id, voter, helpful)
           select $1, $2, 'seed-voter-' || n, n <= $3 from generate_series(1, $4::int) as n`,
          [DEMO_STORE.id, id, helpful, helpful + unhelpful],
        );
        for (let p = 0; p < photos; p++) {
          const photoId = randomBytes(9).toString('base64url');
          photoFiles.push({ id: photoId, palette: index + p, variant: i });
          await tx.query(
            `insert into photos (store_id, id, review_id, width, height, thumbnail_width, thumbnail_height, alt, created_ms)
             values ($1, $2, $3, 640, 480, 320, 240, $4, $5)`,
            [DEMO_STORE.id, photoId, id, `${voice.author} · ${product.en}`, created + p],
          );
        }
        items.push({
          rating: voice.rating,
          hasPhotos: photos > 0,
          recommends,
          aspects: aspects as RatedItem['aspects'],
        });
        total++;
      }
      await tx.query(
        'insert into summaries (store_id, product_id, aggregate, version) values ($1, $2, $3, 1)',
        [DEMO_STORE.id, product.id, aggregateReviews(items) as unknown as Record<string, unknown>],
      );
    }
    for (const [position, t] of DEMO_TESTIMONIALS.entries()) {
      await tx.query(
        `insert into testimonials (store_id, id, quote, author_name, author_role, author_company, rating, language, source, featured, position, created_ms)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          DEMO_STORE.id,
          t.id,
          t.quote,
          t.author,
          t.role,
          t.company,
          t.rating,
          t.language,
          t.source,
          t.featured,
          position,
          now - position * day,
        ],
      );
    }
  });
  // Photo files after the rows: real photos go through the same pipeline as uploads.
  for (const file of photoFiles) {
    const processed = await processPhoto(await demoPhoto(file.palette, file.variant));
    await options.photos.save(file.id, processed);
  }
  return { created: true, reviews: total, referral: await referral() };
}
