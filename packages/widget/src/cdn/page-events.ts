import type { KoubeiEvent } from '@koubei/core';
import type { EmitInput } from '../shared/services.ts';
import type { LoaderConfig } from './runtime-types.ts';

export interface PageEventsOptions {
  readonly store: string;
  /**
   * `EVENT_SCHEMA_VERSION`, passed in by the runtime: importing it here would
   * make the bundler split the constants into a chunk of their own, one more
   * request before the first badge paints.
   */
  readonly schemaVersion: KoubeiEvent['v'];
  readonly beaconUrl: string | null;
  /** Name of a page-owned array (e.g. `dataLayer`) to push events to; never created by us. */
  readonly dataLayer: string | undefined;
}

/** Widgets that float over the page rather than fill their placeholder. */
const FLOATING: readonly string[] = ['invitee-banner'];

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/**
 * Events leave a widget three ways: a DOM CustomEvent (`koubei:<type>`) that
 * bubbles out of the shadow root, the page's own `dataLayer` if it has one,
 * and a batched beacon to the Koubei server, flushed when the page is hidden.
 */
export function createPageEvents(options: PageEventsOptions) {
  const pageView = randomId();
  const layerName =
    options.dataLayer && /^[A-Za-z_$][\w$]{0,63}$/.test(options.dataLayer)
      ? options.dataLayer
      : undefined;
  let queue: KoubeiEvent[] = [];

  function flush(): void {
    if (queue.length === 0 || !options.beaconUrl) return;
    const events = queue.slice(0, 50);
    queue = queue.slice(50);
    try {
      const body = new Blob([JSON.stringify({ events })], { type: 'text/plain;charset=UTF-8' });
      navigator.sendBeacon?.(options.beaconUrl, body);
    } catch {
      // Analytics are best-effort; the shopper's page matters more.
    }
    if (queue.length > 0) flush();
  }

  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  addEventListener('pagehide', flush);

  function emit(host: Element, input: EmitInput): void {
    if (input.type === 'view' && FLOATING.includes(input.widget)) {
      viewed.add(host);
      countImpression(host);
    }
    const event: KoubeiEvent = {
      v: options.schemaVersion,
      type: input.type,
      store: options.store,
      widget: input.widget,
      ...(input.product ? { product: input.product } : {}),
      at: new Date().toISOString(),
      pageView,
      ...(input.detail ? { detail: { ...input.detail } } : {}),
    };
    host.dispatchEvent(
      new CustomEvent(`koubei:${input.type}`, { detail: event, bubbles: true, composed: true }),
    );
    const layer = layerName ? (window as unknown as Record<string, unknown>)[layerName] : undefined;
    if (Array.isArray(layer)) layer.push({ event: `koubei.${input.type}`, koubei: event });
    if (options.beaconUrl) {
      queue.push(event);
      if (queue.length >= 20) flush();
    }
  }

  // An impression is half the widget on screen, counted once per page view.
  // A floating widget's placeholder says nothing about what the shopper sees
  // (zero height, anywhere on the page): its own view event counts instead.
  const pending = new WeakMap<Element, EmitInput>();
  const viewed = new WeakSet<Element>();
  function countImpression(host: Element): void {
    const event = pending.get(host);
    if (!event) return;
    pending.delete(host);
    emit(host, event);
  }
  const impressions =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              impressions?.unobserve(entry.target);
              countImpression(entry.target);
            }
          },
          { threshold: 0.5 },
        )
      : undefined;

  return {
    emit,
    watchImpression(host: Element, event: EmitInput): void {
      pending.set(host, event);
      if (!FLOATING.includes(event.widget)) impressions?.observe(host);
      // Shown before this was asked (the view event came first): count it now.
      else if (viewed.has(host)) countImpression(host);
    },
    forget(host: Element): void {
      pending.delete(host);
      impressions?.unobserve(host);
    },
  };
}

export type PageEvents = ReturnType<typeof createPageEvents>;

/**
 * Page events as the script tag configures them: beacons to the API unless
 * `data-beacon="off"` or a static export (which has no server to receive
 * them). Here rather than in the runtime, to keep the first-paint file small.
 */
export function pageEventsFor(
  config: LoaderConfig,
  apiBase: string,
  store: string,
  schemaVersion: KoubeiEvent['v'],
): PageEvents {
  return createPageEvents({
    store,
    schemaVersion,
    beaconUrl:
      config.beacon === 'off' || config.static !== undefined
        ? null
        : `${apiBase}/v1/${store}/events`,
    dataLayer: config.datalayer,
  });
}
