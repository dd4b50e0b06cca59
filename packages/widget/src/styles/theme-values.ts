// Plain data and helpers for the theme; `.css.ts` files may only export styles.
import { publicTokenName } from './public-token-name.ts';

export type TokenValues = {
  color: Record<
    | 'text'
    | 'muted'
    | 'background'
    | 'surface'
    | 'border'
    | 'accent'
    | 'accentText'
    | 'star'
    | 'starEmpty'
    | 'focus'
    | 'danger'
    | 'success',
    string
  >;
  font: Record<'family' | 'size' | 'sizeSmall' | 'sizeLarge' | 'lineHeight', string>;
  radius: string;
  space: Record<'small' | 'medium' | 'large', string>;
};

export function overridable<T>(values: T, path: string[] = []): T {
  if (typeof values === 'string') return `var(${publicTokenName(path)}, ${values})` as T;
  return Object.fromEntries(
    Object.entries(values as Record<string, unknown>).map(([key, value]) => [
      key,
      overridable(value, [...path, key]),
    ]),
  ) as T;
}

// Sizes are in px, never rem: a host page's `html { font-size: 62.5% }` must not shrink us.
const shared = {
  font: {
    family:
      'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", Roboto, sans-serif',
    size: '15px',
    sizeSmall: '13px',
    sizeLarge: '20px',
    lineHeight: '1.5',
  },
  radius: '8px',
  space: { small: '4px', medium: '8px', large: '16px' },
};

// Contrast: text on background ≥ 7:1, muted ≥ 4.5:1, accent text on accent ≥ 4.5:1 (checked in theme tests).
export const lightTheme: TokenValues = {
  color: {
    text: '#1f2328',
    muted: '#57606a',
    background: '#ffffff',
    surface: '#f6f8fa',
    border: '#d0d7de',
    accent: '#9a3412',
    accentText: '#ffffff',
    star: '#b45309',
    starEmpty: '#d0d7de',
    focus: '#0969da',
    danger: '#b42318',
    success: '#1a7f37',
  },
  ...shared,
};

export const darkTheme: TokenValues = {
  color: {
    text: '#e6edf3',
    muted: '#9da7b3',
    background: '#0d1117',
    surface: '#161b22',
    border: '#30363d',
    accent: '#fdba74',
    accentText: '#1f2328',
    star: '#fbbf24',
    starEmpty: '#484f58',
    focus: '#58a6ff',
    danger: '#ff7b72',
    success: '#3fb950',
  },
  ...shared,
};
