import { keyframes, style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

const rise = keyframes({
  from: { transform: 'translateY(100%)', opacity: 0 },
  to: { transform: 'none', opacity: 1 },
});

const card = {
  display: 'grid',
  gridTemplateColumns: '1fr auto',
  alignItems: 'start',
  gap: `${tokens.space.small} ${tokens.space.medium}`,
  padding: tokens.space.large,
  borderRadius: tokens.radius,
  border: `1px solid ${tokens.color.border}`,
  background: tokens.color.background,
  color: tokens.color.text,
} as const;

export const inline = style(card);

// Over the page, not in it: the shop's layout never moves for the banner
// (no reserved space needed, no layout shift), and it leaves with one click.
export const overlay = style({
  ...card,
  position: 'fixed',
  insetInline: tokens.space.medium,
  insetBlockEnd: tokens.space.medium,
  marginInline: 'auto',
  maxWidth: '36rem',
  zIndex: 2147483000,
  boxShadow: '0 8px 28px rgb(0 0 0 / 0.22)',
  animation: `${rise} 240ms ease-out`,
});

export const text = style({ display: 'grid', gap: '2px', minWidth: 0 });

export const title = style({ margin: 0, fontSize: tokens.font.size, fontWeight: 700 });

export const reward = style({ margin: 0, fontSize: tokens.font.sizeLarge, fontWeight: 600 });

export const muted = style({
  margin: 0,
  color: tokens.color.muted,
  fontSize: tokens.font.sizeSmall,
});

export const close = style({
  font: 'inherit',
  fontSize: '20px',
  lineHeight: 1,
  minWidth: '32px',
  minHeight: '32px',
  color: tokens.color.text,
  background: 'transparent',
  border: `1px solid ${tokens.color.border}`,
  borderRadius: tokens.radius,
  cursor: 'pointer',
});
