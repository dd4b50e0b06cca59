import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

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
