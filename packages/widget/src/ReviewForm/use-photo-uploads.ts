import type { KoubeiClient, UploadedPhoto } from '@koubei/core';
import { LIMITS, createIdempotencyKey, isKoubeiError, safeHttpUrl } from '@koubei/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { KoubeiServices } from '../shared/services.ts';
import type { DraftPhoto } from './form-draft.ts';
import type { PreparedPhoto } from './resize-image.ts';
import { resizeImage } from './resize-image.ts';

/** What the file picker offers; HEIC is what iPhones take. */
export const PHOTO_TYPES = 'image/jpeg,image/png,image/webp,image/heic';
const ACCEPTED = new Set(PHOTO_TYPES.split(','));

/** Some systems give HEIC files no MIME type at all; their name still says what they are. */
function isAcceptedImage(file: File): boolean {
  return ACCEPTED.has(file.type) || (!file.type && /\.hei[cf]$/i.test(file.name));
}

export type PhotoStatus = 'uploading' | 'uploaded' | 'failed';

export interface PhotoItem {
  /** The photo's Idempotency-Key, made when it is picked: a retry is the same upload. */
  readonly key: string;
  readonly status: PhotoStatus;
  /** Share sent, 0–1; `null` while unknown (resizing, or no progress events in this browser). */
  readonly progress: number | null;
  /** An object URL of the picked file, or the guarded thumbnail URL of a photo restored from a draft. */
  readonly preview: string | null;
  readonly uploaded: DraftPhoto | null;
}

interface Upload {
  readonly prepared: Promise<PreparedPhoto>;
  readonly objectUrl: string;
  controller: AbortController | null;
  running: Promise<void>;
}

export interface PickResult {
  /** Files left out because the review already has the most photos allowed. */
  readonly tooMany: boolean;
  readonly wrongType: boolean;
}

export interface PhotoUploads {
  readonly items: readonly PhotoItem[];
  add(files: readonly File[]): PickResult;
  remove(key: string): void;
  retry(key: string): void;
  /** Resolves once no photo is uploading, with the photos as they then are. */
  settled(): Promise<readonly PhotoItem[]>;
}

/**
 * Photos upload as soon as they are picked, so sending the review is quick.
 * Each is resized first (never blocking on it), reports its progress, and can
 * be retried with its own Idempotency-Key. Object URLs for the previews are
 * revoked on removal and on unmount.
 */
export function usePhotoUploads(
  koubei: KoubeiServices,
  restored: readonly DraftPhoto[],
): PhotoUploads {
  const [items, setItems] = useState<readonly PhotoItem[]>(() =>
    restored.map((photo) => ({
      key: photo.id,
      status: 'uploaded',
      progress: 1,
      preview: safeHttpUrl(photo.thumbnailUrl, koubei.urlOptions),
      uploaded: photo,
    })),
  );
  // The list as of now, for code that runs between renders (uploads, `settled`).
  const current = useRef(items);
  const uploads = useRef(new Map<string, Upload>()).current;
  const disposed = useRef(false);
  // ky reports upload progress by streaming the request body, which some
  // browsers cannot do (ky then fails before sending anything) and Chrome
  // only over HTTP/2. After one upload has needed the plain way, this form
  // uploads the plain way.
  const progressWorks = useRef(true);

  const publish = (next: readonly PhotoItem[]) => {
    current.current = next;
    if (!disposed.current) setItems(next);
  };
  const patch = (key: string, change: Partial<PhotoItem>) =>
    publish(current.current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  useEffect(
    () => () => {
      disposed.current = true;
      for (const upload of uploads.values()) {
        upload.controller?.abort();
        URL.revokeObjectURL(upload.objectUrl);
      }
      uploads.clear();
    },
    [],
  );

  async function send(
    client: KoubeiClient,
    key: string,
    photo: PreparedPhoto,
    signal: AbortSignal,
  ): Promise<UploadedPhoto> {
    const plain = { idempotencyKey: key, filename: photo.filename, signal };
    if (!progressWorks.current) return client.uploadPhoto(photo.blob, plain);
    try {
      return await client.uploadPhoto(photo.blob, {
        ...plain,
        onProgress: (share: number) => !signal.aborted && patch(key, { progress: share }),
      });
    } catch (error) {
      if (!isKoubeiError(error) || error.kind !== 'network' || signal.aborted) throw error;
      // Perhaps only the streaming failed: once more the plain way, same key.
      patch(key, { progress: null });
      const uploaded = await client.uploadPhoto(photo.blob, plain);
      progressWorks.current = false;
      return uploaded;
    }
  }

  async function upload(key: string): Promise<void> {
    const entry = uploads.get(key);
    if (!entry) return;
    const controller = new AbortController();
    entry.controller = controller;
    patch(key, { status: 'uploading', progress: null });
    try {
      const [photo, client] = await Promise.all([entry.prepared, koubei.client()]);
      if (controller.signal.aborted) return;
      const uploaded = await send(client, key, photo, controller.signal);
      if (controller.signal.aborted) return;
      patch(key, {
        status: 'uploaded',
        progress: 1,
        uploaded: { id: uploaded.id, thumbnailUrl: uploaded.thumbnailUrl },
      });
    } catch {
      // Removed or unmounted: nothing to show. Otherwise the photo offers a retry.
      if (!controller.signal.aborted) patch(key, { status: 'failed', progress: null });
    }
  }

  return {
    items,
    add(files) {
      const images = files.filter(isAcceptedImage);
      const room = Math.max(0, LIMITS.mediaPerReview - current.current.length);
      const taken = images.slice(0, room);
      const added = taken.map((file): PhotoItem => {
        const key = createIdempotencyKey();
        const objectUrl = URL.createObjectURL(file);
        uploads.set(key, {
          prepared: resizeImage(file),
          objectUrl,
          controller: null,
          running: Promise.resolve(),
        });
        return { key, status: 'uploading', progress: null, preview: objectUrl, uploaded: null };
      });
      publish([...current.current, ...added]);
      for (const { key } of added) {
        const entry = uploads.get(key);
        if (entry) entry.running = upload(key);
      }
      return { tooMany: taken.length < images.length, wrongType: images.length < files.length };
    },
    remove(key) {
      const entry = uploads.get(key);
      if (entry) {
        entry.controller?.abort();
        URL.revokeObjectURL(entry.objectUrl);
        uploads.delete(key);
      }
      publish(current.current.filter((item) => item.key !== key));
    },
    retry(key) {
      const entry = uploads.get(key);
      const item = current.current.find((photo) => photo.key === key);
      if (entry && item?.status === 'failed') entry.running = upload(key);
    },
    async settled() {
      // A retry may start while this waits: wait until nothing is uploading.
      for (;;) {
        const running = current.current.flatMap((item) => {
          const entry = item.status === 'uploading' ? uploads.get(item.key) : undefined;
          return entry ? [entry.running] : [];
        });
        if (running.length === 0 || disposed.current) return current.current;
        await Promise.all(running);
      }
    },
  };
}
