// `pnpm --filter @koubei/server export -- <store> <out-dir> <base-url>`:
// writes the store's public reads as static JSON files (see static-export.ts).
import { loadConfig } from './config.ts';
import { openDatabase } from './server.ts';
import { exportStatic } from './static-export.ts';

const [store, outDir, baseUrl] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!store || !outDir || !baseUrl) {
  console.error('Usage: pnpm --filter @koubei/server export -- <store> <out-dir> <base-url>');
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase(config);
const { files } = await exportStatic({
  db,
  store,
  outDir,
  baseUrl: baseUrl.replace(/\/+$/, ''),
  photoDir: config.photoDir,
});
console.log(`Wrote ${files} files for ${store} to ${outDir}; serve them from ${baseUrl}`);
await db.close();
