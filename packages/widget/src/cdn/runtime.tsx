/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// The first-paint files (this runtime, WidgetRoot, StarRow, StarsView) use
// Preact's `h` instead of the automatic JSX runtime: that saves the
// jsx-runtime module on the star badge's path (measured: 0.3 KB gzip).
import type { KoubeiClient, ProductSummary, Translator, WidgetKind } from '@koubei/core';
import type { EmitInput } from '../shared/services.ts';
import {
  EVENT_SCHEMA_VERSION,
  PRODUCT_ID_PATTERN,
  STORE_ID_PATTERN,
  createTranslator,
  enStars,
  safeHttpUrl,
  zhCNStars,
} from '@koubei/core/first-paint';
import type { VNode } from 'preact';
import { Fragment, h, render } from 'preact';
import type { KoubeiServices } from '../shared/services.ts';
import type { ThemeName } from '../shared/WidgetRoot.tsx';
import { WidgetRoot } from '../shared/WidgetRoot.tsx';
import { StarsView } from '../Stars/StarsView.tsx';
import { getSharedStylesheet } from '../styles/register-css.ts';
import type { LoaderConfig, Placeholder, Runtime } from './runtime-types.ts';
import { createSummaryStore } from './summary-store.ts';
import type * as ClientChunk from './client-chunk.ts';
import type { PageEvents } from './page-events.ts';
import type { WidgetChunk } from './widget-chunks.ts';

interface Mounted {
  readonly placeholder: Placeholder;
  readonly shadow: ShadowRoot;
  /** Renders again with the current services (new locale, theme, or fresh data). */
  paint(): void;
}

// Warnings are for the shop's developer; every one ends with the fallback content left in place.
const warn = (...args: unknown[]) => console.warn('Koubei:', ...args);

/**
 * The script-tag runtime: validates the loader's config, builds the services
 * widgets share, and mounts each placeholder into its own shadow root with
 * the shared stylesheet. Loaded by koubei.js once a placeholder nears the
 * viewport; never loaded on pages without placeholders.
 */
export function createRuntime(config: LoaderConfig): Runtime {
  const apiBase = safeHttpUrl(config.api, { allowHttpLoopback: true })?.replace(/\/+$/, '');
  const store = config.store ?? '';
  const storeOk = STORE_ID_PATTERN.test(store);
  if (!apiBase || !storeOk) {
    warn('data-api must be https, data-store a store id');
    return { mount() {}, unmount() {}, refresh() {}, update() {} };
  }
  const apiIsLoopback = new URL(apiBase).protocol === 'http:';
  const staticSite = config.static !== undefined;
  const summaries = createSummaryStore(apiBase, store, staticSite);
  // Events and theme tokens load after the first paint, in their own chunks.
  let pageEvents: Promise<PageEvents> | undefined;
  const events = () =>
    (pageEvents ??= import('./page-events.ts').then((m) =>
      m.pageEventsFor(config, apiBase, store, EVENT_SCHEMA_VERSION),
    ));
  const emit = (host: Element, event: EmitInput) =>
    events().then(
      (e) => e.emit(host, event),
      () => undefined,
    );
  const tokens = config.tokens;
  const themeTokens = tokens
    ? import('../styles/theme-tokens.ts').then((m) => m.tokenApplier(tokens))
    : undefined;
  let clientChunk: Promise<typeof ClientChunk> | undefined;
  let client: Promise<KoubeiClient> | undefined;
  const loadClientChunk = () => (clientChunk ??= import('./client-chunk.ts'));
  const loadClient = () =>
    (client ??= loadClientChunk().then((m) => m.createClient({ apiBase, store, staticSite })));

  let translator: Translator;
  let theme: ThemeName;
  function readSettings(): void {
    translator = createTranslator({
      locale: [config.locale, document.documentElement.lang, ...navigator.languages].filter(
        (tag): tag is string => !!tag,
      ),
      messages: { en: enStars, 'zh-CN': zhCNStars },
    });
    theme = config.theme === 'dark' || config.theme === 'auto' ? config.theme : 'light';
  }
  readSettings();

  const mounted = new Map<Element, Mounted>();
  // Bumped by refresh(): widgets are keyed by it, so they remount and fetch again.
  let generation = 0;
  const sheet = getSharedStylesheet();
  function servicesFor(placeholder: Placeholder, t: Translator): KoubeiServices {
    return {
      store,
      t,
      summaries,
      client: loadClient,
      emit: (event) => emit(placeholder.element, event),
      urlOptions: { allowHttpLoopback: apiIsLoopback },
      visitorId: () => loadClientChunk().then((m) => m.visitorId()),
      pageUrl: location.href,
      staticSite,
      hasFallbackSlot: true,
      now: Date.now,
    };
  }

  /** Renders into the shadow root; a render that throws leaves the fallback content showing. */
  function paintInto(entry: Mounted, content: VNode | null, koubei: KoubeiServices): void {
    // No `dir` here: direction inherits from the placeholder into its shadow
    // root (`all: initial` leaves it alone), and reading the computed style made
    // the browser recalculate styles once per widget painted.
    const paint = (inner: VNode | null) =>
      render(
        <WidgetRoot koubei={koubei} theme={theme} inheritFont={config.font === 'inherit'}>
          <Fragment key={generation}>{inner}</Fragment>
        </WidgetRoot>,
        entry.shadow,
      );
    try {
      paint(content);
    } catch (error) {
      warn('widget failed', error);
      paint(<slot />);
    }
  }

  function attr(element: Element, name: string): string | null {
    return element.getAttribute(`data-${name}`) ?? element.getAttribute(name);
  }

  function mountStars(entry: Mounted): void {
    const { element, product } = entry.placeholder;
    const size = attr(element, 'size');
    const view = (summary: ProductSummary | null) => (
      <StarsView
        summary={summary}
        t={translator}
        size={size === 'small' || size === 'large' ? size : 'medium'}
        href={attr(element, 'href') ?? undefined}
        baseUrl={location.href}
        showEmpty={attr(element, 'show-empty') !== null}
      />
    );
    entry.paint = () => {
      const koubei = servicesFor(entry.placeholder, translator);
      paintInto(entry, view(null), koubei);
      summaries.getSummary(product ?? '').then(
        ({ data }) =>
          inSlices(() => mounted.get(element) === entry && paintInto(entry, view(data), koubei)),
        (error: unknown) => {
          warn(`no rating for ${product}`, error);
          if (mounted.get(element) === entry) paintInto(entry, <slot />, koubei);
        },
      );
    };
  }

  function mountChunk(entry: Mounted, loadChunk: () => Promise<WidgetChunk>): void {
    const { element, product } = entry.placeholder;
    let chunk: WidgetChunk | undefined;
    entry.paint = () => {
      if (!chunk) {
        loadChunk().then(
          (loaded) => {
            chunk = loaded;
            if (mounted.get(element) === entry) entry.paint();
          },
          (error: unknown) => {
            warn('widget failed to load', error);
            if (mounted.get(element) === entry) {
              paintInto(entry, <slot />, servicesFor(entry.placeholder, translator));
            }
          },
        );
        return;
      }
      const koubei = servicesFor(entry.placeholder, translator.extend(chunk.messages));
      const content = chunk.render({ koubei, product, attr: (name) => attr(element, name) });
      paintInto(entry, content ?? <slot />, koubei);
    };
  }

  function mountOne(placeholder: Placeholder): void {
    const { element, kind } = placeholder;
    // A placeholder removed while it waited for its slice is not mounted.
    if (mounted.has(element) || !element.isConnected) return;
    if (placeholder.product !== undefined && !PRODUCT_ID_PATTERN.test(placeholder.product)) {
      warn(`bad product id ${placeholder.product}`);
      return;
    }
    if ((kind === 'stars' || kind === 'summary') && !placeholder.product) {
      warn(`${kind} needs data-product`);
      return;
    }
    // The table of widget chunks is itself a chunk: star-only pages never load it.
    const loadChunk = () => import('./widget-chunks.ts').then((m) => m.loadWidgetChunk(kind));
    let shadow: ShadowRoot;
    try {
      shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = [sheet];
    } catch (error) {
      warn(`<${element.localName}> cannot hold a widget, use <div>`, error);
      return;
    }
    themeTokens?.then(
      (apply) => apply(element),
      () => undefined,
    );
    const entry: Mounted = { placeholder, shadow, paint: () => undefined };
    if (kind === 'stars') mountStars(entry);
    else mountChunk(entry, loadChunk);
    mounted.set(element, entry);
    entry.paint();
    // Counting impressions can wait until the widget has painted.
    const impression: EmitInput = {
      type: 'impression',
      widget: kind as WidgetKind,
      ...(placeholder.product ? { product: placeholder.product } : {}),
    };
    setTimeout(() =>
      events().then(
        (e) => e.watchImpression(element, impression),
        () => undefined,
      ),
    );
  }

  /** The products whose summaries a batch of placeholders shows, each once. */
  function summaryProducts(placeholders: readonly Placeholder[]): string[] {
    return [
      ...new Set(
        placeholders.flatMap((p) =>
          p.product && (p.kind === 'stars' || p.kind === 'summary') ? [p.product] : [],
        ),
      ),
    ];
  }

  function guarded(task: () => void): void {
    try {
      task();
    } catch (error) {
      warn('unexpected error', error);
    }
  }

  // Work for many widgets at once (a batch of placeholders, the badges one
  // summaries answer fills, a refresh) runs in slices of about 10 ms, each
  // slice a task of its own: 25 badges painted together made a task of over
  // 100 ms at 4x CPU, and the page answers no tap until a task ends. Widget
  // chunks take turns the same way through shared/take-turn.ts.
  const pending: (() => void)[] = [];
  let sliceEnds = -1;
  /** Queues `work` (none: carries on with the queue) and runs what this slice has time for. */
  function inSlices(work?: () => void): void {
    if (work) pending.push(work);
    if (sliceEnds < 0) {
      sliceEnds = performance.now() + 10;
      setTimeout(() => {
        sliceEnds = -1;
        if (pending.length) inSlices();
      });
    }
    while (pending.length && performance.now() < sliceEnds) guarded(pending.shift()!);
  }

  return {
    mount(batch, json) {
      const products = summaryProducts(batch);
      if (products.length) summaries.prime(products, json);
      for (const placeholder of batch) inSlices(() => mountOne(placeholder));
    },
    unmount(elements) {
      for (const element of elements) {
        const entry = mounted.get(element);
        if (!entry) continue;
        mounted.delete(element);
        pageEvents?.then(
          (e) => e.forget(element),
          () => undefined,
        );
        guarded(() => render(null, entry.shadow));
      }
    },
    refresh() {
      generation++;
      summaries.clear();
      // One request for every badge again, not one per badge.
      const products = summaryProducts([...mounted.values()].map((entry) => entry.placeholder));
      if (products.length) summaries.prime(products);
      client?.then(
        (c) => c.clearCache(),
        () => undefined,
      );
      for (const entry of mounted.values()) inSlices(() => entry.paint());
    },
    update() {
      readSettings();
      for (const entry of mounted.values()) inSlices(() => entry.paint());
    },
  };
}
