// The storefront's pages. Koubei appears on them exactly as a shop owner
// pastes it: one script tag and placeholders with fallback content, nothing
// else. Everything interpolated goes through hono/html's escaping.
//
// Any page with `?koubei=off` (e.g. /en/products?koubei=off) is the same
// HTML without the script tag: the placeholders keep their fallback content
// and their reserved space. A shop owner compares the two to see what Koubei
// costs their page; the page benchmark (bench/page-cost.bench.ts) does too.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Reward } from '@koubei/core';
import { ALL_MESSAGES, createTranslator, formatReward } from '@koubei/core';
import type { Product, ShopLanguage } from './catalogue.ts';
import { PRODUCTS, STORE_ID } from './catalogue.ts';
import type { ShopCopy } from './copy.ts';
import { COPY } from './copy.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageContext {
  readonly language: ShopLanguage;
  /** Path of this page without the language prefix, e.g. `/products`. */
  readonly path: string;
  /** Where the Koubei API answers (the script tag's data-api). */
  readonly apiUrl: string;
  /**
   * The signed-in customer's token for the referral widgets, from the shop's
   * backend; null when it could not be had (the placeholders keep their fallback).
   */
  readonly customerToken?: string | null;
  /** False for `?koubei=off`: the page leaves out Koubei's script tag, nothing else. */
  readonly koubei?: boolean;
}

const other = (language: ShopLanguage): ShopLanguage => (language === 'en' ? 'zh' : 'en');
const link = (language: ShopLanguage, path: string) => `/${language}${path}`;

/** The script tag from the README, pointed at this demo's copy of the CDN build. */
function koubeiScript(context: PageContext, copy: ShopCopy): Html {
  return html`<script
    async
    src="/cdn/koubei.js"
    data-api="${context.apiUrl}"
    data-store="${STORE_ID}"
    data-locale="${copy.koubeiLocale}"
    data-theme="light"
    data-tokens='{"color-accent":"#0f766e"}'
  ></script>`;
}

function layout(context: PageContext, title: string, main: Html): Html {
  const copy = COPY[context.language];
  const { language, path } = context;
  const current = (target: string) => (path === target ? 'page' : 'false');
  return html`<!doctype html>
    <html lang="${copy.htmlLang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${copy.shopName}</title>
        <link rel="stylesheet" href="/assets/shop.css" />
        <link
          rel="alternate"
          hreflang="${COPY[other(language)].htmlLang}"
          href="${link(other(language), path)}"
        />
      </head>
      <body>
        <a class="skip" href="#main">${language === 'en' ? 'Skip to content' : '跳到正文'}</a>
        <header class="masthead">
          <a class="brand" href="${link(language, '/')}">
            <img src="/assets/logo.svg" alt="" width="32" height="32" /> ${copy.shopName}
          </a>
          <nav aria-label="${language === 'en' ? 'Main' : '主导航'}">
            <a href="${link(language, '/')}" aria-current="${current('/')}">${copy.nav.home}</a>
            <a href="${link(language, '/products')}" aria-current="${current('/products')}"
              >${copy.nav.products}</a
            >
            <a href="${link(language, '/account')}" aria-current="${current('/account')}"
              >${copy.nav.account}</a
            >
            <a href="/app/?lang=${language}">${copy.nav.developers}</a>
            <a href="${`${context.apiUrl}/console`}">${copy.merchant}</a>
            <a
              href="${link(other(language), path)}"
              lang="${COPY[other(language)].htmlLang}"
              hreflang="${COPY[other(language)].htmlLang}"
              >${copy.switchTo}</a
            >
          </nav>
        </header>
        <main id="main">${main}</main>
        <footer class="footer"><p>${copy.footer}</p></footer>
        <div data-koubei="invitee-banner"></div>
        ${context.koubei === false ? '' : koubeiScript(context, copy)}
      </body>
    </html>`;
}

function productImage(product: Product, language: ShopLanguage, size: number): Html {
  return html`<img
    class="product-image"
    src="/images/${product.id}.svg"
    alt="${product.name[language]}"
    width="${size}"
    height="${size}"
  />`;
}

export function homePage(context: PageContext): Html {
  const copy = COPY[context.language];
  return layout(
    context,
    copy.nav.home,
    html`<section class="hero">
        <h1>${copy.heroTitle}</h1>
        <p>${copy.heroText}</p>
        <p><a class="button" href="${link(context.language, '/products')}">${copy.heroCta}</a></p>
      </section>
      <div data-koubei="testimonials" data-limit="6">
        <h2>${copy.wallTitle}</h2>
        <blockquote>
          <p>“The best tea set we have bought. Guests always ask where it is from.”</p>
          <footer>— Mei Lin, Lin’s Tea Room</footer>
        </blockquote>
      </div>
      <div data-koubei="gallery" data-limit="12">
        <h2>${copy.galleryTitle}</h2>
        <p>${copy.galleryFallback}</p>
      </div>`,
  );
}

export function listingPage(context: PageContext): Html {
  const copy = COPY[context.language];
  const { language } = context;
  // One grid, as most shops show a category: every badge is near the first
  // screen, so the script tag fetches all 24 ratings in one request.
  const cards = PRODUCTS.map((product) => {
    const reviews = link(language, `/products/${product.id}#reviews`);
    return html`<li class="card">
      <a class="card-link" href="${link(language, `/products/${product.id}`)}">
        ${productImage(product, language, 160)}
        <span class="card-section">${copy.sections[product.section]}</span>
        <span class="card-name">${product.name[language]}</span>
      </a>
      <div data-koubei="stars" data-product="${product.id}" data-href="${reviews}">
        <a href="${reviews}"
          >${copy.reviewsLink}<span class="visually-hidden"> — ${product.name[language]}</span></a
        >
      </div>
      <p class="price">${copy.price(product.price)}</p>
    </li>`;
  });
  return layout(
    context,
    copy.listingTitle,
    html`<h1>${copy.listingTitle}</h1>
      <p>${copy.listingIntro}</p>
      <ul class="cards">
        ${cards}
      </ul>`,
  );
}

export function productPage(context: PageContext, product: Product): Html {
  const copy = COPY[context.language];
  const { language } = context;
  const name = product.name[language];
  return layout(
    context,
    name,
    html`<nav class="breadcrumb" aria-label="${copy.breadcrumb}">
        <a href="${link(language, '/products')}">${copy.nav.products}</a> ›
        <span aria-current="page">${name}</span>
      </nav>
      <article class="product">
        ${productImage(product, language, 320)}
        <div class="product-facts">
          <h1>${name}</h1>
          <div
            data-koubei="stars"
            data-product="${product.id}"
            data-href="#reviews"
            data-size="large"
          >
            <a href="#reviews">${copy.reviewsLink}</a>
          </div>
          <div
            data-koubei="social-proof"
            data-product="${product.id}"
            data-variant="customers"
          ></div>
          <p class="price">${copy.price(product.price)}</p>
          <p>${copy.productIntro}</p>
          <p><button class="button" type="button">${copy.addToCart}</button></p>
          <form class="checkout" method="post" action="${link(language, '/checkout')}">
            <h2 id="checkout-title">${copy.checkoutTitle}</h2>
            <p>${copy.checkoutNote}</p>
            <input type="hidden" name="product" value="${product.id}" />
            <label for="checkout-email">${copy.checkoutEmail}</label>
            <input
              id="checkout-email"
              name="email"
              type="email"
              autocomplete="email"
              required
              maxlength="254"
            />
            <button class="button" type="submit">${copy.checkoutButton}</button>
          </form>
        </div>
      </article>
      <div id="reviews" class="reviews">
        <div data-koubei="summary" data-product="${product.id}" data-product-name="${name}"></div>
        <div data-koubei="reviews" data-product="${product.id}" data-page-size="5">
          <p>${copy.reviewsFallback}</p>
        </div>
      </div>
      <section>
        <h2 id="highlights-title">${copy.highlights}</h2>
        <div
          data-koubei="carousel"
          data-product="${product.id}"
          data-min-rating="4"
          data-limit="8"
        ></div>
      </section>
      <div data-koubei="form" data-product="${product.id}" data-product-name="${name}">
        <h2>${copy.writeTitle}</h2>
        <p>${copy.writeFallback}</p>
      </div>
      ${customerWidget(
        'invite',
        context,
        html`<h2>${copy.inviteTitle}</h2>
          <p><a href="${link(language, '/account')}">${copy.inviteFallback}</a></p>`,
        name,
      )}`,
  );
}

export function accountPage(context: PageContext): Html {
  const copy = COPY[context.language];
  return layout(
    context,
    copy.accountTitle,
    html`<h1>${copy.accountTitle}</h1>
      <p>${copy.accountGreeting}</p>
      <section aria-labelledby="orders-title">
        <h2 id="orders-title">${copy.ordersTitle}</h2>
        <ul>
          ${copy.orders.map((order) => html`<li>${order}</li>`)}
        </ul>
      </section>
      ${customerWidget(
        'invite',
        context,
        html`<h2>${copy.inviteTitle}</h2>
          <p>${copy.inviteFallback}</p>`,
      )}
      ${customerWidget(
        'invite-status',
        context,
        html`<h2>${copy.invitationsTitle}</h2>
          <p>${copy.invitationsFallback}</p>`,
      )}`,
  );
}

/**
 * A widget for the signed-in customer: with their token it becomes the
 * widget; without one (the API was down) it stays the shop's fallback.
 */
function customerWidget(
  kind: 'invite' | 'invite-status',
  context: PageContext,
  fallback: Html,
  productName?: string,
): Html {
  if (!context.customerToken) return html`<div>${fallback}</div>`;
  const copy = COPY[context.language];
  return html`<div
    data-koubei="${kind}"
    data-customer-token="${context.customerToken}"
    ${kind === 'invite' ? html`data-store-name="${copy.shopName}"` : ''}
    ${productName ? html`data-product-name="${productName}"` : ''}
  >
    ${fallback}
  </div>`;
}

/** What came of a demo order, as the shop's backend learnt it from Koubei. */
export type OrderOutcome =
  | { readonly invite: 'none' }
  | { readonly invite: 'credited'; readonly friendRewards: readonly Reward[] }
  | { readonly invite: 'not-credited' };

export function orderPage(context: PageContext, product: Product, outcome: OrderOutcome): Html {
  const copy = COPY[context.language];
  const translator = createTranslator({ locale: copy.koubeiLocale, messages: ALL_MESSAGES });
  const rewards =
    outcome.invite === 'credited'
      ? html`<section class="order-reward" aria-labelledby="friend-reward-title">
          <h2 id="friend-reward-title">${copy.friendRewardTitle}</h2>
          <ul>
            ${outcome.friendRewards.map(
              (reward) =>
                html`<li>
                  ${formatReward(translator, reward)}
                  ${
                    reward.kind === 'coupon' && reward.code
                      ? html` — ${copy.couponCode} <strong>${reward.code}</strong>`
                      : ''
                  }
                </li>`,
            )}
          </ul>
        </section>`
      : html`<p>${outcome.invite === 'none' ? copy.noFriendReward : copy.inviteNotCredited}</p>`;
  return layout(
    context,
    copy.orderTitle,
    html`<h1>${copy.orderTitle}</h1>
      <p>${copy.orderSummary(product.name[context.language])}</p>
      ${rewards}
      <p><a href="${link(context.language, '/products')}">${copy.backToShop}</a></p>`,
  );
}

export function notFoundPage(context: PageContext): Html {
  const copy = COPY[context.language];
  return layout(context, copy.notFound, html`<h1>${copy.notFound}</h1>`);
}
