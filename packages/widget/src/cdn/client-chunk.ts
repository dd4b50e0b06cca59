import type { KoubeiClient } from '@koubei/core';
import { createIdempotencyKey, createKoubeiClient, detectStorage } from '@koubei/core';

/**
 * The full client (ky, validation, stale-while-revalidate cache), in its own
 * chunk: review lists, galleries and votes load it; star badges never do.
 */
export function createClient(options: {
  apiBase: string;
  store: string;
  staticSite: boolean;
}): KoubeiClient {
  return createKoubeiClient({
    apiBase: options.apiBase,
    store: options.store,
    staticSite: options.staticSite,
    // Only public review data is cached, and only where storage really works.
    storage: detectStorage(() => window.localStorage),
    ...(typeof navigator.sendBeacon === 'function'
      ? { sendBeacon: navigator.sendBeacon.bind(navigator) }
      : {}),
  });
}

let visitor: string | undefined;

/**
 * A random id for this visitor (helpful votes: one per visitor and review),
 * kept in first-party storage where it works, else for this page view.
 */
export function visitorId(): string {
  if (visitor) return visitor;
  const key = 'koubei:visitor';
  const storage = detectStorage(() => window.localStorage);
  try {
    const stored = storage?.getItem(key);
    if (stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return (visitor = stored);
  } catch {
    // Storage blocked: an id for this page view still gives one vote per visitor here.
  }
  visitor = createIdempotencyKey();
  try {
    storage?.setItem(key, visitor);
  } catch {
    // As above.
  }
  return visitor;
}
