import type { KoubeiClient } from '@koubei/core';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { Lightbox } from '../shared/Lightbox.tsx';
import type { PhotoSources } from '../shared/photo-sources.ts';
import { photoSources } from '../shared/photo-sources.ts';
import type { KoubeiServices } from '../shared/services.ts';
import { EmptyState, ErrorState, Skeleton, StaleNotice } from '../shared/StateViews.tsx';
import { quietButton } from '../shared/StateViews.css.ts';
import { useRemote } from '../shared/use-remote.ts';
import * as css from './PhotoGallery.css.ts';

export interface PhotoGalleryProps {
  readonly koubei: KoubeiServices;
  /** Only this product's photos; the whole shop's otherwise. */
  readonly product?: string;
  /** Photos per request (1–50, the server's default otherwise). */
  readonly limit?: number;
}

type MediaPage = Awaited<ReturnType<KoubeiClient['getMedia']>>['data'];
type GalleryItem = MediaPage['items'][number];

/**
 * Most photos kept on the page. Past this, "Show more" goes away: hundreds of
 * images in a shop's DOM cost memory and scrolling for little gain.
 */
export const MAX_PHOTOS = 60;

/** Rendered width of a cell (see the grid's 120px minimum): half a phone screen, else ~200px. */
const THUMB_SIZES = '(max-width: 480px) 50vw, 200px';

/** Pages loaded by "Show more", tied to the first page they continue. */
interface LaterPages {
  readonly after: MediaPage;
  readonly items: readonly GalleryItem[];
  readonly nextCursor: string | null;
}

/**
 * Customer photos as a grid of thumbnails; each opens the lightbox. Photos
 * whose URL fails the guard are left out (and not counted), so "photo 3 of
 * 12" always means what the shopper sees.
 */
export function PhotoGallery({ koubei, product, limit }: PhotoGalleryProps) {
  const { t } = koubei;
  const headingId = useId();
  const [remote, retry] = useRemote<MediaPage>(
    `media:${product ?? '*'}:${limit ?? ''}`,
    async (signal, onRevalidated) =>
      (await koubei.client()).getMedia({ product, limit }, { signal, onRevalidated }),
  );

  let body;
  if (remote.status === 'error' && !remote.data)
    body = <ErrorState koubei={koubei} error={remote.error} onRetry={retry} />;
  else if (!remote.data) body = <Skeleton heights={[140, 140]} />;
  else body = <PhotoGrid koubei={koubei} product={product} limit={limit} first={remote.data} />;

  return (
    <section
      class={css.gallery}
      part="gallery"
      aria-labelledby={headingId}
      aria-busy={!remote.data && remote.status === 'loading'}
    >
      <h2 class={css.title} id={headingId}>
        {t.t('media.title')}
      </h2>
      {remote.stale && <StaleNotice koubei={koubei} />}
      {body}
    </section>
  );
}

function PhotoGrid({
  koubei,
  product,
  limit,
  first,
}: {
  koubei: KoubeiServices;
  product: string | undefined;
  limit: number | undefined;
  first: MediaPage;
}) {
  const { t } = koubei;
  const [later, setLater] = useState<LaterPages | null>(null);
  const [paging, setPaging] = useState<'idle' | 'loading' | 'failed'>('idle');
  const [openAt, setOpenAt] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const pagingRequest = useRef<AbortController | null>(null);
  // A new object per page, so the effect below runs even if the count did not change.
  const [focusFrom, setFocusFrom] = useState<{ readonly at: number } | null>(null);

  useEffect(() => () => pagingRequest.current?.abort(), []);

  // "Show more" moves focus to the first new photo: the shopper continues
  // from there, and focus is not lost when the button goes away.
  useEffect(() => {
    if (!focusFrom) return;
    const buttons = listRef.current?.querySelectorAll('button');
    if (buttons?.length) buttons[Math.min(focusFrom.at, buttons.length - 1)]?.focus();
  }, [focusFrom]);

  // Later pages belong to the first page they followed. When the first page
  // is replaced (a background refresh), they are dropped rather than mixed in.
  const pages = later?.after === first ? later : null;
  const nextCursor = pages ? pages.nextCursor : first.nextCursor;
  const photos = visiblePhotos([...first.items, ...(pages?.items ?? [])], koubei);
  const canShowMore = nextCursor !== null && photos.length < MAX_PHOTOS;

  async function showMore(cursor: string) {
    // One page at a time (a ref, not state: a double click comes before the next render).
    if (pagingRequest.current) return;
    const request = (pagingRequest.current = new AbortController());
    setPaging('loading');
    try {
      const client = await koubei.client();
      const { data } = await client.getMedia(
        { product, limit, cursor },
        { signal: request.signal },
      );
      if (request.signal.aborted) return;
      setLater({
        after: first,
        items: [...(pages?.items ?? []), ...data.items],
        nextCursor: data.nextCursor,
      });
      setPaging('idle');
      setFocusFrom({ at: photos.length });
      koubei.emit({ type: 'page', widget: 'gallery', product });
    } catch {
      // Aborted means the gallery is gone: nothing to show.
      if (!request.signal.aborted) setPaging('failed');
    } finally {
      if (pagingRequest.current === request) pagingRequest.current = null;
    }
  }

  function open(index: number) {
    setOpenAt(index);
    koubei.emit({ type: 'photo-open', widget: 'gallery', product, detail: { index } });
  }

  if (photos.length === 0 && !canShowMore) return <EmptyState>{t.t('media.empty')}</EmptyState>;
  return (
    <>
      {/* role="list": Safari drops list semantics from lists styled without bullets. */}
      <ul class={css.grid} ref={listRef} role="list">
        {photos.map(({ item, sources }, index) => (
          <li key={item.photo.id}>
            <button
              type="button"
              class={css.thumb}
              aria-label={t.t('media.open', { index: index + 1, total: photos.length })}
              onClick={() => open(index)}
            >
              {/* Lazy even in the first row: the script tag mounts the gallery only
                  as it nears the viewport, and browsers fetch lazy images there at once. */}
              <img
                class={css.image}
                src={sources.src}
                srcset={sources.srcset}
                sizes={THUMB_SIZES}
                width={sources.width}
                height={sources.height}
                alt={item.photo.alt}
                loading="lazy"
                decoding="async"
                referrerpolicy="no-referrer"
              />
            </button>
          </li>
        ))}
      </ul>
      {canShowMore && nextCursor !== null && (
        <div class={css.more}>
          <button
            type="button"
            class={quietButton}
            // Not `disabled`: that would drop keyboard focus while the page loads.
            aria-disabled={paging === 'loading'}
            onClick={() => showMore(nextCursor)}
          >
            {t.t('media.loadMore')}
          </button>
          {paging === 'failed' && (
            <p class={css.moreError} role="status">
              {t.t('state.error')}
            </p>
          )}
        </div>
      )}
      {openAt !== null && (
        <Lightbox
          koubei={koubei}
          items={photos.map(({ item }) => item)}
          index={openAt}
          onIndexChange={setOpenAt}
          onClose={() => setOpenAt(null)}
        />
      )}
    </>
  );
}

/** Photos to show: each once, only with a URL that passes the guard, at most MAX_PHOTOS. */
function visiblePhotos(
  items: readonly GalleryItem[],
  koubei: KoubeiServices,
): { item: GalleryItem; sources: PhotoSources }[] {
  const seen = new Set<string>();
  const visible: { item: GalleryItem; sources: PhotoSources }[] = [];
  for (const item of items) {
    if (visible.length === MAX_PHOTOS) break;
    if (seen.has(item.photo.id)) continue;
    seen.add(item.photo.id);
    const sources = photoSources(item.photo, koubei.urlOptions);
    if (sources) visible.push({ item, sources });
  }
  return visible;
}
