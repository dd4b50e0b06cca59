import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PRODUCT_ID_PATTERN,
  STORE_ID_PATTERN,
  SUPPORTED_LOCALES,
  ThemeTokensSchema,
} from '@koubei/core';
import type { Context } from 'hono';
import * as v from 'valibot';

/** Where `pnpm --filter @koubei/server build:console` writes the console. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../dist/console/', import.meta.url));
/** The script-tag build of the widgets (`pnpm --filter @koubei/widget build:cdn`), when present. */
export const WIDGET_CDN_DIR = fileURLToPath(new URL('../../../widget/dist/cdn/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

// The console handles a store key: scripts and data from this origin only,
// no framing (clickjacking), no referrer.
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Koubei console</title></head>
<body><main><h1>The console is not built yet</h1>
<p>Run <code>pnpm --filter @koubei/server build:console</code>, then reload this page.</p>
<p>控制台尚未构建：请运行 <code>pnpm --filter @koubei/server build:console</code> 后刷新本页。</p></main></body></html>`;

/** A file inside `root`, or null (missing, or a path that tries to leave the folder). */
async function fileIn(root: string, relative: string): Promise<Buffer | null> {
  const file = normalize(join(root, relative));
  if (!file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) return null;
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/** GET /console/* : the built console; a page saying how to build it when it is not there. */
export async function serveConsole(c: Context, relative: string, root = CONSOLE_DIR) {
  const headers = {
    'content-security-policy': CONSOLE_CSP,
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
  const asset = relative.startsWith('assets/') ? await fileIn(root, relative) : null;
  if (asset) {
    return c.body(new Uint8Array(asset), 200, {
      ...headers,
      'content-type': TYPES[extname(relative)] ?? 'application/octet-stream',
      // File names carry a content hash.
      'cache-control': 'public, max-age=31536000, immutable',
    });
  }
  if (relative.startsWith('assets/')) return c.body('Not found', 404, headers);
  const index = await fileIn(root, 'index.html');
  return c.body(index ? new Uint8Array(index) : NOT_BUILT, index ? 200 : 503, {
    ...headers,
    'content-type': TYPES['.html'] as string,
    'cache-control': 'no-cache',
  });
}

/** GET /cdn/* : the widgets' script-tag files, so the console's snippet works against this server. */
export async function serveWidgetCdn(c: Context, relative: string, root = WIDGET_CDN_DIR) {
  const body = /^[\w.-]+\.js$/.test(relative) ? await fileIn(root, relative) : null;
  if (!body) return c.body('Not found', 404);
  return c.body(new Uint8Array(body), 200, {
    'content-type': TYPES['.js'] as string,
    'cache-control': 'public, max-age=300',
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
  });
}

const PREVIEW_QUERY = v.object({
  store: v.pipe(v.string(), v.regex(STORE_ID_PATTERN)),
  product: v.pipe(v.string(), v.regex(PRODUCT_ID_PATTERN)),
  locale: v.picklist(SUPPORTED_LOCALES),
  tokens: v.optional(v.string(), '{}'),
});

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * GET /console/preview: the real widgets for one product, through the script
 * tag, with theme tokens that are not saved yet — the settings view shows it
 * in a frame as the merchant edits the theme. Public data only; no key.
 */
export function servePreview(c: Context) {
  const query = v.safeParse(PREVIEW_QUERY, c.req.query());
  let tokens: unknown = null;
  if (query.success) {
    try {
      tokens = JSON.parse(query.output.tokens);
    } catch {
      tokens = null;
    }
  }
  const theme = v.safeParse(ThemeTokensSchema, tokens);
  if (!query.success || !theme.success) return c.body('Bad preview parameters', 400);
  const { store, product, locale } = query.output;
  const origin = new URL(c.req.url).origin;
  const attribute = (name: string, value: string) => ` ${name}="${escapeAttribute(value)}"`;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Preview</title></head>
<body><main>
<div data-koubei="stars"${attribute('data-product', product)}></div>
<div data-koubei="summary"${attribute('data-product', product)}></div>
<div data-koubei="reviews"${attribute('data-product', product)} data-page-size="2"></div>
</main>
<script async src="/cdn/koubei.js"${attribute('data-api', origin)}${attribute('data-store', store)}${attribute('data-locale', locale)}${attribute('data-tokens', JSON.stringify(theme.output))} data-beacon="off"></script>
</body></html>`;
  return c.body(html, 200, {
    'content-type': TYPES['.html'] as string,
    'content-security-policy': CONSOLE_CSP.replace(
      "frame-ancestors 'none'",
      "frame-ancestors 'self'",
    ),
    'cache-control': 'no-store',
  });
}
