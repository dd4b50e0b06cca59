import type { MessageSet } from './create-translator.ts';
import { en } from './messages-en.ts';
import { zhCN } from './messages-zh-CN.ts';

/** Every message of every built-in locale: for the npm components and servers. */
export const ALL_MESSAGES = { en, 'zh-CN': zhCN } satisfies MessageSet;
