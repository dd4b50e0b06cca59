/** Longest side of a photo sent to the server; it makes its own sizes from this. */
export const MAX_PHOTO_SIDE = 2000;
const JPEG_QUALITY = 0.85;
// Resizing is a saving, never a gate: past this the original is sent.
const RESIZE_TIMEOUT_MS = 5000;

export interface PreparedPhoto {
  readonly blob: Blob;
  readonly filename: string;
}

export interface ResizeOptions {
  readonly maxSide?: number;
  readonly quality?: number;
  readonly timeoutMs?: number;
}

/**
 * A phone photo (often 4000 px, 5 MB) shrunk to at most `maxSide` pixels on
 * its longest side as a JPEG, so uploads are quick on mobile data. Whatever
 * goes wrong (no canvas, a format the browser cannot decode such as HEIC
 * outside Safari, a slow device) resolves to the original file: the server
 * accepts it as is. Never rejects.
 */
export async function resizeImage(file: File, options: ResizeOptions = {}): Promise<PreparedPhoto> {
  const original: PreparedPhoto = { blob: file, filename: file.name || 'photo' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const resized = await Promise.race([
      shrink(file, options.maxSide ?? MAX_PHOTO_SIDE, options.quality ?? JPEG_QUALITY),
      new Promise<null>((resolve) => {
        timer = setTimeout(resolve, options.timeoutMs ?? RESIZE_TIMEOUT_MS, null);
      }),
    ]);
    return resized ?? original;
  } catch {
    return original;
  } finally {
    clearTimeout(timer);
  }
}

async function shrink(file: File, maxSide: number, quality: number): Promise<PreparedPhoto | null> {
  if (typeof createImageBitmap !== 'function') return null;
  // 'from-image' turns the pixels the way the camera's EXIF orientation says,
  // since the re-encoded JPEG carries no EXIF.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    // Small enough already (the server strips metadata anyway), or not an image we can read.
    if (!(longest > maxSide)) return null;
    const scale = maxSide / longest;
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const blob = await drawJpeg(bitmap, width, height, quality);
    if (!blob || blob.size === 0 || blob.size >= file.size) return null;
    return { blob, filename: `${(file.name || 'photo').replace(/\.[^.]*$/, '')}.jpg` };
  } finally {
    bitmap.close();
  }
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function paint(context: Context2D, bitmap: ImageBitmap, width: number, height: number): void {
  // JPEG has no transparency: a transparent PNG would turn black without this.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
}

async function drawJpeg(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  quality: number,
): Promise<Blob | null> {
  // OffscreenCanvas needs no DOM node; older Safari only has <canvas>.
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    paint(context, bitmap, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  paint(context, bitmap, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}
