import type { ComponentType } from 'preact';
import type { KoubeiServices } from './services.ts';
import { WidgetBoundary } from './WidgetBoundary.tsx';
import type { ThemeName } from './WidgetRoot.tsx';
import { WidgetRoot } from './WidgetRoot.tsx';

/** What every npm component takes besides its own props. */
export interface FrameProps {
  readonly koubei: KoubeiServices;
  readonly theme?: ThemeName;
  readonly inheritFont?: boolean;
  readonly dir?: 'ltr' | 'rtl';
}

/**
 * The npm form of a widget: the same component the script tag mounts, inside
 * the style root (reset, theme, language) and an error boundary.
 */
export function framed<P extends { koubei: KoubeiServices }>(Widget: ComponentType<P>) {
  function Framed(props: P & FrameProps) {
    const { theme, inheritFont, dir } = props;
    return (
      <WidgetRoot koubei={props.koubei} theme={theme} inheritFont={inheritFont} dir={dir}>
        <WidgetBoundary hasFallbackSlot={false}>
          <Widget {...props} />
        </WidgetBoundary>
      </WidgetRoot>
    );
  }
  Framed.displayName = `Koubei(${Widget.displayName ?? Widget.name})`;
  return Framed;
}
