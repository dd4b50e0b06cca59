import { lightTheme } from './theme-values.ts';
import { publicTokenName } from './public-token-name.ts';

function tokenPaths(node: unknown, path: string[] = []): string[][] {
  if (typeof node === 'string') return [path];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    tokenPaths(value, [...path, key]),
  );
}

/**
 * Every public theme property, e.g. `--koubei-color-accent`. Read from the
 * light theme's values (same shape as the contract in theme.css.ts): the
 * contract's runtime object would otherwise ride in the first-paint file.
 */
export const PUBLIC_TOKENS: readonly string[] = tokenPaths(lightTheme).map(publicTokenName);

// A single CSS value: colours, lengths, font stacks, `var()`. No `url(` (would
// fetch from anywhere), no `;{}` (would end the declaration), no `<>` or `\`.
const SAFE_VALUE = /^(?!.*(?:url|expression|image-set|@import)\s*\()[\w\s#%(),.'"/+-]{1,120}$/i;

/**
 * Theme tokens a shop supplied (script-tag JSON or npm props), reduced to
 * known names with plain values. Keys may be given with or without the
 * `--koubei-` prefix. Returns the accepted pairs and the rejected keys.
 */
export function sanitizeThemeTokens(input: unknown): [Map<string, string>, string[]] {
  const accepted = new Map<string, string>();
  const rejected: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [accepted, rejected];
  for (const [key, value] of Object.entries(input)) {
    const name = key.startsWith('--koubei-') ? key : `--koubei-${key}`;
    if (
      PUBLIC_TOKENS.includes(name) &&
      typeof value === 'string' &&
      SAFE_VALUE.test(value.trim())
    ) {
      accepted.set(name, value.trim());
    } else {
      rejected.push(key);
    }
  }
  return [accepted, rejected];
}

/** Applies tokens to an element through CSSOM (allowed under a strict CSP, unlike `style=""`). */
export function applyThemeTokens(
  element: HTMLElement,
  themeTokens: ReadonlyMap<string, string>,
): void {
  for (const [name, value] of themeTokens) element.style.setProperty(name, value);
}

/** The script tag's `data-tokens` JSON; anything unreadable is ignored with a warning. */
export function parseTokensAttribute(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    console.warn('Koubei: data-tokens is not JSON');
    return undefined;
  }
}

/**
 * The script tag's `data-tokens`, read once: a function that applies the
 * accepted tokens to a placeholder. Rejected names are reported once. Lives
 * here rather than in the runtime so the first-paint file stays small.
 */
export function tokenApplier(text: string): (element: HTMLElement) => void {
  const [accepted, rejected] = sanitizeThemeTokens(parseTokensAttribute(text));
  if (rejected.length) console.warn('Koubei: ignored theme tokens:', rejected.join(', '));
  return (element) => applyThemeTokens(element, accepted);
}
