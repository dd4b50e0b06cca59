import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import type { Product, ShopLanguage } from './catalogue.ts';
import { findProduct, SIGNED_IN_CUSTOMER } from './catalogue.ts';
import type { MerchantApi } from './merchant-api.ts';
import type { OrderOutcome, PageContext } from './pages.ts';
import {
  accountPage,
  homePage,
  listingPage,
  notFoundPage,
  orderPage,
  productPage,
} from './pages.ts';

/** The widget's script-tag build, served here the way a CDN would serve it. */
export const CDN_DIR = fileURLToPath(new URL('../../widget/dist/cdn/', import.meta.url));
/** The page built with Vite from the npm components (see app/ and vite.config.ts). */
export const APP_DIR = fileURLToPath(new URL('../dist/app/', import.meta.url));
const ASSETS_DIR = fileURLToPath(new URL('../public/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
};

export interface StorefrontOptions {
  /** Where the Koubei API answers; read per request, since it may start after the shop. */
  readonly apiUrl: () => string;
  /** The shop's back office: customer tokens and purchase reports, server-side. */
  readonly merchant: MerchantApi;
}

/**
 * A shop's web server: plain HTML pages, its stylesheet and pictures, a copy
 * of Koubei's CDN folder, and the Vite-built developer page. It knows nothing
 * about reviews: the pages carry Koubei's script tag and placeholders only.
 */
export function createStorefront(options: StorefrontOptions): Hono {
  const app = new Hono();

  // A strict policy, as careful shops send: no inline script or style, only
  // this origin's files and the Koubei API (data and customer photos).
  app.use('*', async (c, next) => {
    await next();
    const api = options.apiUrl();
    c.header(
      'content-security-policy',
      [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        `img-src 'self' ${api} data: blob:`,
        `connect-src 'self' ${api}`,
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    c.header('x-content-type-options', 'nosniff');
  });

  const staticFile = (root: string, cache: string) => async (relative: string) => {
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return null;
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': cache,
        },
      });
    } catch {
      return null;
    }
  };
  const cdnFile = staticFile(CDN_DIR, 'no-cache');
  const assetFile = staticFile(ASSETS_DIR, 'no-cache');
  const appFile = staticFile(APP_DIR, 'no-cache');

  app.get('/cdn/*', async (c) => {
    const file = await cdnFile(c.req.path.slice('/cdn/'.length));
    if (!file) return c.notFound();
    // As a CDN does: other sites may load these files (their chunks are ES modules, fetched with CORS).
    file.headers.set('access-control-allow-origin', '*');
    return file;
  });
  app.get('/assets/*', async (c) => (await assetFile(c.req.path.slice(1))) ?? c.notFound());
  app.get('/images/:file{[a-z0-9-]+\\.svg}', (c) => {
    const product = findProduct(c.req.param('file').replace(/\.svg$/, ''));
    if (!product) return c.notFound();
    return c.body(productPicture(product), 200, {
      'content-type': TYPES['.svg'] as string,
      'cache-control': 'max-age=3600',
    });
  });
  app.get('/favicon.ico', (c) => c.redirect('/assets/logo.svg', 301));

  // The developer page: Vite's output, told where the API is through a meta tag.
  app.get('/app', (c) => c.redirect('/app/'));
  app.get('/app/*', async (c) => {
    const relative = c.req.path.slice('/app/'.length) || 'index.html';
    if (relative !== 'index.html') return (await appFile(relative)) ?? c.notFound();
    const page = await appFile('index.html');
    if (!page) return c.text('The developer page is not built: run `pnpm start`.', 503);
    const text = (await page.text()).replace('@KOUBEI_API@', escapeAttribute(options.apiUrl()));
    return c.html(text);
  });

  app.get('/', (c) => {
    const preferred = c.req.header('accept-language') ?? '';
    // The query stays: invite links land here with `?koubei_invite=CODE`.
    const { search } = new URL(c.req.url);
    return c.redirect(`${/^\s*zh/i.test(preferred) ? '/zh/' : '/en/'}${search}`);
  });

  /** Mei's token for her widgets; a page without it still works (the placeholders' fallback shows). */
  const customerToken = async (): Promise<string | null> => {
    try {
      return await options.merchant.customerToken(SIGNED_IN_CUSTOMER);
    } catch (error) {
      console.error('The customer token could not be had:', error);
      return null;
    }
  };

  const pages: Record<string, (context: PageContext) => ReturnType<typeof homePage>> = {
    '/': homePage,
    '/products': listingPage,
    '/account': accountPage,
  };
  app.get('/:language{en|zh}/*', async (c) => {
    const language = c.req.param('language') as ShopLanguage;
    const path = c.req.path.slice(language.length + 1) || '/';
    const context: PageContext = {
      language,
      path,
      apiUrl: options.apiUrl(),
      koubei: c.req.query('koubei') !== 'off',
    };
    const page = pages[path];
    if (page) {
      const token = path === '/account' ? await customerToken() : null;
      return c.html(page({ ...context, customerToken: token }));
    }
    const match = /^\/products\/([a-z0-9-]+)$/.exec(path);
    const product = match ? findProduct(match[1] as string) : undefined;
    if (product)
      return c.html(productPage({ ...context, customerToken: await customerToken() }, product));
    return c.html(notFoundPage(context), 404);
  });

  // The demo checkout, as a shop's backend does it: a new customer places
  // the order, and the invite cookies the script tag kept (first-party) go
  // with the purchase report, so the friend and the inviter are rewarded.
  app.post('/:language{en|zh}/checkout', csrf(), async (c) => {
    const language = c.req.param('language') as ShopLanguage;
    const context: PageContext = { language, path: '/checkout', apiUrl: options.apiUrl() };
    const form = await c.req.parseBody();
    const product = typeof form.product === 'string' ? findProduct(form.product) : undefined;
    if (!product) return c.html(notFoundPage(context), 404);
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    const inviteCode = getCookie(c, 'koubei_invite');
    const visitorId = getCookie(c, 'koubei_visitor');
    let outcome: OrderOutcome;
    try {
      const result = await options.merchant.reportPurchase({
        customerId: `demo-shopper-${randomUUID()}`,
        ...(email ? { email } : {}),
        products: [product.id],
        ...(inviteCode ? { inviteCode } : {}),
        ...(visitorId ? { visitorId } : {}),
      });
      outcome = !result
        ? { invite: 'none' }
        : result.credited
          ? {
              invite: 'credited',
              friendRewards: result.rewards
                .filter((reward) => reward.side === 'invitee')
                .map((reward) => reward.reward),
            }
          : { invite: 'not-credited' };
    } catch (error) {
      // The order stands; only its report failed (a shop would retry it later).
      console.error('The purchase could not be reported to Koubei:', error);
      outcome = { invite: inviteCode ? 'not-credited' : 'none' };
    }
    return c.html(orderPage(context, product, outcome));
  });
  app.get('/:language{en|zh}', (c) => c.redirect(`/${c.req.param('language')}/`));

  return app;
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A drawn picture for each product (a shop would have photos): a cup on its colours. */
function productPicture(product: Product): string {
  const [dark, light] = product.colours;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
<rect width="200" height="200" fill="url(#g)"/>
<ellipse cx="100" cy="150" rx="62" ry="10" fill="#00000022"/>
<path d="M48 80h104l-10 62a12 12 0 0 1-12 10H70a12 12 0 0 1-12-10z" fill="#fffdf8" stroke="${dark}" stroke-width="4"/>
<path d="M152 92c20 0 22 30 0 32" fill="none" stroke="${dark}" stroke-width="6"/>
<path d="M84 66c-6-10 6-14 0-26M104 66c-6-10 6-14 0-26M124 66c-6-10 6-14 0-26" fill="none" stroke="#ffffffaa" stroke-width="4" stroke-linecap="round"/>
</svg>`;
}
