import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import type { Sharp } from 'sharp';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPhotoStore } from '../src/photos/photo-store.ts';
import type { PhotoRejectionCode, ProcessedPhoto } from '../src/photos/process-photo.ts';
import {
  FULL_MAX_SIDE,
  heicDecodingSupported,
  PhotoRejectedError,
  processPhoto,
} from '../src/photos/process-photo.ts';
import { sniffImageType } from '../src/photos/sniff-image-type.ts';
import type { Rgb } from './fixtures/images.ts';
import {
  animatedWebp,
  blackPng,
  heicContainer,
  solidImage,
  splitJpeg,
  webpChunks,
  withIptc,
  zipArchive,
} from './fixtures/images.ts';

const RED: Rgb = [220, 30, 30];
const BLUE: Rgb = [30, 30, 220];
const GREEN: Rgb = [30, 200, 30];
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"></svg>';
const HTML = '<!DOCTYPE html><html><script>alert(document.cookie)</script></html>';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes that any EXIF (TIFF headers), ICC ('acsp'), IPTC ('8BIM') or XMP block of the test photo contains. */
const METADATA_TRACES = [
  'Exif\0\0',
  'MM\0*',
  'II*\0',
  'acsp',
  '8BIM',
  'adobe:ns:meta',
  'Koubei test camera',
  'Jane Customer',
];
/** sharp's prebuilt binaries encode AVIF with libaom; a custom libvips may not. */
const canEncodeAvif = await solidImage(1, 1)
  .avif()
  .toBuffer()
  .then(
    () => true,
    () => false,
  );

async function rejectionOf(work: Promise<unknown>): Promise<PhotoRejectedError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof PhotoRejectedError) return error;
    throw error;
  }
  throw new Error('Expected the photo to be rejected');
}

async function expectRejected(work: Promise<unknown>, code: PhotoRejectionCode, status: number) {
  const error = await rejectionOf(work);
  expect(error.code).toBe(code);
  expect(error.status).toBe(status);
  return error;
}

/** The colour of one pixel of a (WebP) image. */
async function pixelAt(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [...data.subarray(offset, offset + 3)];
}

function expectCloseTo(actual: number[], expected: Rgb) {
  actual.forEach((channel, i) => expect(Math.abs(channel - expected[i]!)).toBeLessThan(12));
}

/**
 * Both outputs hold pixels only. In WebP, EXIF, XMP and ICC can live only in
 * their own chunks, so the chunk list is the authoritative check.
 */
async function expectBareWebp(photo: ProcessedPhoto) {
  for (const output of [photo.full, photo.thumbnail]) {
    expect(sniffImageType(output)).toBe('webp');
    const chunkIds = webpChunks(output).map((chunk) => chunk.id);
    expect(chunkIds.filter((id) => !['VP8 ', 'VP8L', 'VP8X', 'ALPH'].includes(id))).toEqual([]);
    const metadata = await sharp(output).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.iptc).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
  }
}

describe('processPhoto: decompression bombs', () => {
  // First in the file, so that the worker's peak RSS is still near its
  // baseline. libvips streams rows, so even a full decode of this PNG stays
  // far below its 196 MB of pixels; measured here with the limit lifted, it
  // took ~0.6 s and raised peak RSS by ~63 MB. A header-only rejection moves
  // neither.
  it('rejects a 14000 × 14000 PNG from its header, without decoding it', async () => {
    const png = blackPng(14_000, 14_000);
    expect(png.length).toBeLessThan(100_000);
    expect(await sharp(png).metadata()).toMatchObject({ width: 14_000, height: 14_000 });

    const rssBefore = process.memoryUsage().rss;
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    const started = performance.now();
    const error = await expectRejected(processPhoto(png), 'too-many-pixels', 422);
    const elapsed = performance.now() - started;
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    const peakGrowth = process.resourceUsage().maxRSS * 1024 - peakBefore;

    console.log(
      `14000×14000 PNG (${png.length} bytes) rejected in ${elapsed.toFixed(0)} ms; ` +
        `RSS growth ${(rssGrowth / 2 ** 20).toFixed(1)} MB, ` +
        `peak RSS growth ${(peakGrowth / 2 ** 20).toFixed(1)} MB`,
    );
    expect(peakGrowth).toBeLessThan(16 * 2 ** 20);
    expect(error.message).toBe('Photos can have at most 40 megapixels.');
  });
});

describe('sniffImageType', () => {
  it('recognises each accepted type by its bytes', async () => {
    const image = solidImage(16, 16);
    expect(sniffImageType(await image.clone().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImageType(await image.clone().png().toBuffer())).toBe('png');
    expect(sniffImageType(await image.clone().webp().toBuffer())).toBe('webp');
    expect(sniffImageType(await image.clone().webp({ lossless: true }).toBuffer())).toBe('webp');
    if (canEncodeAvif) expect(sniffImageType(await image.clone().avif().toBuffer())).toBe('avif');
    expect(sniffImageType(heicContainer(16, 16))).toBe('heic');
  });

  it('rejects everything else, however it starts', async () => {
    const gif = await solidImage(16, 16).gif().toBuffer();
    const jpeg = await solidImage(16, 16).jpeg().toBuffer();
    const notImages = [
      new Uint8Array(0),
      Buffer.from(SVG),
      Buffer.from(`<?xml version="1.0"?>${SVG}`),
      gif,
      Buffer.from(HTML),
      Buffer.concat([PNG_SIGNATURE, Buffer.from(HTML)]),
      Buffer.concat([jpeg.subarray(0, 3), Buffer.from(HTML)]),
      Buffer.from('RIFF\x10\x00\x00\x00WEBP<html>', 'latin1'),
      Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x00\x00isommp42', 'latin1'),
      PNG_SIGNATURE,
    ];
    for (const bytes of notImages) expect(sniffImageType(bytes)).toBeNull();
  });
});

describe('processPhoto', () => {
  const formats = [
    { name: 'JPEG', encode: (image: Sharp) => image.jpeg() },
    { name: 'PNG', encode: (image: Sharp) => image.png() },
    { name: 'WebP', encode: (image: Sharp) => image.webp() },
    ...(canEncodeAvif ? [{ name: 'AVIF', encode: (image: Sharp) => image.avif() }] : []),
  ];

  it.each(formats)('turns a $name photo into WebP full size and thumbnail', async ({ encode }) => {
    // A plain Uint8Array, as the upload route passes it.
    const input = new Uint8Array(await encode(solidImage(800, 600, RED)).toBuffer());
    const photo = await processPhoto(input);

    expect(photo).toMatchObject({
      width: 800,
      height: 600,
      thumbnailWidth: 320,
      thumbnailHeight: 240,
      contentType: 'image/webp',
    });
    expect(await sharp(photo.full).metadata()).toMatchObject({
      format: 'webp',
      width: 800,
      height: 600,
    });
    expect(await sharp(photo.thumbnail).metadata()).toMatchObject({ width: 320, height: 240 });
    expectCloseTo(await pixelAt(photo.full, 400, 300), RED);
    await expectBareWebp(photo);
  });

  it('keeps transparency', async () => {
    const input = await sharp({
      create: { width: 40, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const photo = await processPhoto(input);
    expect(await sharp(photo.full).metadata()).toMatchObject({ hasAlpha: true });
  });

  it(`shrinks the full photo to ${FULL_MAX_SIDE} px on its longest side`, async () => {
    const landscape = await processPhoto(await solidImage(5000, 2500).jpeg().toBuffer());
    expect([landscape.width, landscape.height]).toEqual([2000, 1000]);
    expect([landscape.thumbnailWidth, landscape.thumbnailHeight]).toEqual([320, 160]);

    const portrait = await processPhoto(await solidImage(1500, 4500).jpeg().toBuffer());
    expect([portrait.width, portrait.height]).toEqual([667, 2000]);
    // Thumbnails are bounded by width (the widget's srcset assumes so), not by their longest side.
    expect([portrait.thumbnailWidth, portrait.thumbnailHeight]).toEqual([320, 960]);
  });

  it('never enlarges a small photo', async () => {
    const photo = await processPhoto(await solidImage(120, 90).png().toBuffer());
    expect(photo).toMatchObject({
      width: 120,
      height: 90,
      thumbnailWidth: 120,
      thumbnailHeight: 90,
    });
  });

  it('applies EXIF orientation, then drops EXIF (GPS too), XMP, IPTC and the ICC profile', async () => {
    // Stored 600 × 400, red left and blue right; orientation 6 means "turn 90° clockwise to view".
    const stored = await splitJpeg(600, 400, RED, BLUE);
    const input = withIptc(
      await stored
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExif({
          IFD0: { Make: 'Koubei test camera' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '35/1 39/1 31/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '139/1 42/1 3/1',
          },
        })
        .withXmp(
          '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
            '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Jane Customer"/>' +
            '</rdf:RDF></x:xmpmeta>',
        )
        .withIccProfile('p3')
        .toBuffer(),
      'Jane Customer',
    );

    // The input really carries all of it, so the assertions below are not vacuous.
    const inputMetadata = await sharp(input).metadata();
    expect(inputMetadata).toMatchObject({ orientation: 6, width: 600, height: 400 });
    expect(inputMetadata.icc).toBeDefined();
    expect(inputMetadata.iptc).toBeDefined();
    expect(inputMetadata.xmp?.toString()).toContain('Jane Customer');
    expect(await exifr.gps(input)).toMatchObject({ latitude: expect.closeTo(35.66, 1) });

    const photo = await processPhoto(input);

    expect([photo.width, photo.height]).toEqual([400, 600]);
    expect([photo.thumbnailWidth, photo.thumbnailHeight]).toEqual([320, 480]);
    // Turned clockwise, the red left half is now on top.
    expectCloseTo(await pixelAt(photo.full, 200, 50), RED);
    expectCloseTo(await pixelAt(photo.full, 200, 550), BLUE);
    await expectBareWebp(photo);
    for (const output of [photo.full, photo.thumbnail]) {
      for (const trace of METADATA_TRACES) expect(output.includes(trace, 0, 'latin1')).toBe(false);
    }

    // Control: had the pipeline kept metadata, these checks would see it, and
    // exifr (which cannot open WebP itself) would read the GPS position from
    // the EXIF chunk.
    const leaky = await sharp(input).keepMetadata().webp().toBuffer();
    const leakyChunks = webpChunks(leaky);
    expect(leakyChunks.map((chunk) => chunk.id)).toEqual(
      expect.arrayContaining(['EXIF', 'XMP ', 'ICCP']),
    );
    // The chunk holds "Exif\0\0" and then the TIFF structure exifr reads.
    const exifChunk = leakyChunks.find((chunk) => chunk.id === 'EXIF')!.data.subarray(6);
    expect(await exifr.gps(exifChunk)).toMatchObject({ latitude: expect.closeTo(35.66, 1) });
    expect(METADATA_TRACES.filter((trace) => leaky.includes(trace, 0, 'latin1'))).toEqual(
      expect.arrayContaining(['Koubei test camera', 'Jane Customer']),
    );
  });

  it('keeps only the first frame of an animated WebP', async () => {
    const input = await animatedWebp(60, 40, [RED, BLUE, GREEN]);
    expect(await sharp(input).metadata()).toMatchObject({ pages: 3 });

    const photo = await processPhoto(input);

    expect([photo.width, photo.height]).toEqual([60, 40]);
    expect(await sharp(photo.full).metadata()).not.toHaveProperty('pages');
    expect(webpChunks(photo.full).map((chunk) => chunk.id)).not.toContain('ANMF');
    expectCloseTo(await pixelAt(photo.full, 30, 20), RED);
  });

  it('drops a ZIP archive appended to a JPEG (polyglot)', async () => {
    const jpeg = await solidImage(300, 200).jpeg().toBuffer();
    const input = Buffer.concat([jpeg, zipArchive('payload.html', HTML)]);
    expect(input.includes('PK\x03\x04')).toBe(true);

    const photo = await processPhoto(input);

    expect([photo.width, photo.height]).toEqual([300, 200]);
    for (const output of [photo.full, photo.thumbnail]) {
      expect(output.includes('PK\x03\x04')).toBe(false);
      expect(output.includes('PK\x05\x06')).toBe(false);
      expect(output.includes('<script>')).toBe(false);
    }
  });

  describe('rejects', () => {
    it.each([
      { name: 'an SVG with an onload handler', bytes: () => Buffer.from(SVG) },
      { name: 'a GIF', bytes: () => solidImage(16, 16).gif().toBuffer() },
      { name: 'HTML named photo.jpg', bytes: () => Buffer.from(HTML) },
      {
        name: 'a PNG signature followed by HTML',
        bytes: () => Buffer.concat([PNG_SIGNATURE, Buffer.from(HTML)]),
      },
      { name: 'an empty upload', bytes: () => new Uint8Array(0) },
    ])('$name as unsupported-type', async ({ bytes }) => {
      const error = await expectRejected(processPhoto(await bytes()), 'unsupported-type', 415);
      // Lists HEIC too where this server can decode it.
      expect(error.message).toMatch(/^Photos must be JPEG, PNG, WebP (or|HEIC) /);
    });

    it.skipIf(heicDecodingSupported)(
      'HEIC with a message saying this server cannot decode it',
      async () => {
        const error = await expectRejected(
          processPhoto(heicContainer(64, 48)),
          'unsupported-type',
          415,
        );
        expect(error.message).toMatch(/^HEIC photos are not supported on this server\./);
      },
    );

    it.skipIf(heicDecodingSupported)(
      'HEIC only because libheif here has no HEVC decoder',
      async () => {
        // The container parses (so it is a fair sample); decoding it is what fails.
        expect(await sharp(heicContainer(64, 48)).metadata()).toMatchObject({
          format: 'heif',
          compression: 'hevc',
        });
        await expect(sharp(heicContainer(64, 48)).webp().toBuffer()).rejects.toThrow(/HEVC/);
      },
    );

    it.each([
      { name: 'JPEG', encode: (image: Sharp) => image.jpeg({ quality: 95 }) },
      { name: 'PNG', encode: (image: Sharp) => image.png() },
      { name: 'WebP', encode: (image: Sharp) => image.webp() },
    ])('a truncated $name as corrupt', async ({ encode }) => {
      // Noise, so that the cut falls in the middle of the compressed pixels.
      const noise = Buffer.from(Array.from({ length: 200 * 200 * 3 }, (_, i) => (i * 7919) % 251));
      const input = await encode(
        sharp(noise, { raw: { width: 200, height: 200, channels: 3 } }),
      ).toBuffer();
      const error = await expectRejected(
        processPhoto(input.subarray(0, Math.floor(input.length * 0.6))),
        'corrupt',
        422,
      );
      expect(error.message).toBe('The photo could not be read. It may be damaged or incomplete.');
      expect(error.cause).toBeInstanceOf(Error);
    });

    it('an 11 MB upload as too-large, before looking inside', async () => {
      // A JPEG header over garbage: decoding it would fail as corrupt instead.
      const input = new Uint8Array(11 * 2 ** 20);
      input.set([0xff, 0xd8, 0xff, 0xe0]);
      const error = await expectRejected(processPhoto(input), 'too-large', 413);
      expect(error.message).toBe('Photos can be at most 10 MB.');
    });

    it('according to the limits given', async () => {
      const jpeg = await solidImage(100, 100).jpeg().toBuffer();
      await expectRejected(processPhoto(jpeg, { maxBytes: jpeg.length - 1 }), 'too-large', 413);
      await expectRejected(processPhoto(jpeg, { maxInputPixels: 9_999 }), 'too-many-pixels', 422);
      await expect(processPhoto(jpeg, { maxInputPixels: 10_000 })).resolves.toMatchObject({
        width: 100,
      });
    });
  });
});

describe('createPhotoStore', () => {
  let root: string;
  let photo: ProcessedPhoto;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'koubei-photos-'));
    photo = await processPhoto(await solidImage(640, 480).jpeg().toBuffer());
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('creates its directory and saves both variants under their names, with no temp files left', async () => {
    const dir = join(root, 'created', 'on', 'first', 'save');
    const store = createPhotoStore(dir);
    const ids = ['a', 'b_2', 'C-3', 'd', 'e'];

    await Promise.all(ids.map((id) => store.save(id, photo)));

    const expectedFiles = ids.flatMap((id) => [`${id}.webp`, `${id}-thumb.webp`]);
    expect((await readdir(dir)).sort()).toEqual(expectedFiles.sort());
    expect(await store.read('b_2', 'full')).toEqual(photo.full);
    expect(await store.read('b_2', 'thumbnail')).toEqual(photo.thumbnail);
    expect(await store.read('never-saved', 'full')).toBeNull();
  });

  it('replaces a saved photo whole', async () => {
    const store = createPhotoStore(join(root, 'replace'));
    const other = await processPhoto(await solidImage(300, 300, BLUE).png().toBuffer());
    await store.save('p', photo);
    await store.save('p', other);
    expect(await store.read('p', 'full')).toEqual(other.full);
    expect(await store.read('p', 'thumbnail')).toEqual(other.thumbnail);
    expect(await readdir(join(root, 'replace'))).toHaveLength(2);
  });

  it('cleans up its temp files when a save fails', async () => {
    const dir = join(root, 'failing');
    const store = createPhotoStore(dir);
    // A directory where the thumbnail should go makes its rename fail.
    await mkdir(join(dir, 'x-thumb.webp'), { recursive: true });

    await expect(store.save('x', photo)).rejects.toThrow();

    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('removes both variants, and ignores ids with nothing stored', async () => {
    const dir = join(root, 'remove');
    const store = createPhotoStore(dir);
    await store.save('gone', photo);
    await store.save('kept', photo);

    await store.remove('gone');
    await store.remove('never-saved');

    expect((await readdir(dir)).sort()).toEqual(['kept-thumb.webp', 'kept.webp']);
    expect(await store.read('gone', 'full')).toBeNull();
    expect(await store.read('gone', 'thumbnail')).toBeNull();
  });

  it('rejects ids that could leave its directory or collide', async () => {
    const dir = join(root, 'jail', 'photos');
    const store = createPhotoStore(dir);
    // A file one level up that a traversal would reach.
    await mkdir(dir, { recursive: true });
    await writeFile(join(root, 'jail', 'secret.webp'), 'secret');

    const badIds = [
      '../secret',
      '..',
      '.',
      '',
      'a/b',
      'a\\b',
      '/etc/passwd',
      'a\0b',
      'photo.webp',
      'x'.repeat(65),
      'photo-thumb', // would be the thumbnail file of "photo"
    ];
    for (const id of badIds) {
      await expect(store.save(id, photo)).rejects.toThrow(/invalid photo id/i);
      await expect(store.read(id, 'full')).rejects.toThrow(/invalid photo id/i);
      await expect(store.read(id, 'thumbnail')).rejects.toThrow(/invalid photo id/i);
      await expect(store.remove(id)).rejects.toThrow(/invalid photo id/i);
    }
    expect(await readdir(dir)).toEqual([]);
    expect((await readdir(join(root, 'jail'))).sort()).toEqual(['photos', 'secret.webp']);
    await expect(store.save('x'.repeat(64), photo)).resolves.toBeUndefined();
  });
});
