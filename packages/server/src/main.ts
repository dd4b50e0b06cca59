// `pnpm --filter @koubei/server start`: the Koubei API on the embedded
// database (or DATABASE_URL), configured by environment variables.
// KOUBEI_SEED_DEMO=1 (the root `pnpm start`) fills an empty database with the demo store.
import { loadConfig } from './config.ts';
import { createPhotoStore } from './photos/photo-store.ts';
import { demoCustomerInstructions } from './seed/referral-seed.ts';
import { seedDemo } from './seed/seed.ts';
import { openDatabase, startServer } from './server.ts';

const config = loadConfig();
const db = await openDatabase(config);

if (process.env.KOUBEI_SEED_DEMO === '1') {
  // Seeded once; later starts keep whatever the demo user changed.
  const apiKey = process.env.KOUBEI_DEMO_API_KEY ?? 'demo-merchant-key-change-me';
  const origins = (
    process.env.KOUBEI_STOREFRONT_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173'
  ).split(',');
  const seeded = await seedDemo({
    db,
    photos: await createPhotoStore(config.photoDir),
    origins,
    apiKey,
  });
  console.log(
    seeded.created
      ? `Seeded the demo store "tea-house" with ${seeded.reviews} reviews. Merchant API key: ${apiKey}`
      : 'Demo store "tea-house" found; keeping its data.',
  );
  console.log(demoCustomerInstructions(config, apiKey));
}

const server = await startServer(config, db);
console.log(
  `Koubei API listening on ${server.url} (${db.kind}${config.databaseUrl ? '' : `, data in ${config.dataDir}`})`,
);
console.log(`  Summaries: ${server.url}/v1/tea-house/summaries?products=teapot-celadon`);
console.log(`  OpenAPI:   ${server.url}/openapi.json`);
console.log(
  `  Console:   ${server.url}/console/ (build it once: pnpm --filter @koubei/server build:console)`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await server.close();
    await db.close();
    process.exit(0);
  });
}
