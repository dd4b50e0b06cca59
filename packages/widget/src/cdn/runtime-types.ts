/**
 * The loader's script-tag attributes (`data-api` → `api`, …), unvalidated:
 * the runtime checks each one it uses. Mutable: `Koubei.setTheme()` and
 * `setLocale()` write here and ask the runtime to re-read.
 */
export interface LoaderConfig {
  api?: string | undefined;
  store?: string | undefined;
  locale?: string | undefined;
  /** `light` (default), `dark` or `auto`. */
  theme?: string | undefined;
  /** `inherit` uses the shop's font. */
  font?: string | undefined;
  /** JSON object of theme tokens, e.g. `{"color-accent":"#0a7"}`. */
  tokens?: string | undefined;
  /** Name of the page's array to push events to (`data-datalayer="dataLayer"`). */
  datalayer?: string | undefined;
  /** Present (`data-static`): `data-api` is a static export, not the API. */
  static?: string | undefined;
  /** `off` stops the event beacon to the Koubei server. */
  beacon?: string | undefined;
  [attribute: string]: string | undefined;
}

export interface Placeholder {
  readonly element: HTMLElement;
  readonly kind: string;
  readonly product: string | undefined;
}

/** The runtime chunk's surface, kept tiny so the loader stays tiny. */
export interface Runtime {
  /** Mounts a batch; `summaries` is the raw JSON of the batched request, validated by the runtime. */
  mount(batch: readonly Placeholder[], summaries: Promise<unknown> | undefined): void;
  unmount(elements: readonly Element[]): void;
  refresh(): void;
  /** Re-reads theme and locale from the config and re-renders. */
  update(): void;
}
