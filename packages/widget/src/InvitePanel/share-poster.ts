import { encode } from 'uqr';

// The share poster: one PNG with the shop's name, the product, the friend's
// reward, the invite code and a QR code of the link, for WeChat and QQ
// moments where links do not travel. Drawn on a canvas with the system's
// fonts (no web font download): Chinese and Latin both render from the
// stack below on every major system.

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1200;
const MARGIN = 60;
/** Pixels per QR module at most: a 33-module code is 396 px, easily scanned from a phone screen. */
const QR_SCALE = 12;
/** Long links make denser codes; they are scaled down to fit this width. */
const QR_MAX_SIZE = 540;
const QR_QUIET_MODULES = 4;

const FONTS =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

// The poster is an image, not a themed widget: fixed colours with strong contrast.
const INK = '#111827';
const MUTED = '#4b5563';
const BRAND = '#0f766e';
const ON_BRAND = '#ffffff';

export interface PosterContent {
  readonly storeName: string;
  readonly productName?: string | undefined;
  /** "Scan to get ¥20 off" in the viewer's language. */
  readonly rewardText: string;
  /** "Invite code K7MPQ2XZ". */
  readonly codeText: string;
  /** The invite link the QR code holds. */
  readonly link: string;
}

export interface PosterText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly font: string;
  readonly color: string;
}

export interface PosterLayout {
  readonly texts: readonly PosterText[];
  readonly qr: {
    readonly x: number;
    readonly y: number;
    /** Pixels per module. */
    readonly scale: number;
    readonly modules: readonly (readonly boolean[])[];
  };
  readonly headerHeight: number;
}

// CJK characters break anywhere; Latin breaks between words.
const TOKENS =
  /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/gu;

/**
 * Splits `text` into lines no wider than `width`, as `measure` says. A
 * single token wider than a line (a long URL) is cut by characters.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(TOKENS) ?? []) {
    const candidate = line + token;
    if (measure(candidate.trimEnd()) <= width) {
      line = candidate;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = /^\s+$/.test(token) ? '' : token;
    // A token too wide on its own line: cut it where it overflows.
    while (measure(line) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Where everything goes, measured with `measure(text, font)`; pure, so it is tested without a canvas. */
export function layoutPoster(
  content: PosterContent,
  measure: (text: string, font: string) => number,
): PosterLayout {
  const texts: PosterText[] = [];
  const width = POSTER_WIDTH - 2 * MARGIN;
  let y = MARGIN + 40;
  const block = (
    text: string,
    font: string,
    color: string,
    lineHeight: number,
    maxLines: number,
  ) => {
    for (const line of wrapText(text, width, (t) => measure(t, font)).slice(0, maxLines)) {
      texts.push({ text: line, x: POSTER_WIDTH / 2, y, font, color });
      y += lineHeight;
    }
  };
  block(content.storeName, `700 52px ${FONTS}`, ON_BRAND, 64, 2);
  if (content.productName) block(content.productName, `400 32px ${FONTS}`, ON_BRAND, 44, 2);
  const headerHeight = y;
  y += 70;
  block(content.rewardText, `700 40px ${FONTS}`, INK, 54, 3);
  const modules = encode(content.link, { ecc: 'M', border: QR_QUIET_MODULES }).data;
  const scale = Math.max(1, Math.min(QR_SCALE, Math.floor(QR_MAX_SIZE / modules.length)));
  const qrSize = modules.length * scale;
  const qr = { x: Math.round((POSTER_WIDTH - qrSize) / 2), y: y - 10, scale, modules };
  y = qr.y + qrSize + 60;
  block(content.codeText, `700 40px ${MONO}`, INK, 56, 1);
  block(content.link, `400 22px ${MONO}`, MUTED, 30, 3);
  return { texts, qr, headerHeight };
}

/** Paints a layout onto a 2D context of POSTER_WIDTH × POSTER_HEIGHT. */
export function paintPoster(context: CanvasRenderingContext2D, layout: PosterLayout): void {
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);
  context.fillStyle = BRAND;
  context.fillRect(0, 0, POSTER_WIDTH, layout.headerHeight);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const text of layout.texts) {
    context.font = text.font;
    context.fillStyle = text.color;
    context.fillText(text.text, text.x, text.y);
  }
  // Dark modules on white, whole pixels per module: what scanners read best.
  const { qr } = layout;
  context.fillStyle = '#000000';
  qr.modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) context.fillRect(qr.x + x * qr.scale, qr.y + y * qr.scale, qr.scale, qr.scale);
    }),
  );
}

/** Draws the poster on a new canvas; `null` where the browser has no 2D canvas. */
export function drawPoster(content: PosterContent): HTMLCanvasElement | null {
  const canvas = document.createElement('canvas');
  canvas.width = POSTER_WIDTH;
  canvas.height = POSTER_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) return null;
  const measure = (text: string, font: string) => {
    context.font = font;
    return context.measureText(text).width;
  };
  paintPoster(context, layoutPoster(content, measure));
  return canvas;
}

/** The poster as a PNG file, or `null` where it cannot be made. */
export function posterFile(content: PosterContent, name: string): Promise<File | null> {
  const canvas = drawPoster(content);
  if (!canvas) return Promise.resolve(null);
  return new Promise((resolve) =>
    canvas.toBlob(
      (blob) => resolve(blob ? new File([blob], name, { type: 'image/png' }) : null),
      'image/png',
    ),
  );
}
