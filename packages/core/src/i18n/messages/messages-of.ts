import type { Message } from '../create-translator.ts';

/** A translation group with exactly the keys of its English original. */
export type MessagesOf<T> = { readonly [K in keyof T]: Message };
