import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The end-to-end tests run against the real script-tag build, made fresh once per run. */
export default async function buildCdn(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../vite.cdn.config.ts', import.meta.url)),
    root: fileURLToPath(new URL('..', import.meta.url)),
    logLevel: 'warn',
  });
}
