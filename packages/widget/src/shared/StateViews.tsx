import type { KoubeiError } from '@koubei/core';
import { isHttpError } from '@koubei/core';
import type { KoubeiServices } from './services.ts';
import * as css from './StateViews.css.ts';

/** Grey blocks of the final layout's size, so nothing jumps when content arrives. */
export function Skeleton({ heights }: { heights: readonly number[] }) {
  return (
    <div aria-hidden="true" part="skeleton">
      {heights.map((height, index) => (
        <span key={index} class={css.skeleton} style={{ height: `${height}px` }} />
      ))}
    </div>
  );
}

function errorMessageKey(error: KoubeiError | null) {
  return isHttpError(error) && error.status === 429 ? 'state.rateLimited' : 'state.error';
}

/**
 * What a widget shows when its data could not be loaded: the placeholder's
 * own fallback content if the shop gave one (script tag), otherwise a short
 * message with a retry button. Never a stack trace, never an empty hole.
 */
export function ErrorState({
  koubei,
  error,
  onRetry,
  message,
}: {
  koubei: KoubeiServices;
  error: KoubeiError | null;
  onRetry: () => void;
  /** The widget's own wording for "could not be loaded" (reviews by default). */
  message?: string;
}) {
  const { t } = koubei;
  return (
    <div class={css.message} role="status" part="error">
      {koubei.hasFallbackSlot && <slot />}
      <span>
        {message !== undefined && errorMessageKey(error) === 'state.error'
          ? message
          : t.t(errorMessageKey(error))}
      </span>
      <button type="button" class={css.quietButton} onClick={onRetry}>
        {t.t('state.retry')}
      </button>
    </div>
  );
}

export function EmptyState({ children }: { children: string }) {
  return (
    <p class={css.message} part="empty">
      {children}
    </p>
  );
}

/** Shown above data that came from the cache because the network failed. */
export function StaleNotice({ koubei }: { koubei: KoubeiServices }) {
  return (
    <p class={css.message} role="status" part="stale">
      {koubei.t.t('state.offline')}
    </p>
  );
}
