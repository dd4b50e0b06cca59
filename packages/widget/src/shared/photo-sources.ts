import type { Photo, SafeHttpUrlOptions } from '@koubei/core';
import { safeHttpUrl } from '@koubei/core';

export interface PhotoSources {
  readonly src: string;
  readonly srcset: string | undefined;
  readonly width: number;
  readonly height: number;
}

/** Width of the thumbnails the server makes (see packages/server/src/photos/process-photo.ts). */
const THUMBNAIL_WIDTH = 320;

/**
 * `src`, `srcset` and the box size for a customer photo, or `null` if its URL
 * fails the guard (then nothing is rendered: no broken image, no request to
 * an unknown host). Width and height come from validated numbers, so the
 * browser reserves the box before the image loads.
 */
export function photoSources(photo: Photo, options: SafeHttpUrlOptions): PhotoSources | null {
  const src = safeHttpUrl(photo.url, options);
  if (!src) return null;
  const thumbnail = photo.thumbnailUrl ? safeHttpUrl(photo.thumbnailUrl, options) : null;
  const thumbWidth = Math.min(THUMBNAIL_WIDTH, photo.width);
  return {
    src: thumbnail ?? src,
    srcset: thumbnail ? `${thumbnail} ${thumbWidth}w, ${src} ${photo.width}w` : undefined,
    width: photo.width,
    height: photo.height,
  };
}
