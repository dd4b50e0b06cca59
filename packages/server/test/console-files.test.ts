import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { serveConsole, serveWidgetCdn } from '../src/http/console-files.ts';

const built = mkdtempSync(join(tmpdir(), 'koubei-console-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(join(built, 'assets', 'app-abc123.js'), 'export {};');
writeFileSync(join(built, 'secret.txt'), 'not for the web');
const missing = join(tmpdir(), 'koubei-console-not-built-here');

function appFor(root: string) {
  const app = new Hono();
  app.get('/console/*', (c) => serveConsole(c, c.req.path.slice('/console/'.length), root));
  app.get('/cdn/*', (c) => serveWidgetCdn(c, c.req.path.slice('/cdn/'.length), root));
  return app;
}

afterAll(() => rmSync(built, { recursive: true, force: true }));

describe('console files', () => {
  it('serves the built console under a strict CSP, hashed assets for a year', async () => {
    const app = appFor(built);
    const page = await app.request('/console/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>console</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const asset = await app.request('/console/assets/app-abc123.js');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // Any other path is the app (views live in the hash), never a file outside assets/.
    expect(await (await app.request('/console/secret.txt')).text()).toContain(
      '<title>console</title>',
    );
    expect((await app.request('/console/assets/..%2F..%2Fsecret.txt')).status).toBe(404);
  });

  it('says how to build the console when it is not built, instead of failing', async () => {
    const page = await appFor(missing).request('/console/');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('pnpm --filter @koubei/server build:console');
  });

  it('serves only flat script files from the widget build', async () => {
    const app = appFor(built);
    expect((await app.request('/cdn/index.html')).status).toBe(404);
    expect((await app.request('/cdn/..%2Fsecret.txt')).status).toBe(404);
  });
});
