// `pnpm start` (the README's run command): builds the widgets' script-tag
// files, the developer page and the merchant console, then runs the Koubei
// API and the tea shop.
// The embedded database is seeded on the first start and kept afterwards.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo } from './build.ts';
import { startDemoStack } from './stack.ts';

const started = performance.now();
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

await buildDemo();
const built = performance.now();

const dataDir = resolve(repoRoot, process.env.KOUBEI_DATA_DIR ?? '.koubei-data');
const stack = await startDemoStack({
  dataDir,
  host: process.env.HOST ?? '127.0.0.1',
  apiPort: Number(process.env.PORT ?? 8787),
  shopPort: Number(process.env.KOUBEI_SHOP_PORT ?? 5173),
  apiKey: process.env.KOUBEI_DEMO_API_KEY,
});
const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);

console.log(`
  Tea House 茶舍, a demo shop using Koubei:   ${stack.shopUrl}/
    English ${stack.shopUrl}/en/ · 中文 ${stack.shopUrl}/zh/
    npm components in a Vite app:          ${stack.shopUrl}/app/
  Koubei API:                              ${stack.apiUrl}  (OpenAPI: ${stack.apiUrl}/openapi.json)
    merchant console:                      ${stack.apiUrl}/console
    merchant API key:                      ${stack.apiKey}
  Data: ${dataDir} — ${stack.seeded ? `seeded with ${stack.reviews} reviews` : 'kept from the last start'}
  Ready in ${seconds(started, performance.now())} s (build ${seconds(started, built)} s). Ctrl-C stops.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await stack.close();
    process.exit(0);
  });
}
