// `pnpm --filter @koubei/server start`: the Koubei API on the embedded
// database (or DATABASE_URL), configured by environment variables.
import { loadConfig } from './config.ts';
import { openDatabase, startServer } from './server.ts';

const config = loadConfig();
const db = await openDatabase(config);
const server = await startServer(config, db);
console.log(
  `Koubei API listening on ${server.url} (${db.kind}${config.databaseUrl ? '' : `, data in ${config.dataDir}`})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await server.close();
    await db.close();
    process.exit(0);
  });
}
