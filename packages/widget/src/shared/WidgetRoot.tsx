/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { root } from '../styles/theme.css.ts';
import type { KoubeiServices } from './services.ts';

export type ThemeName = 'light' | 'dark' | 'auto';

export interface WidgetRootProps {
  readonly koubei: KoubeiServices;
  readonly theme?: ThemeName;
  /** Use the host page's font instead of Koubei's system font stack. */
  readonly inheritFont?: boolean;
  readonly dir?: 'ltr' | 'rtl';
  readonly children: ComponentChildren;
}

/**
 * The wrapper around every widget: the style reset, theme, language and
 * direction. Interactive widgets add a `WidgetBoundary` inside it.
 */
export function WidgetRoot({
  koubei,
  theme = 'light',
  inheritFont,
  dir,
  children,
}: WidgetRootProps) {
  return (
    <div
      class={root}
      data-theme={theme}
      data-font={inheritFont ? 'inherit' : undefined}
      lang={koubei.t.locale}
      dir={dir}
      part="root"
    >
      {children}
    </div>
  );
}
