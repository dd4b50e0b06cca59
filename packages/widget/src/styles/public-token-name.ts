/** The public custom property behind each token, e.g. `color.accentText` → `--koubei-color-accent-text`. */
export function publicTokenName(path: readonly string[]): string {
  return `--koubei-${path.map((part) => part.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).join('-')}`;
}
