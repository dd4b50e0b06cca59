// `pnpm --filter @koubei/server seed`: fills the database with the demo store.
import { loadConfig } from '../config.ts';
import { createPhotoStore } from '../photos/photo-store.ts';
import { openDatabase } from '../server.ts';
import { demoCustomerInstructions } from './referral-seed.ts';
import { seedDemo } from './seed.ts';

const config = loadConfig();
const db = await openDatabase(config);
const apiKey = process.env.KOUBEI_DEMO_API_KEY ?? 'demo-merchant-key-change-me';
const origins = (
  process.env.KOUBEI_STOREFRONT_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173'
).split(',');
const result = await seedDemo({
  db,
  photos: await createPhotoStore(config.photoDir),
  origins,
  apiKey,
});
console.log(
  result.created
    ? `Seeded the demo store with ${result.reviews} reviews.`
    : result.referral
      ? 'The demo store already exists; added the referral demo.'
      : 'The demo store already exists; nothing changed.',
);
console.log(demoCustomerInstructions(config, apiKey));
await db.close();
