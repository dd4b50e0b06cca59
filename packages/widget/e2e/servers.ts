import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFixtureFetch } from '../src/stories/fixture-api.ts';
import type { Scenario } from '../src/stories/fixture-api.ts';
import { makeReviews } from '../src/stories/fixtures.ts';

const CDN = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
};

export interface Running {
  readonly url: string;
  close(): Promise<void>;
}

function listen(server: Server): Promise<Running> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * A shop: serves test pages (registered per test, with optional response
 * headers such as a CSP) and the built script-tag files under /cdn/.
 */
export async function startShop(): Promise<
  Running & { page(path: string, html: string, headers?: Record<string, string>): void }
> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://shop').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const page = pages.get(path);
    if (page) {
      response.writeHead(200, { 'content-type': TYPES['.html'] as string, ...page.headers });
      response.end(page.html);
      return;
    }
    if (path.startsWith('/cdn/')) {
      const file = normalize(join(CDN, path.slice('/cdn/'.length)));
      if (file.startsWith(CDN)) {
        try {
          const body = await readFile(file);
          response.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          });
          response.end(body);
          return;
        } catch {
          // falls through to 404
        }
      }
    }
    response.writeHead(404).end();
  });
  const running = await listen(server);
  return { ...running, page: (path, html, headers = {}) => pages.set(path, { html, headers }) };
}

export interface ApiControl {
  /** Every request the API received, as `METHOD path?query`. */
  readonly requests: string[];
  /** `down` answers 503 to everything; `normal` answers from fixtures. */
  mode: 'normal' | 'down';
}

/**
 * A stand-in Koubei API on its own origin (so CORS is real), answering from
 * the same fixtures as Storybook. The real server replaces it in the demo's
 * end-to-end tests.
 */
export async function startApi(
  scenario: Scenario = 'normal',
): Promise<Running & { control: ApiControl }> {
  const reviews = [
    ...makeReviews(64),
    ...Array.from({ length: 30 }, (_, i) => makeReviews(3 + (i % 5), `p${i + 1}`)).flat(),
  ];
  const answer = createFixtureFetch(scenario, reviews);
  const control: ApiControl = { requests: [], mode: 'normal' };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://api');
    control.requests.push(`${request.method} ${url.pathname}${url.search}`);
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, idempotency-key',
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST' }).end();
      return;
    }
    if (control.mode === 'down') {
      response
        .writeHead(503, { ...cors, 'content-type': 'text/html' })
        .end('<h1>Service Unavailable</h1>');
      return;
    }
    const result = await answer(`https://api.koubei.test${url.pathname}${url.search}`, {
      method: request.method ?? 'GET',
    });
    const type = result.headers.get('content-type');
    response.writeHead(result.status, { ...cors, ...(type ? { 'content-type': type } : {}) });
    response.end(await result.text());
  });
  const running = await listen(server);
  return { ...running, control };
}
