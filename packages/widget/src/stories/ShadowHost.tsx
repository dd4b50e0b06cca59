import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { getSharedStylesheet } from '../styles/register-css.ts';

/**
 * Storybook's frame for a widget: a host element with an open shadow root and
 * the shared constructable stylesheet, like a placeholder on a shop's page,
 * so stories show the real isolation (and host styles cannot leak in).
 */
export function ShadowHost({
  children,
  theme = 'light',
  dir = 'ltr',
  tokens,
}: {
  children: ComponentChildren;
  theme?: string;
  dir?: 'ltr' | 'rtl';
  tokens?: Record<string, string>;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [getSharedStylesheet()];
    for (const [name, value] of Object.entries(tokens ?? {}))
      element.style.setProperty(name, value);
    render(<div data-story-theme={theme}>{children}</div>, shadow);
  });
  useEffect(() => () => host.current?.shadowRoot && render(null, host.current.shadowRoot), []);
  return <div ref={host} dir={dir} data-theme={theme} />;
}
