import type { ComponentChildren } from 'preact';
import { Component } from 'preact';

/**
 * Catches errors a widget throws while rendering, including re-renders after
 * the shopper clicks something, so one broken widget shows its fallback
 * instead of an exception on the shop's page. Static badges do without: the
 * runtime renders them inside a try/catch.
 */
export class WidgetBoundary extends Component<
  { hasFallbackSlot: boolean; children: ComponentChildren },
  { failed: boolean }
> {
  override state = { failed: false };

  override componentDidCatch(error: unknown): void {
    console.warn('Koubei: a widget failed and shows its fallback.', error);
    this.setState({ failed: true });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    // In a shadow root, <slot> shows the placeholder's own fallback content.
    return this.props.hasFallbackSlot ? <slot /> : null;
  }
}
