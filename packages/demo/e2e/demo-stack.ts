import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoStack } from '../src/stack.ts';
import { startDemoStack } from '../src/stack.ts';

/**
 * What `pnpm start` runs, on free loopback ports and a fresh data directory:
 * the real API server on embedded PGlite, seeded with the tea shop, and the
 * storefront on its own origin.
 */
export async function startTestStack(): Promise<DemoStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'koubei-demo-e2e-'));
  const stack = await startDemoStack({ dataDir, apiPort: 0, shopPort: 0 });
  return {
    ...stack,
    async close() {
      await stack.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The merchant API, as the shop's back office would call it. */
export async function merchant<T>(
  stack: DemoStack,
  path: string,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(`${stack.apiUrl}/v1/merchant${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${stack.apiKey}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
