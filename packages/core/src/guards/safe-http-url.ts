import { MAX_URL_LENGTH } from '../model/constants.ts';

export interface SafeHttpUrlOptions {
  /**
   * Also accept `http:` for localhost, 127.0.0.1 and [::1]: a shop running
   * the API server on its own machine during development. Never for data
   * from other people.
   */
  readonly allowHttpLoopback?: boolean;
  /** When given, only these hosts (exact, lowercase, punycode) are accepted. */
  readonly allowedHosts?: readonly string[];
}

// C0 and C1 controls, DEL, line/paragraph separators, zero-width and bidi
// formatting characters: none belongs in a URL, and each has been used to
// smuggle `javascript:` past naive checks.
const HIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The one guard every URL from data or config passes before it reaches
 * `href` or `src`. Preact, unlike React, does not block `javascript:` URLs,
 * so this is our only protection. Returns the normalised absolute URL
 * (hosts in punycode, so look-alike letters show their real form) or `null`.
 */
export function safeHttpUrl(value: unknown, options: SafeHttpUrlOptions = {}): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL_LENGTH || HIDDEN_CHARACTERS.test(trimmed))
    return null;
  // Only absolute URLs with an explicit scheme: a relative `//evil.example`
  // would otherwise resolve against whatever page the widget lives on.
  if (!/^https?:\/\//i.test(trimmed)) return null;

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;

  const isHttps = url.protocol === 'https:';
  const isLoopbackHttp =
    url.protocol === 'http:' &&
    options.allowHttpLoopback === true &&
    LOOPBACK_HOSTS.has(url.hostname);
  if (!isHttps && !isLoopbackHttp) return null;
  if (options.allowedHosts && !options.allowedHosts.includes(url.hostname)) return null;

  const href = url.href;
  return href.length <= MAX_URL_LENGTH ? href : null;
}

export interface SafeLinkUrlOptions extends SafeHttpUrlOptions {
  /** The page the link sits on; relative links resolve against it. */
  readonly base?: string;
}

/**
 * For links a shop configures (a badge linking to `/products/sku-1#reviews`):
 * absolute URLs pass `safeHttpUrl`; paths, queries and fragments resolve
 * against the page, keeping its own http(s) scheme, and nothing else does.
 * Scheme-relative `//host` is refused: it would leave the shop's site.
 */
export function safeLinkUrl(value: unknown, options: SafeLinkUrlOptions = {}): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!/^(\/(?![/\\])|[#?])/.test(trimmed)) return safeHttpUrl(trimmed, options);
  if (trimmed.length > MAX_URL_LENGTH || HIDDEN_CHARACTERS.test(trimmed) || !options.base)
    return null;
  try {
    const base = new URL(options.base);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') return null;
    const url = new URL(trimmed, base);
    return url.origin === base.origin ? url.href : null;
  } catch {
    return null;
  }
}
