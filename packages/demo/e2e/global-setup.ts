import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDemoProcess } from './demo-process.ts';

export interface DemoStackUrls {
  readonly shopUrl: string;
  readonly apiUrl: string;
  readonly apiKey: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoStack: DemoStackUrls;
  }
}

/**
 * Once per run, what `pnpm start` runs, on free loopback ports and a new
 * data directory: fresh builds of the script tag and the developer page, the
 * real API server on embedded PGlite seeded with the tea shop (seeding draws
 * its photos, so it is done once for all test files), and the storefront on
 * its own origin.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'koubei-demo-e2e-'));
  const demo = await startDemoProcess(dataDir);
  project.provide('demoStack', { shopUrl: demo.shopUrl, apiUrl: demo.apiUrl, apiKey: demo.apiKey });
  return async () => {
    await demo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
