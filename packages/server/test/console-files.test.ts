import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { serveConsole, servePreview, serveWidgetCdn } from '../src/http/console-files.ts';

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

describe('the theme preview page', () => {
  const app = new Hono();
  app.get('/console/preview', servePreview);
  const preview = (query: Record<string, string>) =>
    app.request(`http://127.0.0.1:8787/console/preview?${new URLSearchParams(query).toString()}`);

  it('puts the real script tag on the page with the unsaved theme, escaped', async () => {
    const response = await preview({
      store: 'tea-house',
      product: 'celadon',
      locale: 'zh-CN',
      tokens: JSON.stringify({ 'font-family': '"Noto" serif', radius: '0px' }),
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('src="/cdn/koubei.js" data-api="http://127.0.0.1:8787"');
    expect(html).toContain(
      'data-tokens="{&quot;font-family&quot;:&quot;\\&quot;Noto\\&quot; serif&quot;,&quot;radius&quot;:&quot;0px&quot;}"',
    );
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });

  it('refuses unsafe tokens and bad ids', async () => {
    const base = { store: 'tea-house', product: 'celadon', locale: 'en' };
    expect((await preview({ ...base, tokens: '{"color-accent":"url(https://x)"}' })).status).toBe(
      400,
    );
    expect((await preview({ ...base, tokens: 'not json' })).status).toBe(400);
    expect((await preview({ ...base, product: '"><script>' })).status).toBe(400);
    expect((await preview({ ...base, locale: 'fr' })).status).toBe(400);
  });
});
