import { style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const status = style({
  display: 'grid',
  gap: tokens.space.medium,
  minWidth: 0,
});

export const title = style({ margin: 0, fontSize: tokens.font.sizeLarge, lineHeight: 1.25 });

export const subtitle = style({ margin: 0, fontSize: tokens.font.size, fontWeight: 600 });

export const notice = style({
  margin: 0,
  padding: tokens.space.medium,
  borderRadius: tokens.radius,
  border: `1px solid ${tokens.color.border}`,
  background: tokens.color.surface,
});

export const muted = style({
  margin: 0,
  color: tokens.color.muted,
  fontSize: tokens.font.sizeSmall,
});

export const table = style({
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: tokens.font.sizeSmall,
});

export const cell = style({
  textAlign: 'start',
  padding: `${tokens.space.small} ${tokens.space.small}`,
  borderBlockEnd: `1px solid ${tokens.color.border}`,
  verticalAlign: 'middle',
  overflowWrap: 'anywhere',
});

export const headerCell = style([cell, { color: tokens.color.muted, fontWeight: 600 }]);

// The flex box sits inside the cell: a table cell with `display: flex` loses its cell role in some browsers.
export const stateCell = style({
  display: 'inline-flex',
  alignItems: 'center',
  gap: tokens.space.small,
});

// Five steps as marks beside the state's name: the words carry the meaning,
// the marks only show how far along at a glance (shape and fill, not colour alone).
export const steps = style({ display: 'inline-flex', gap: '3px', flex: 'none' });

export const step = style({
  width: '8px',
  height: '8px',
  borderRadius: '50%',
  border: `1.5px solid ${tokens.color.muted}`,
});

export const stepDone = style([
  step,
  { background: tokens.color.accent, borderColor: tokens.color.accent },
]);

export const rewards = style({
  margin: 0,
  paddingInlineStart: '1.2em',
  display: 'grid',
  gap: '2px',
});

export const code = style({ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' });

export const bar = style({
  height: '8px',
  borderRadius: '4px',
  background: tokens.color.surface,
  border: `1px solid ${tokens.color.border}`,
  overflow: 'hidden',
});

export const barFill = style({ height: '100%', background: tokens.color.accent });
