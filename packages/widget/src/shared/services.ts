import type {
  Fetched,
  KoubeiClient,
  KoubeiEventType,
  ProductSummary,
  SafeHttpUrlOptions,
  Translator,
  WidgetKind,
} from '@koubei/core';

/** Where a widget gets summaries: the loader's batched request, or a client. */
export interface SummarySource {
  getSummary(product: string, options?: { signal?: AbortSignal }): Promise<Fetched<ProductSummary>>;
}

export interface EmitInput {
  readonly type: KoubeiEventType;
  readonly widget: WidgetKind;
  readonly product?: string;
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * What widgets need from their surroundings, passed to every widget as its
 * `koubei` prop. The script-tag runtime builds one per placeholder; npm users
 * build one with `createKoubei()`. Widgets never reach for globals. (A prop,
 * not a context: Preact's context code would ride on the star badge's first
 * paint, and an explicit prop is plainer to read and to type.)
 */
export interface KoubeiServices {
  readonly store: string;
  readonly t: Translator;
  readonly summaries: SummarySource;
  /** The full HTTP client, loaded on first use so it stays off the first-paint path. */
  readonly client: () => Promise<KoubeiClient>;
  readonly emit: (event: EmitInput) => void;
  /** Options for `safeHttpUrl` when rendering URLs that came from the API. */
  readonly urlOptions: SafeHttpUrlOptions;
  /** A random id for this visitor, kept first-party, for helpful votes. */
  readonly visitorId: () => Promise<string>;
  /** The page's URL, for resolving links a shop configured as paths. */
  readonly pageUrl: string;
  /** Data comes from a static export: sorting works, filters, votes and the form do not. */
  readonly staticSite: boolean;
  /** True when the widget sits in a shadow root whose placeholder may hold fallback content. */
  readonly hasFallbackSlot: boolean;
  readonly now: () => number;
}
