// koubei.js — the script a shop pastes. The only module with side effects.
// Budget: 1.5 KB min+gzip, so it does little: read its own attributes, find
// placeholders, reserve their space, wait until they near the viewport, then
// start ONE batched summaries request and the runtime download in parallel.
// Everything else lives in lazily imported chunks. Nothing here may throw
// into the host page: a failure leaves the placeholders' fallback content.

import type { LoaderConfig, Placeholder, Runtime } from './runtime-types.ts';

type KoubeiGlobal = { version: string } & Record<string, unknown>;

((win: Window & { Koubei?: KoubeiGlobal }, doc: Document) => {
  // A second copy of the script (theme + app both add it) must mount nothing twice.
  if (win.Koubei) return;

  // Every data-* attribute of this script tag; the runtime validates what it uses.
  const config: LoaderConfig = { ...(doc.currentScript as HTMLScriptElement | null)?.dataset };

  // Space to keep for each kind until it renders (px), so nothing below jumps.
  const heights: Record<string, number> = {
    stars: 20,
    summary: 200,
    reviews: 640,
    carousel: 300,
    gallery: 260,
    testimonials: 320,
    // Up to three lines of activity.
    'social-proof': 56,
    form: 560,
    invite: 360,
    'invite-status': 320,
    // The landing banner floats over the page: nothing to reserve.
    'invitee-banner': 0,
  };
  const kinds = Object.keys(heights);
  const selector = ['[data-koubei]', ...kinds.map((kind) => `koubei-${kind}`)].join();
  const seen = new WeakSet<Element>();
  const queued: Placeholder[] = [];
  let runtime: Promise<Runtime> | undefined;

  const warn = (...args: unknown[]) => console.warn('Koubei:', ...args);
  const kindOf = (el: Element) => el.getAttribute('data-koubei') ?? el.localName.slice(7);
  const placeholder = (el: Element, kind: string): Placeholder => ({
    element: el as HTMLElement,
    kind,
    product: el.getAttribute('data-product') ?? el.getAttribute('product') ?? undefined,
  });

  const loadRuntime = () =>
    (runtime ??= import('./runtime.tsx').then(({ createRuntime }) => createRuntime(config)));

  function flush(): void {
    const batch = queued.splice(0);
    if (!batch.length) return;
    const products = [
      ...new Set(
        batch
          .filter((p) => p.kind === 'stars' || p.kind === 'summary')
          // PRODUCT_ID_PATTERN: one unusable id (the runtime warns about it)
          // must not fail the whole batch, and with it every badge on the page.
          .flatMap((p) => (p.product && /^[\w.:-]{1,128}$/.test(p.product) ? [p.product] : [])),
      ),
    ];
    // The data request and the code download run side by side.
    const summaries = products.length
      ? fetch(
          `${config.api?.replace(/\/+$/, '')}/v1/${config.store}/summaries${config.static !== undefined ? '.json' : `?products=${products.map(encodeURIComponent).join(',')}`}`,
          { credentials: 'omit' },
        ).then((response) =>
          response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`)),
        )
      : undefined;
    summaries?.catch(() => undefined);
    // Start fetching the widget table beside the runtime when a page has more than badges.
    if (batch.some((p) => p.kind !== 'stars')) import('./widget-chunks.ts').catch(() => undefined);
    loadRuntime().then(
      (rt) => rt.mount(batch, summaries),
      (error: unknown) => warn('widgets failed to load', error),
    );
  }

  const visible =
    'IntersectionObserver' in win
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              visible?.unobserve(entry.target);
              queued.push(placeholder(entry.target, kindOf(entry.target)));
            }
            flush();
          },
          { rootMargin: '400px 0px' },
        )
      : undefined;

  function scan(root: ParentNode): void {
    const found = root instanceof Element && root.matches(selector) ? [root] : [];
    for (const el of [...found, ...root.querySelectorAll(selector)]) {
      if (seen.has(el) || !(el instanceof HTMLElement)) continue;
      seen.add(el);
      const kind = kindOf(el);
      if (!kinds.includes(kind)) {
        warn(`unknown widget "${kind}"`);
        continue;
      }
      // The shop's own reservation (its CSS, as the README asks) wins over the default.
      if (!parseFloat(getComputedStyle(el).minHeight))
        el.style.setProperty('min-height', `${heights[kind]}px`);
      // The landing banner floats over the window wherever its placeholder sits: mount it now.
      if (visible && heights[kind]) visible.observe(el);
      else queued.push(placeholder(el, kind));
    }
    flush();
  }

  function forget(node: Element): void {
    const gone = [node, ...node.querySelectorAll(selector)];
    // Added back later (a cached view, a re-render), it mounts afresh. One
    // that never neared the viewport stays on `visible`'s list: observers
    // hold their targets weakly, so that keeps nothing alive (checked in a
    // Chromium heap snapshot; the loader has no bytes to spare for unobserve).
    gone.forEach(seen.delete, seen);
    runtime?.then(
      (rt) => rt.unmount(gone),
      () => undefined,
    );
  }

  // Single-page apps add and remove placeholders as they navigate. A node
  // that is connected again when this runs was moved, not removed: it keeps
  // its widget (unmounting it would leave it blank, as `seen` skips it).
  new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => node instanceof Element && scan(node));
      record.removedNodes.forEach(
        (node) => node instanceof Element && !node.isConnected && forget(node),
      );
    }
  }).observe(doc.documentElement, { childList: true, subtree: true });

  const later = (call: (rt: Runtime) => void) => loadRuntime().then(call, () => undefined);
  // Invite codes are kept first-party by their own chunk, loaded only where one is needed.
  const inviteKeeper = () => import('./invite-keeper.ts');

  win.Koubei = {
    version: __KOUBEI_VERSION__,
    /** Mount placeholders now (all new ones in `root`, default the document). */
    mount: (root: ParentNode = doc) => scan(root),
    /** Unmount the widgets in `root` (and `root` itself); `mount` mounts them again. */
    unmount: forget,
    /** Fetch fresh data for every mounted widget. */
    refresh: () => later((rt) => rt.refresh()),
    setTheme: (theme: string) => ((config.theme = theme), later((rt) => rt.update())),
    setLocale: (locale: string) => ((config.locale = locale), later((rt) => rt.update())),
    /** Subscribe to widget events (`impression`, `filter`, …); returns an unsubscribe function. */
    on: (type: string, listener: (detail: unknown) => void) => {
      const handler = (event: Event) => listener((event as CustomEvent).detail);
      doc.addEventListener(`koubei:${type}`, handler);
      return () => doc.removeEventListener(`koubei:${type}`, handler);
    },
    /** The invite code this visitor arrived with, kept for checkout; resolves to `null` if none. */
    inviteCode: () =>
      inviteKeeper().then(
        (m) => m.keptInviteCode(),
        () => null,
      ),
  };

  // A friend arriving through an invite link: keep the code and record the visit.
  // `koubei_invite` is core's INVITE_PARAM, spelled out: the loader imports nothing.
  if (/[?&]koubei_invite=/.test(location.search))
    inviteKeeper().then(
      (m) => m.captureInvite({ config, pageUrl: location.href }),
      (error: unknown) => warn('invite code not kept', error),
    );

  if (!config.api || !config.store) warn('data-api and data-store are required');
  else scan(doc);
  doc.dispatchEvent(new CustomEvent('koubei:ready', { detail: { version: __KOUBEI_VERSION__ } }));
})(window, document);
