import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The console end-to-end test runs against the real console build, made fresh once per run. */
export default async function buildConsole(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../vite.console.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}
