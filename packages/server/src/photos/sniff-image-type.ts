/**
 * Which raster format an upload is, judged only by its leading bytes.
 *
 * File names and declared Content-Types are chosen by the uploader, so they
 * are never consulted. Each check goes a few bytes past the bare signature
 * (PNG's first chunk must be IHDR, a JPEG's SOI must be followed by a marker,
 * WebP must name a VP8 chunk, HEIF must carry a known brand): a real file of
 * that type always has them, while a signature pasted in front of HTML or
 * script does not. Everything else — SVG, GIF, HTML, TIFF, PDF — is `null`.
 */
export type SniffedImageType = 'jpeg' | 'png' | 'webp' | 'heic' | 'avif';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** HEIF brands of AV1-coded images (AVIF) and of HEVC-coded ones (HEIC). */
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
/** Codec-neutral HEIF brands: the compatible brands then tell the codec. */
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1', 'miaf']);

export function sniffImageType(bytes: Uint8Array): SniffedImageType | null {
  if (isJpeg(bytes)) return 'jpeg';
  if (isPng(bytes)) return 'png';
  if (isWebp(bytes)) return 'webp';
  return heifType(bytes);
}

function isJpeg(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) {
    return false;
  }
  // SOI is followed by a marker segment (APPn, DQT, DHT, SOFn, COM, DRI…) or
  // a 0xFF fill byte: 0xC0–0xFF minus RSTn/SOI/EOI. Text after the signature
  // is never in that range.
  const marker = bytes[3]!;
  return marker >= 0xc0 && (marker < 0xd0 || marker > 0xd9);
}

function isPng(bytes: Uint8Array): boolean {
  // Signature, then the IHDR chunk, which the PNG spec requires to come first
  // and to be 13 bytes long.
  return (
    bytes.length >= 33 &&
    PNG_SIGNATURE.every((byte, i) => bytes[i] === byte) &&
    readUint32(bytes, 8) === 13 &&
    ascii(bytes, 12, 4) === 'IHDR'
  );
}

function isWebp(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 16 &&
    ascii(bytes, 0, 4) === 'RIFF' &&
    ascii(bytes, 8, 4) === 'WEBP' &&
    ['VP8 ', 'VP8L', 'VP8X'].includes(ascii(bytes, 12, 4))
  );
}

/** HEIC or AVIF from the ISO-BMFF `ftyp` box that must open the file. */
function heifType(bytes: Uint8Array): 'heic' | 'avif' | null {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return null;
  // Box size: major brand + minor version + whole 4-byte compatible brands.
  const boxSize = readUint32(bytes, 0);
  if (boxSize < 16 || boxSize > bytes.length || boxSize % 4 !== 0) return null;

  const majorBrand = ascii(bytes, 8, 4);
  if (AVIF_BRANDS.has(majorBrand)) return 'avif';
  if (HEIC_BRANDS.has(majorBrand)) return 'heic';
  if (!GENERIC_HEIF_BRANDS.has(majorBrand)) return null;

  const compatibleBrands: string[] = [];
  for (let offset = 16; offset < boxSize; offset += 4) {
    compatibleBrands.push(ascii(bytes, offset, 4));
  }
  if (compatibleBrands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (compatibleBrands.some((brand) => HEIC_BRANDS.has(brand))) return 'heic';
  return null;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
