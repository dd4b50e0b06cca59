/**
 * The photo pipeline for customer review photos: untrusted bytes in, two
 * clean WebP files out (a full-size photo and a thumbnail), or a
 * `PhotoRejectedError` that says why in words safe to show the customer.
 *
 * Every photo is decoded to bare pixels and re-encoded, never passed through:
 * that is what drops EXIF (GPS position, camera serials), XMP, IPTC, colour
 * profiles and anything appended to the file (a ZIP behind a JPEG).
 */
import type { FormatEnum } from 'sharp';
import sharp from 'sharp';
import type { SniffedImageType } from './sniff-image-type.ts';
import { sniffImageType } from './sniff-image-type.ts';

export interface PhotoLimits {
  /** Largest upload accepted, in bytes; checked before anything is decoded. */
  maxBytes: number;
  /** Largest width × height accepted, read from the image header before decoding. */
  maxInputPixels: number;
}

export const DEFAULT_PHOTO_LIMITS: PhotoLimits = {
  maxBytes: 10 * 1024 * 1024,
  // Phones save 12–24 MP by default (full-resolution 48 MP shots are refused);
  // 40 MP keeps a worst-case decode near 160 MB of RGBA.
  maxInputPixels: 40_000_000,
};

/** Longest side of the stored full-size photo; smaller photos are never enlarged. */
export const FULL_MAX_SIDE = 2000;
/**
 * Width of the thumbnail (its height follows the aspect ratio). Bounding the
 * width, not the longest side, is what the widget's `srcset` assumes: it
 * describes the thumbnail as `min(320, photo width)` pixels wide. A portrait
 * thumbnail is then taller than 320 px, which the square gallery cells crop.
 */
export const THUMBNAIL_MAX_WIDTH = 320;
const WEBP_QUALITY = 82;

/**
 * Whether this server can decode HEIC (HEVC-coded HEIF, the iPhone default).
 * sharp's prebuilt binaries ship libheif with an AV1 decoder only (HEVC is
 * patent-encumbered) and their HEIF loader then lists `.avif` alone among its
 * suffixes; a libvips with HEVC support lists `.heic` too. Checking up front
 * gives customers a clear answer and keeps HEIC files we could not decode
 * away from the container parser. (With a libvips that listed `.heic` but had
 * no decoder, HEIC uploads would be rejected as 'corrupt' instead.)
 */
export const heicDecodingSupported: boolean =
  sharp.format.heif.input.fileSuffix?.includes('.heic') ?? false;

export interface ProcessedPhoto {
  full: Buffer;
  thumbnail: Buffer;
  /** Of the full-size photo, after EXIF orientation was applied. */
  width: number;
  height: number;
  thumbnailWidth: number;
  thumbnailHeight: number;
  contentType: 'image/webp';
}

export type PhotoRejectionCode = 'too-large' | 'unsupported-type' | 'too-many-pixels' | 'corrupt';

const STATUS_BY_CODE: Record<PhotoRejectionCode, 413 | 415 | 422> = {
  'too-large': 413,
  'unsupported-type': 415,
  'too-many-pixels': 422,
  corrupt: 422,
};

/**
 * An upload the pipeline refuses. `message` is fixed text, safe to show the
 * customer (it never repeats anything from the upload); `cause`, when set,
 * holds the decoder's own error for the server log only.
 */
export class PhotoRejectedError extends Error {
  override readonly name = 'PhotoRejectedError';
  readonly code: PhotoRejectionCode;
  readonly status: 413 | 415 | 422;

  constructor(code: PhotoRejectionCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.status = STATUS_BY_CODE[code];
  }
}

const ACCEPTED_TYPES_MESSAGE = heicDecodingSupported
  ? 'Photos must be JPEG, PNG, WebP, HEIC or AVIF images.'
  : 'Photos must be JPEG, PNG, WebP or AVIF images.';
const HEIC_UNSUPPORTED_MESSAGE =
  'HEIC photos are not supported on this server. Please upload a JPEG, PNG or WebP photo.';
const CORRUPT_MESSAGE = 'The photo could not be read. It may be damaged or incomplete.';

/** The format sharp must detect for each sniffed type (HEIC and AVIF are both HEIF). */
const SHARP_FORMAT: Record<SniffedImageType, keyof FormatEnum> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  heic: 'heif',
  avif: 'heif',
};

export async function processPhoto(
  bytes: Uint8Array,
  limits: Partial<PhotoLimits> = {},
): Promise<ProcessedPhoto> {
  const maxBytes = limits.maxBytes ?? DEFAULT_PHOTO_LIMITS.maxBytes;
  const maxInputPixels = limits.maxInputPixels ?? DEFAULT_PHOTO_LIMITS.maxInputPixels;

  if (bytes.byteLength > maxBytes) {
    const megabytes = Math.floor(maxBytes / (1024 * 1024));
    throw new PhotoRejectedError('too-large', `Photos can be at most ${megabytes} MB.`);
  }
  const type = sniffImageType(bytes);
  if (type === null) throw new PhotoRejectedError('unsupported-type', ACCEPTED_TYPES_MESSAGE);
  if (type === 'heic' && !heicDecodingSupported) {
    throw new PhotoRejectedError('unsupported-type', HEIC_UNSUPPORTED_MESSAGE);
  }

  const image = sharp(bytes, {
    limitInputPixels: maxInputPixels,
    // sharp's default, 'warning', also refuses photos that decode fine but
    // make libjpeg warn (e.g. "extraneous bytes before marker", which some
    // phone cameras write). 'error' still refuses truncated and corrupt data.
    failOn: 'error',
    // Only the first frame of an animated WebP or AVIF sequence.
    pages: 1,
  });

  // Reading the header enforces the pixel limit before any pixel is decoded.
  // The decoder libvips picked must also be the one for the sniffed type, so
  // no other loader (SVG, GIF, TIFF, PDF…) ever parses an upload.
  const { format } = await rejectDecodeFailures(() => image.metadata(), maxInputPixels);
  if (format !== SHARP_FORMAT[type]) {
    throw new PhotoRejectedError('unsupported-type', ACCEPTED_TYPES_MESSAGE);
  }

  // Raw pixels carry no metadata at all, so nothing from the upload but its
  // picture can reach the WebP files. Orientation is applied first, while the
  // EXIF tag that describes it is still there; embedded colour profiles are
  // converted to sRGB on the way.
  const pixels = await rejectDecodeFailures(
    () =>
      image
        .autoOrient()
        .resize({
          width: FULL_MAX_SIDE,
          height: FULL_MAX_SIDE,
          fit: 'inside',
          withoutEnlargement: true,
        })
        .toColourspace('srgb')
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true }),
    maxInputPixels,
  );

  const rawInput = {
    raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels },
  };
  const [full, thumbnail] = await Promise.all([
    sharp(pixels.data, rawInput)
      .webp({ quality: WEBP_QUALITY })
      .toBuffer({ resolveWithObject: true }),
    sharp(pixels.data, rawInput)
      .resize({ width: THUMBNAIL_MAX_WIDTH, withoutEnlargement: true })
      .webp({ quality: WEBP_QUALITY })
      .toBuffer({ resolveWithObject: true }),
  ]);

  return {
    full: full.data,
    thumbnail: thumbnail.data,
    width: full.info.width,
    height: full.info.height,
    thumbnailWidth: thumbnail.info.width,
    thumbnailHeight: thumbnail.info.height,
    contentType: 'image/webp',
  };
}

/** Runs a sharp step on the upload, turning its failures into rejections. */
async function rejectDecodeFailures<T>(step: () => Promise<T>, maxInputPixels: number): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof Error && error.message.includes('exceeds pixel limit')) {
      throw new PhotoRejectedError(
        'too-many-pixels',
        `Photos can have at most ${Math.floor(maxInputPixels / 1_000_000)} megapixels.`,
        { cause: error },
      );
    }
    throw new PhotoRejectedError('corrupt', CORRUPT_MESSAGE, { cause: error });
  }
}
