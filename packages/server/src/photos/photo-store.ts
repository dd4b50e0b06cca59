/**
 * Processed photos on disk: `${id}.webp` and `${id}-thumb.webp` in one
 * directory. Files appear whole or not at all, and an id can only ever name
 * files inside that directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessedPhoto } from './process-photo.ts';

export type PhotoVariant = 'full' | 'thumbnail';

export interface PhotoStore {
  save(id: string, photo: Pick<ProcessedPhoto, 'full' | 'thumbnail'>): Promise<void>;
  /** The stored WebP, or `null` if there is none for this id. */
  read(id: string, variant: PhotoVariant): Promise<Buffer | null>;
  /** Deletes both variants; ids with nothing stored are fine. */
  remove(id: string): Promise<void>;
}

/** Letters, digits, `_` and `-` only: no `/`, `\`, `.` or NUL, so no way out of the directory. */
const PHOTO_ID = /^[A-Za-z0-9_-]{1,64}$/;
const THUMBNAIL_SUFFIX = '-thumb';

export function createPhotoStore(dir: string): PhotoStore {
  const pathOf = (id: string, variant: PhotoVariant): string => join(dir, fileName(id, variant));
  // Same directory, hence same filesystem, so the rename is atomic. The
  // leading dot and `.tmp` ending can never match a photo file name.
  const tempPathFor = (name: string): string =>
    join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);

  return {
    async save(id, photo) {
      assertPhotoId(id);
      // Recreated if missing, e.g. on first use or after a cleanup job.
      await mkdir(dir, { recursive: true });
      const files = [
        { name: fileName(id, 'full'), data: photo.full },
        { name: fileName(id, 'thumbnail'), data: photo.thumbnail },
      ].map((file) => ({ ...file, tempPath: tempPathFor(file.name) }));
      try {
        // Both variants are written in full before either becomes visible.
        for (const file of files) await writeDurably(file.tempPath, file.data);
        for (const file of files) await rename(file.tempPath, join(dir, file.name));
      } catch (error) {
        // Temp files never written or already renamed are absent; `force` skips them.
        await Promise.all(files.map((file) => rm(file.tempPath, { force: true })));
        throw error;
      }
    },

    async read(id, variant) {
      assertPhotoId(id);
      try {
        return await readFile(pathOf(id, variant));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },

    async remove(id) {
      assertPhotoId(id);
      await Promise.all([
        rm(pathOf(id, 'full'), { force: true }),
        rm(pathOf(id, 'thumbnail'), { force: true }),
      ]);
    },
  };
}

function fileName(id: string, variant: PhotoVariant): string {
  return variant === 'full' ? `${id}.webp` : `${id}${THUMBNAIL_SUFFIX}.webp`;
}

function assertPhotoId(id: string): void {
  // An id ending in "-thumb" would name another id's thumbnail ("a-thumb.webp"
  // is both the full photo of "a-thumb" and the thumbnail of "a").
  if (!PHOTO_ID.test(id) || id.endsWith(THUMBNAIL_SUFFIX)) {
    throw new TypeError('Invalid photo id');
  }
}

/**
 * Writes and fsyncs, so that after a crash the renamed file holds all its
 * bytes rather than none (rename alone orders nothing on some filesystems).
 */
async function writeDurably(path: string, data: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
