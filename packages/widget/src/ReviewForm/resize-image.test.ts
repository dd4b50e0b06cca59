import { afterEach, describe, expect, it, vi } from 'vitest';
import { resizeImage } from './resize-image.ts';

const photo = (size = 1000, name = 'IMG_1.HEIC', type = 'image/heic') =>
  new File([new Uint8Array(size)], name, { type });

/** A decoder and canvas that report `width`×`height` and encode to `encodedSize` bytes. */
function fakeCanvas(width: number, height: number, encodedSize: number) {
  const drawn: number[][] = [];
  const close = vi.fn();
  vi.stubGlobal('createImageBitmap', async () => ({ width, height, close }));
  vi.stubGlobal(
    'OffscreenCanvas',
    class {
      constructor(
        readonly width: number,
        readonly height: number,
      ) {}
      getContext() {
        return {
          fillRect() {},
          drawImage: (_image: unknown, ...box: number[]) => drawn.push(box),
        };
      }
      async convertToBlob(options: { type: string }) {
        return new Blob([new Uint8Array(encodedSize)], { type: options.type });
      }
    },
  );
  return { drawn, close };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('resizeImage', () => {
  it('shrinks the longest side to 2000 px as a JPEG', async () => {
    const { drawn, close } = fakeCanvas(4000, 3000, 300);
    const result = await resizeImage(photo());
    expect(result.filename).toBe('IMG_1.jpg');
    expect(result.blob.type).toBe('image/jpeg');
    expect(drawn).toEqual([[0, 0, 2000, 1500]]);
    expect(close).toHaveBeenCalled();
  });

  it('sends the original when it is small enough or the JPEG would be larger', async () => {
    fakeCanvas(1200, 800, 300);
    const small = photo();
    expect((await resizeImage(small)).blob).toBe(small);
    fakeCanvas(4000, 3000, 5000);
    const compact = photo();
    expect((await resizeImage(compact)).blob).toBe(compact);
  });

  it('sends the original when the browser cannot decode the photo', async () => {
    vi.stubGlobal('createImageBitmap', async () => {
      throw new DOMException('unsupported', 'InvalidStateError');
    });
    const heic = photo();
    expect(await resizeImage(heic)).toEqual({ blob: heic, filename: 'IMG_1.HEIC' });
    vi.stubGlobal('createImageBitmap', undefined);
    expect((await resizeImage(heic)).blob).toBe(heic);
  });

  it('never waits long on a slow decoder', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('createImageBitmap', () => new Promise(() => undefined));
    const slow = photo();
    const result = resizeImage(slow, { timeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect((await result).blob).toBe(slow);
  });
});
