import { globalStyle, style, styleVariants } from '@vanilla-extract/css';

// Colours chosen for at least 4.5:1 contrast on their backgrounds (WCAG AA).
export const colors = {
  text: '#1f2933',
  muted: '#52606d',
  line: '#cbd2d9',
  surface: '#ffffff',
  page: '#f5f7fa',
  accent: '#0b6e4f',
  accentText: '#ffffff',
  danger: '#a61b1b',
  positive: '#0b6e4f',
  negative: '#a61b1b',
  focus: '#1d4ed8',
};

globalStyle('html', {
  fontFamily: 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif',
});
globalStyle('body', { margin: 0, background: colors.page, color: colors.text, lineHeight: 1.5 });
globalStyle(':focus-visible', { outline: `3px solid ${colors.focus}`, outlineOffset: '2px' });
globalStyle('button, input, select, textarea', { font: 'inherit' });
globalStyle('*', {
  '@media': { '(prefers-reduced-motion: reduce)': { transition: 'none', animation: 'none' } },
});

export const skipLink = style({
  position: 'absolute',
  left: '-999px',
  selectors: { '&:focus': { left: '8px', top: '8px', background: colors.surface, padding: '8px' } },
});

export const header = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: '12px 24px',
  alignItems: 'center',
  padding: '12px 24px',
  background: colors.surface,
  borderBottom: `1px solid ${colors.line}`,
});
export const brand = style({ fontSize: '1.25rem', margin: 0 });
export const nav = style({
  display: 'flex',
  gap: '4px',
  listStyle: 'none',
  margin: 0,
  padding: 0,
  flexWrap: 'wrap',
});
export const navLink = style({
  display: 'inline-block',
  padding: '6px 12px',
  borderRadius: '6px',
  color: colors.text,
  textDecoration: 'none',
  selectors: {
    '&[aria-current="page"]': { background: colors.accent, color: colors.accentText },
    '&:hover': { textDecoration: 'underline' },
  },
});
export const headerEnd = style({
  marginLeft: 'auto',
  display: 'flex',
  gap: '12px',
  alignItems: 'center',
});
export const main = style({ padding: '16px 24px 48px', maxWidth: '1100px', margin: '0 auto' });

export const card = style({
  background: colors.surface,
  border: `1px solid ${colors.line}`,
  borderRadius: '8px',
  padding: '16px',
  marginBottom: '12px',
});
export const row = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: '8px 16px',
  alignItems: 'center',
});
export const stack = style({ display: 'grid', gap: '8px' });
export const muted = style({ color: colors.muted });
export const button = style({
  border: `1px solid ${colors.accent}`,
  background: colors.surface,
  color: colors.accent,
  borderRadius: '6px',
  padding: '4px 12px',
  cursor: 'pointer',
  selectors: { '&:disabled': { opacity: 0.6, cursor: 'not-allowed' } },
});
export const primaryButton = style([
  button,
  { background: colors.accent, color: colors.accentText },
]);
export const dangerButton = style([button, { borderColor: colors.danger, color: colors.danger }]);
export const field = style({ display: 'grid', gap: '4px' });
export const input = style({
  border: `1px solid ${colors.muted}`,
  borderRadius: '6px',
  padding: '6px 8px',
  background: colors.surface,
  color: colors.text,
});
export const textarea = style([
  input,
  { minHeight: '80px', width: '100%', boxSizing: 'border-box' },
]);
export const badge = styleVariants({
  pending: { background: '#fff4d6', color: '#6b4e00' },
  published: { background: '#dff5ea', color: '#0b5a40' },
  hidden: { background: '#e4e7eb', color: '#323f4b' },
  flagged: { background: '#fde2e2', color: '#8a1616' },
  neutral: { background: '#e4e7eb', color: '#323f4b' },
});
globalStyle(`${Object.values(badge).join(', ')}`, {
  borderRadius: '999px',
  padding: '0 8px',
  fontSize: '0.85rem',
});
export const replyPreview = style({
  borderLeft: `4px solid ${colors.accent}`,
  background: colors.page,
  padding: '8px 12px',
  whiteSpace: 'pre-wrap',
});
export const reviewBody = style({ whiteSpace: 'pre-wrap', margin: '8px 0' });
export const error = style({ color: colors.danger, fontWeight: 600 });
export const grid = style({
  display: 'grid',
  gap: '12px',
  gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
  marginBottom: '16px',
});
export const tile = style([card, { margin: 0 }]);
export const tileValue = style({ fontSize: '1.6rem', fontWeight: 700, display: 'block' });
export const table = style({ borderCollapse: 'collapse', width: '100%' });
globalStyle(`${table} th, ${table} td`, {
  textAlign: 'left',
  padding: '4px 8px',
  borderBottom: `1px solid ${colors.line}`,
});
export const code = style({
  display: 'block',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  background: '#1f2933',
  color: '#f5f7fa',
  padding: '12px',
  borderRadius: '6px',
  fontFamily: 'ui-monospace, monospace',
  fontSize: '0.85rem',
});
export const positive = style({ color: colors.positive, fontWeight: 600 });
export const negative = style({ color: colors.negative, fontWeight: 600 });
export const visuallyHidden = style({
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
});
export const chart = style({ width: '100%', height: 'auto', maxWidth: '720px', display: 'block' });
