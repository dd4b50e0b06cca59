import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Counts layout shifts from the first paint on; call before `goto`. */
export async function watchLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = window as unknown as { __cls: number; __shifts: string[] };
    state.__cls = 0;
    state.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources?: {
          node?: Node | null;
          previousRect: DOMRectReadOnly;
          currentRect: DOMRectReadOnly;
        }[];
      }[]) {
        if (entry.hadRecentInput) continue;
        state.__cls += entry.value;
        // Which elements moved, for a readable failure (nodes in shadow roots are not named).
        for (const { node, previousRect: from, currentRect: to } of entry.sources ?? []) {
          const what =
            node instanceof Element
              ? `${node.localName}${node.id ? `#${node.id}` : ''}.${node.className}`
              : (node?.nodeName ?? 'a node in a shadow root');
          state.__shifts.push(
            `${what} from y=${Math.round(from.y)} h=${Math.round(from.height)} to y=${Math.round(to.y)} h=${Math.round(to.height)}`,
          );
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export function layoutShift(page: Page): Promise<{ cls: number; moved: string[] }> {
  return page.evaluate(() => {
    const state = window as unknown as { __cls: number; __shifts: string[] };
    return { cls: state.__cls, moved: state.__shifts };
  });
}

/**
 * axe-core on the whole page, shadow roots included. The source is evaluated
 * through the DevTools protocol, which the shop's CSP (no inline scripts)
 * does not block, unlike an injected <script>.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`,
    );
  });
}

/** Records CSP violations the page reports (set up before `goto`). */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    ),
  );
  return violations;
}

/** Scrolls to the bottom in steps, so every lazily mounted widget mounts. */
export async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(100);
  }
}
