import { signal } from '@preact/signals';
import type { Signal } from '@preact/signals';
import type { ReviewFilter, ReviewSort } from '@koubei/core';
import type { KoubeiServices } from './services.ts';

/** Review-list state shared by every widget of one product: summary bars filter the list. */
export interface ProductViewState {
  readonly filter: Signal<ReviewFilter>;
  readonly sort: Signal<ReviewSort>;
}

// Keyed by the services object, so two Koubei setups on one page (or two
// tests) never share state, and it is garbage-collected with them.
const statesByServices = new WeakMap<KoubeiServices, Map<string, ProductViewState>>();

export function productState(services: KoubeiServices, product: string): ProductViewState {
  let states = statesByServices.get(services);
  if (!states) statesByServices.set(services, (states = new Map()));
  let state = states.get(product);
  if (!state) {
    state = { filter: signal<ReviewFilter>({}), sort: signal<ReviewSort>('helpful') };
    states.set(product, state);
  }
  return state;
}
