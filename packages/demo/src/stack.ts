// The whole demo in one process: the Koubei API on its embedded database
// (seeded with the tea shop on first start) and the shop's storefront, each
// on its own origin, as in real life: the script tag reads from another
// origin, so CORS and the store's write origins are exercised for real.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerConfig } from '../../server/src/config.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createPhotoStore } from '../../server/src/photos/photo-store.ts';
import { seedDemo } from '../../server/src/seed/seed.ts';
import { openDatabase, startServer } from '../../server/src/server.ts';
import { STORE_ID } from './catalogue.ts';
import { createMerchantApi } from './merchant-api.ts';
import { createStorefront } from './storefront.ts';

export interface DemoStackOptions {
  /** The embedded database, photos and secret live here; kept between starts. */
  readonly dataDir: string;
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly apiPort?: number;
  readonly shopPort?: number;
  /** The demo store's merchant API key (used only when the store is first seeded). */
  readonly apiKey?: string;
}

export interface DemoStack {
  readonly shopUrl: string;
  readonly apiUrl: string;
  readonly apiKey: string;
  /** True when this start seeded an empty database; false when it kept existing data. */
  readonly seeded: boolean;
  readonly reviews: number;
  close(): Promise<void>;
}

export const DEFAULT_DEMO_API_KEY = 'demo-merchant-key-change-me';

/**
 * The origins a browser may report for a loopback URL (localhost and 127.0.0.1
 * alike), the printed one first: the seed points invite links at it, and the
 * invite cookies belong to the host the friend lands on.
 */
function originsOf(url: string): string[] {
  const { protocol, hostname, port } = new URL(url);
  const hosts = ['localhost', '127.0.0.1'].includes(hostname)
    ? [hostname, hostname === 'localhost' ? '127.0.0.1' : 'localhost']
    : [hostname];
  return hosts.map((host) => `${protocol}//${host}${port ? `:${port}` : ''}`);
}

export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const host = options.host ?? '127.0.0.1';
  const apiKey = options.apiKey ?? DEFAULT_DEMO_API_KEY;
  const loaded = loadConfig({
    ...process.env,
    KOUBEI_DATA_DIR: options.dataDir,
    HOST: host,
    PORT: String(options.apiPort ?? 8787),
  });
  let apiUrl = '';
  // With port 0 the API's address is known only once it listens; photo URLs are made per request.
  const config: ServerConfig = {
    ...loaded,
    get publicUrl() {
      return process.env.KOUBEI_PUBLIC_URL ? loaded.publicUrl : apiUrl;
    },
  };
  const db = await openDatabase(config);

  // The shop's backend holds the merchant key; its pages never carry it.
  const storefront = createStorefront({
    apiUrl: () => apiUrl,
    merchant: createMerchantApi({ apiUrl: () => apiUrl, apiKey }),
  });
  const shop = await new Promise<{ url: string; close(): Promise<void> }>((resolve) => {
    const server = serve(
      { fetch: storefront.fetch, port: options.shopPort ?? 5173, hostname: host },
      (info: AddressInfo) =>
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => new Promise<void>((done) => server.close(() => done())),
        }),
    );
  });

  // First start: the tea shop with its reviews. Later starts keep every
  // review, vote and reply, and only make sure this storefront may write.
  const origins = originsOf(shop.url);
  const seed = await seedDemo({
    db,
    photos: await createPhotoStore(config.photoDir),
    origins,
    apiKey,
  });
  if (!seed.created) {
    const [row] = await db.query<{ origins: string[] }>(
      'select origins from stores where id = $1',
      [STORE_ID],
    );
    const missing = origins.filter((origin) => !row?.origins.includes(origin));
    if (missing.length > 0) {
      await db.query('update stores set origins = origins || $2::text[] where id = $1', [
        STORE_ID,
        missing,
      ]);
    }
  }

  const api = await startServer(config, db);
  apiUrl = api.url;
  return {
    shopUrl: shop.url,
    apiUrl,
    apiKey,
    seeded: seed.created,
    reviews: seed.reviews,
    async close() {
      await Promise.all([shop.close(), api.close()]);
      await db.close();
    },
  };
}
