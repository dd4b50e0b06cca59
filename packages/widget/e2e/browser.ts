import { existsSync } from 'node:fs';
import type { Browser, CDPSession, ConsoleMessage, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium; nothing in Koubei downloads a browser of its own. */
export const CHROMIUM = process.env.KOUBEI_CHROMIUM ?? '/usr/bin/chromium';

/** How every Koubei test and benchmark starts it: headless, and offline but for loopback. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium package (see .ci/run)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
}

export interface PageWatch {
  readonly errors: string[];
  readonly consoleErrors: string[];
  readonly requests: string[];
}

/** Records what "host page unaffected" is checked against: page errors, console errors, requests. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], consoleErrors: [], requests: [] };
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('request', (request) => watch.requests.push(request.url()));
  return watch;
}

/**
 * Detached DOM trees still alive after a full garbage collection, and how
 * many nodes they hold (children and shadow roots counted): a removed widget
 * that something still references shows up here.
 */
export async function detachedDom(cdp: CDPSession): Promise<{ trees: number; nodes: number }> {
  interface TreeNode {
    children?: TreeNode[];
    shadowRoots?: TreeNode[];
  }
  const size = (node: TreeNode): number =>
    1 + [...(node.children ?? []), ...(node.shadowRoots ?? [])].reduce((n, c) => n + size(c), 0);
  await cdp.send('DOM.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  // Experimental in the protocol, so missing from playwright-core's types.
  const { detachedNodes } = (await cdp.send('DOM.getDetachedDomNodes' as 'DOM.enable')) as {
    detachedNodes: { treeNode: TreeNode }[];
  };
  return {
    trees: detachedNodes.length,
    nodes: detachedNodes.reduce((n, { treeNode }) => n + size(treeNode), 0),
  };
}
