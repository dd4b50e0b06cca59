import type { StoreSettings } from '@koubei/core';

/** The attribute value as HTML text: the snippet is pasted into pages, so quotes are escaped. */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The script tag a shop pastes, with this store's values filled in. The
 * `crossorigin` attribute matters when the script is served from another
 * origin than the page: without it the loader cannot load its chunks.
 */
export function scriptTagFor(
  settings: Pick<StoreSettings, 'store' | 'theme'>,
  origin: string,
  language: string,
): string {
  const tokens = Object.keys(settings.theme).length
    ? `\n  data-tokens="${escapeAttribute(JSON.stringify(settings.theme))}"`
    : '';
  return `<div data-koubei="summary" data-product="YOUR-PRODUCT-ID"></div>
<div data-koubei="reviews" data-product="YOUR-PRODUCT-ID"></div>
<script
  async
  crossorigin="anonymous"
  src="${escapeAttribute(origin)}/cdn/koubei.js"
  data-api="${escapeAttribute(origin)}"
  data-store="${escapeAttribute(settings.store)}"
  data-locale="${escapeAttribute(language)}"${tokens}
></script>`;
}
