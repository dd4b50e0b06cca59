import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { createIdempotencyKey, createKoubeiClient, isInvalidRequestError } from '@koubei/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../src/http/signing.ts';
import { exportStatic } from '../src/static-export.ts';
import type { TestServer } from './harness.ts';
import { STORE, startTestServer } from './harness.ts';

const SECRET = 'test-secret-0123456789abcdef0123456789';

describe('static export', () => {
  let server: TestServer;
  let outDir: string;
  let files: { url: string; close(): void };

  beforeAll(async () => {
    server = await startTestServer('pglite');
    for (let i = 0; i < 23; i++) {
      const response = await server.request(`/v1/${STORE}/products/export-pot/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': createIdempotencyKey() },
        body: JSON.stringify({
          rating: (i % 5) + 1,
          body: `Review ${i}`,
          authorName: `Customer ${i}`,
          language: i % 2 ? 'en' : 'zh-CN',
          formToken: sign(`form:${Date.now() - 10_000}`, SECRET),
        }),
      });
      expect(response.status).toBe(201);
    }
    outDir = mkdtempSync(join(tmpdir(), 'koubei-export-'));
    const static_ = createServer(async (request, response) => {
      const file = normalize(
        join(outDir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)),
      );
      try {
        if (!file.startsWith(outDir)) throw new Error('outside');
        const body = await readFile(file);
        response
          .writeHead(200, {
            'content-type': 'application/json',
            'access-control-allow-origin': '*',
          })
          .end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => static_.listen(0, '127.0.0.1', resolve));
    files = {
      url: `http://127.0.0.1:${(static_.address() as AddressInfo).port}`,
      close: () => static_.close(),
    };
    await exportStatic({
      db: server.db,
      store: STORE,
      outDir,
      baseUrl: files.url,
      photoDir: server.photoDir,
    });
  });

  afterAll(async () => {
    files?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('serves the same summaries and every review, in each sort order, from plain files', async () => {
    const client = createKoubeiClient({ apiBase: files.url, store: STORE, staticSite: true });
    const { data: summary } = await client.getSummary('export-pot');
    const live = await (await server.request(`/v1/${STORE}/summaries?products=export-pot`)).json();
    expect(summary).toEqual(live.summaries[0]);

    for (const sort of ['newest', 'lowest'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: { items: { id: string }[]; nextCursor: string | null } } =
          await client.getReviews('export-pot', { sort, cursor });
        seen.push(...page.data.items.map((item) => item.id));
        cursor = page.data.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);
    }
  });

  it('refuses writes without sending anything', async () => {
    const client = createKoubeiClient({ apiBase: files.url, store: STORE, staticSite: true });
    const attempt = client.submitReview(
      'export-pot',
      { rating: 5, body: 'x', authorName: 'y', language: 'en' },
      { idempotencyKey: createIdempotencyKey() },
    );
    await expect(attempt).rejects.toSatisfy(isInvalidRequestError);
    expect(await client.sendEvents([])).toBe(false);
  });
});
