import type { SupportedLocale } from '@koubei/core';
import {
  ALL_MESSAGES,
  createTranslator,
  enConsole,
  resolveLocale,
  zhCNConsole,
} from '@koubei/core';
import { computed, effect, signal } from '@preact/signals';
import type { MerchantApi } from './merchant-api.ts';
import { createMerchantApi } from './merchant-api.ts';

// The store key lives in sessionStorage: gone when the tab closes, never in a
// URL (no history, no Referer, no server logs).
const KEY_ITEM = 'koubei-console-key';
const LOCALE_ITEM = 'koubei-console-locale';

function read(storage: () => Storage, item: string): string | null {
  try {
    return storage().getItem(item);
  } catch {
    return null; // storage blocked: the console still works for this page view
  }
}
function write(storage: () => Storage, item: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(item);
    else storage().setItem(item, value);
  } catch {
    // storage blocked: nothing to keep
  }
}

export const storeKey = signal<string | null>(read(() => sessionStorage, KEY_ITEM));
export const storeId = signal<string>('');

export const api = computed<MerchantApi | null>(() =>
  storeKey.value ? createMerchantApi(storeKey.value) : null,
);

export function signIn(key: string, store: string): void {
  write(() => sessionStorage, KEY_ITEM, key);
  storeId.value = store;
  storeKey.value = key;
}

export function signOut(): void {
  write(() => sessionStorage, KEY_ITEM, null);
  storeKey.value = null;
  storeId.value = '';
}

export const locale = signal<SupportedLocale>(
  resolveLocale([read(() => localStorage, LOCALE_ITEM) ?? undefined, ...navigator.languages]),
);

export function chooseLocale(next: SupportedLocale): void {
  write(() => localStorage, LOCALE_ITEM, next);
  locale.value = next;
}

// The widgets' wording (aspect names, "Reply from the shop") plus the console's own.
const MESSAGES = {
  en: { ...ALL_MESSAGES.en, ...enConsole },
  'zh-CN': { ...ALL_MESSAGES['zh-CN'], ...zhCNConsole },
};
export const translator = computed(() =>
  createTranslator({ locale: locale.value, messages: MESSAGES }),
);

export const VIEWS = ['inbox', 'dashboard', 'topics', 'testimonials', 'settings', 'audit'] as const;
export type View = (typeof VIEWS)[number];

function viewFromHash(): View {
  const name = location.hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'inbox';
}
export const view = signal<View>(viewFromHash());

/** Keeps the page language and the view in step with the signals; called once by main.tsx. */
export function startSession(): void {
  effect(() => {
    document.documentElement.lang = locale.value;
  });
  addEventListener('hashchange', () => {
    view.value = viewFromHash();
  });
}

/** Polite announcements for screen readers and sighted users alike ("Reply published"). */
export const announcement = signal('');
export function announce(message: string): void {
  announcement.value = '';
  queueMicrotask(() => {
    announcement.value = message;
  });
}
