import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { DemoProcess } from './demo-process.ts';
import { startDemoProcess } from './demo-process.ts';
import { merchant } from './demo-stack.ts';

// `pnpm start` twice on one data directory: the first start seeds the tea
// shop, the second keeps what happened since.

const dataDir = mkdtempSync(join(tmpdir(), 'koubei-demo-restart-'));
let running: DemoProcess | undefined;

afterAll(async () => {
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function summaryOf(demo: DemoProcess, product: string) {
  const response = await fetch(`${demo.apiUrl}/v1/tea-house/summaries?products=${product}`);
  return ((await response.json()) as { summaries: { count: number; mean: number }[] }).summaries[0];
}

it('seeds on the first start, serves the shop, and keeps the data when started again', async () => {
  running = await startDemoProcess(dataDir);
  expect(running.output).toMatch(/seeded with \d+ reviews/);
  expect(running.output).toContain(`${running.shopUrl}/app/`);
  expect(running.output).toContain(`${running.apiUrl}/console`);
  const listing = await fetch(`${running.shopUrl}/zh/products`);
  expect(listing.status).toBe(200);
  expect(await listing.text()).toContain('data-koubei="stars"');

  // Something happens in the shop: the merchant answers a review.
  const { items } = await merchant<{ items: { id: string; product: string }[] }>(
    running,
    '/reviews',
  );
  const review = items[0];
  expect(review).toBeDefined();
  const reply = `Thank you for your review, we kept it (${Date.now()}).`;
  await merchant(running, `/reviews/${review?.id}/reply`, {
    method: 'PUT',
    body: JSON.stringify({ body: reply }),
  });
  const before = await summaryOf(running, review?.product ?? '');
  await running.stop();

  running = await startDemoProcess(dataDir);
  expect(running.output).toContain('kept from the last start');
  expect(running.output).not.toMatch(/seeded with/);
  const after = await merchant<{ items: { id: string; reply: { body: string } | null }[] }>(
    running,
    '/reviews',
  );
  expect(after.items.find((item) => item.id === review?.id)?.reply?.body).toBe(reply);
  expect(await summaryOf(running, review?.product ?? '')).toEqual(before);
}, 400_000);
