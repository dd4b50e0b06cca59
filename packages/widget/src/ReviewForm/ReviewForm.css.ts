import { style, styleVariants } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

const column = { display: 'flex', flexDirection: 'column' } as const;

export const form = style({ ...column, gap: tokens.space.medium });

export const heading = style({ margin: 0, fontSize: tokens.font.sizeLarge, fontWeight: 700 });

export const fields = style({ ...column, gap: tokens.space.large });

export const field = style({ ...column, gap: tokens.space.small, minWidth: 0 });

export const group = style([field, { margin: 0, padding: 0, border: 0 }]);

export const label = style({ fontWeight: 600, padding: 0 });

const control = {
  font: 'inherit',
  color: tokens.color.text,
  background: tokens.color.background,
  border: `1px solid ${tokens.color.border}`,
  borderRadius: tokens.radius,
  padding: '8px 10px',
  width: '100%',
  selectors: {
    '&[aria-invalid="true"]': { borderColor: tokens.color.danger, borderWidth: '2px' },
  },
};

export const input = style({ ...control, minHeight: '40px' });

export const textarea = style({ ...control, minHeight: '120px', resize: 'vertical' });

export const hint = style({
  color: tokens.color.muted,
  fontSize: tokens.font.sizeSmall,
  margin: 0,
});

export const meta = style([
  hint,
  { display: 'flex', justifyContent: 'space-between', gap: tokens.space.medium },
]);

export const errorText = style({ color: tokens.color.danger });

export const error = style([errorText, { margin: 0, fontWeight: 600 }]);

export const starGroup = style({ margin: 0, padding: 0, border: 0, minWidth: 0 });

export const aspectLabel = style({ padding: 0, fontSize: tokens.font.sizeSmall });

export const starRow = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: '2px',
});

export const starLabel = style({
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  borderRadius: tokens.radius,
  cursor: 'pointer',
  // The radio is visually hidden; its focus ring is drawn on the star around it.
  selectors: {
    '&:focus-within': { outline: `2px solid ${tokens.color.focus}`, outlineOffset: '1px' },
  },
});

// Targets of at least 44 px (WCAG 2.5.5) for the overall rating, 32 px for aspects.
export const starSizes = styleVariants({
  large: { width: '44px', height: '44px', padding: '6px' },
  small: { width: '32px', height: '32px', padding: '5px' },
});

const star = {
  width: '100%',
  height: '100%',
  strokeWidth: 1.5,
  '@media': { '(prefers-reduced-motion: no-preference)': { transition: 'fill 0.15s' } },
};

export const starOn = style({
  ...star,
  fill: tokens.color.star,
  stroke: tokens.color.star,
  '@media': {
    ...star['@media'],
    '(forced-colors: active)': { fill: 'CanvasText', stroke: 'CanvasText' },
  },
});

// Outlined as well as greyed, so an empty star reads as empty without colour.
export const starOff = style({
  ...star,
  fill: 'transparent',
  stroke: tokens.color.muted,
  '@media': { ...star['@media'], '(forced-colors: active)': { stroke: 'CanvasText' } },
});

export const ratingState = style({
  marginInlineStart: tokens.space.medium,
  color: tokens.color.muted,
  fontSize: tokens.font.sizeSmall,
});

export const aspects = style({
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
  gap: tokens.space.medium,
});

export const linkButton = style({
  font: 'inherit',
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.accent,
  background: 'none',
  border: 0,
  padding: '4px',
  marginInlineStart: tokens.space.small,
  textDecoration: 'underline',
  cursor: 'pointer',
});

export const choices = style({ display: 'flex', flexWrap: 'wrap', gap: tokens.space.large });

export const choice = style({
  display: 'inline-flex',
  alignItems: 'center',
  gap: tokens.space.small,
  minHeight: '32px',
  cursor: 'pointer',
});

export const pickRow = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: tokens.space.medium,
});

export const pickButton = style({
  display: 'inline-flex',
  alignItems: 'center',
  minHeight: '40px',
  padding: '6px 14px',
  border: `1px dashed ${tokens.color.border}`,
  borderRadius: tokens.radius,
  background: tokens.color.surface,
  cursor: 'pointer',
  selectors: {
    // The file input is visually hidden just before this label.
    'input:focus-visible + &': { outline: `2px solid ${tokens.color.focus}`, outlineOffset: '2px' },
    'input[aria-invalid="true"] + &': { borderColor: tokens.color.danger },
  },
});

export const photoList = style({
  ...column,
  gap: tokens.space.medium,
  margin: 0,
  padding: 0,
  listStyle: 'none',
});

export const photo = style({ display: 'flex', alignItems: 'flex-start', gap: tokens.space.medium });

export const thumb = style({
  flex: 'none',
  width: '72px',
  height: '72px',
  objectFit: 'cover',
  borderRadius: tokens.radius,
  background: tokens.color.surface,
  border: `1px solid ${tokens.color.border}`,
  fontSize: tokens.font.sizeSmall,
  overflow: 'hidden',
});

export const photoState = style([field, { flex: 1 }]);

export const progress = style({
  width: '100%',
  maxWidth: '240px',
  height: '8px',
  accentColor: tokens.color.accent,
});

export const photoActions = style({ display: 'flex', flexWrap: 'wrap', gap: tokens.space.small });

export const notice = style({
  margin: 0,
  padding: tokens.space.medium,
  borderInlineStart: `4px solid ${tokens.color.accent}`,
  background: tokens.color.surface,
  borderRadius: tokens.radius,
});

export const check = style({ display: 'flex', alignItems: 'flex-start', gap: tokens.space.medium });

export const checkbox = style({
  flex: 'none',
  width: '20px',
  height: '20px',
  margin: '2px 0 0',
  accentColor: tokens.color.accent,
});

export const link = style({ color: tokens.color.accent, fontSize: tokens.font.sizeSmall });

export const actions = style({ display: 'flex', alignItems: 'center', gap: tokens.space.medium });

export const submit = style({
  minHeight: '44px',
  paddingInline: '20px',
  fontSize: tokens.font.size,
  selectors: { '&[aria-disabled="true"]': { opacity: 0.6, cursor: 'progress' } },
});

export const alert = style({
  ...column,
  alignItems: 'flex-start',
  gap: tokens.space.medium,
  padding: tokens.space.large,
  borderRadius: tokens.radius,
  border: `1px solid ${tokens.color.danger}`,
  // Kept in the layout when empty: a live region that appears with its text may go unannounced.
  selectors: { '&:empty': { padding: 0, border: 0 } },
});

export const alertText = style({ margin: 0 });

export const thanks = style({
  padding: tokens.space.large,
  borderRadius: tokens.radius,
  background: tokens.color.surface,
  borderInlineStart: `4px solid ${tokens.color.success}`,
  selectors: { '&:focus-visible': { outline: `2px solid ${tokens.color.focus}` } },
});
