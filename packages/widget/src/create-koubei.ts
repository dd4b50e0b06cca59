import type { EmitInput, KoubeiServices } from './shared/services.ts';
import type { KoubeiClient, KoubeiEvent, MessageOverrides, SupportedLocale } from '@koubei/core';
import {
  ALL_MESSAGES,
  EVENT_SCHEMA_VERSION,
  createIdempotencyKey,
  createKoubeiClient,
  createTranslator,
  detectStorage,
  safeHttpUrl,
} from '@koubei/core';

export interface CreateKoubeiOptions {
  /** Base URL of the Koubei API (https, or http on localhost). */
  readonly apiBase: string;
  readonly store: string;
  /** A client you made yourself (custom fetch, caching); made from apiBase and store otherwise. */
  readonly client?: KoubeiClient;
  /** Locale tag or preference list; defaults to the browser's languages. */
  readonly locale?: string | readonly string[];
  /** Your own wording, per locale. */
  readonly messages?: Partial<Record<SupportedLocale, MessageOverrides>>;
  /** `apiBase` is a static export (see the server's export command): reads only. */
  readonly staticSite?: boolean;
  /** Called for every widget event (impressions excepted: the host app knows what it shows). */
  readonly onEvent?: (event: KoubeiEvent) => void;
}

/**
 * Services for the npm components: pass the result to every widget as its
 * `koubei` prop. Nothing happens at import time; this only runs when called.
 */
export function createKoubei(options: CreateKoubeiOptions): KoubeiServices {
  const apiBase = safeHttpUrl(options.apiBase, { allowHttpLoopback: true });
  if (!apiBase)
    throw new TypeError(
      `Koubei: apiBase must be an https URL, got ${JSON.stringify(options.apiBase)}`,
    );
  const client =
    options.client ??
    createKoubeiClient({
      apiBase,
      store: options.store,
      storage: detectStorage(() => globalThis.localStorage),
      staticSite: options.staticSite ?? false,
    });
  const pageView = createIdempotencyKey();
  let visitor: string | undefined;
  const t = createTranslator({
    locale: options.locale ?? (typeof navigator === 'undefined' ? 'en' : navigator.languages),
    messages: ALL_MESSAGES,
    ...(options.messages ? { overrides: options.messages } : {}),
  });

  return {
    store: options.store,
    t,
    summaries: client,
    client: () => Promise.resolve(client),
    emit(event: EmitInput) {
      options.onEvent?.({
        v: EVENT_SCHEMA_VERSION,
        type: event.type,
        store: options.store,
        widget: event.widget,
        ...(event.product ? { product: event.product } : {}),
        at: new Date().toISOString(),
        pageView,
        ...(event.detail ? { detail: { ...event.detail } } : {}),
      });
    },
    urlOptions: { allowHttpLoopback: new URL(apiBase).protocol === 'http:' },
    visitorId: () => Promise.resolve((visitor ??= createIdempotencyKey())),
    pageUrl: typeof location === 'undefined' ? 'https://localhost/' : location.href,
    staticSite: options.staticSite ?? false,
    hasFallbackSlot: false,
    now: Date.now,
  };
}
