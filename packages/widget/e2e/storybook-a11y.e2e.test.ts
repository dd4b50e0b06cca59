import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchPage } from './browser.ts';

// Every story of the static Storybook build is opened in Chromium and checked
// with axe-core, inside the widgets' shadow roots. `pnpm build-storybook`
// runs before this in the test command.
const STATIC = fileURLToPath(new URL('../../../storybook-static/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

if (!existsSync(join(STATIC, 'index.json'))) {
  throw new Error('storybook-static/ is missing: run `pnpm build-storybook` first');
}
const stories = Object.values(
  JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8')).entries as Record<
    string,
    { id: string; type: string }
  >,
).filter((entry) => entry.type === 'story');

let browser: Browser;
let base: string;
let close: () => void;

beforeAll(async () => {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://sb').pathname);
    const file = normalize(join(STATIC, path === '/' ? 'index.html' : path));
    try {
      if (!file.startsWith(STATIC)) throw new Error('outside');
      const body = await readFile(file);
      response
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  close?.();
});

describe('Storybook stories', () => {
  it('cover every widget', () => {
    const widgets = new Set(stories.map((story) => story.id.split('--')[0]));
    expect([...widgets].sort()).toEqual([
      'widgets-friends-recommended',
      'widgets-invite-panel',
      'widgets-photo-gallery',
      'widgets-rating-summary',
      'widgets-review-carousel',
      'widgets-review-form',
      'widgets-review-list',
      'widgets-stars',
      'widgets-testimonial-wall',
    ]);
  });

  it(
    'have no axe violations and throw no errors',
    async () => {
      const failures: string[] = [];
      const page = await browser.newPage();
      const watch = watchPage(page);
      for (const story of stories) {
        await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
        // Data comes from in-page fixtures; give the widgets a moment to settle.
        await page.waitForFunction(
          () => document.querySelector('#storybook-root')?.childElementCount,
          null,
          { timeout: 10_000 },
        );
        await page.waitForTimeout(250);
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run(
                  context: unknown,
                  options: unknown,
                ): Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
              };
            }
          ).axe;
          const run = () =>
            axe.run(document, {
              // Page-level rules do not apply to a widget shown alone in a frame.
              rules: {
                region: { enabled: false },
                'landmark-one-main': { enabled: false },
                'page-has-heading-one': { enabled: false },
              },
            });
          // Storybook's a11y addon runs the same axe after each render (again when
          // a story sets globals); on a busy machine it may still be at it.
          for (let attempt = 0; ; attempt++) {
            try {
              const result = await run();
              return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
            } catch (error) {
              if (attempt >= 40 || !String(error).includes('already running')) throw error;
              await new Promise((resolve) => setTimeout(resolve, 250));
            }
          }
        });
        if (violations.length) failures.push(`${story.id}: ${violations.join(', ')}`);
      }
      await page.close();
      expect(failures).toEqual([]);
      expect(watch.errors).toEqual([]);
    },
    stories.length * 3_000,
  );
});
