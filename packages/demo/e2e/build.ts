import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import buildCdn from '../../widget/e2e/build-cdn.ts';

/** The demo's browser tests run on fresh builds: the script-tag files and the developer page. */
export default async function buildDemo(): Promise<void> {
  await buildCdn();
  await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}
