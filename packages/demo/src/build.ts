// What the demo serves besides its pages, built fresh: the widgets'
// script-tag files (dist/cdn), the developer page (app/) and the merchant
// console. `pnpm start` and the page benchmark both call it.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const widgetRoot = fileURLToPath(new URL('../../widget/', import.meta.url));
const demoRoot = fileURLToPath(new URL('../', import.meta.url));
const serverRoot = fileURLToPath(new URL('../../server/', import.meta.url));

/** Each build takes about a second; doing them every time keeps the served files in step with the sources. */
export async function buildDemo(): Promise<void> {
  await build({
    configFile: `${widgetRoot}vite.cdn.config.ts`,
    root: widgetRoot,
    logLevel: 'error',
  });
  await build({ configFile: `${demoRoot}vite.config.ts`, logLevel: 'error' });
  await build({ configFile: `${serverRoot}vite.console.config.ts`, logLevel: 'error' });
}
