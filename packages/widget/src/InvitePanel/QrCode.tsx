import { encode } from 'uqr';

/**
 * A QR code as one SVG path, one square per dark module, with the standard
 * four-module quiet zone so phone cameras find it. (uqr does the encoding;
 * drawing it ourselves keeps the markup small and themable.)
 */
export function QrCode({
  value,
  label,
  size = 160,
}: {
  value: string;
  label: string;
  size?: number;
}) {
  const qr = encode(value, { ecc: 'M', border: 4 });
  let path = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shape-rendering="crispEdges"
      part="qr-code"
    >
      {/* Always dark on white: inverted codes fail in many scanners, dark theme or not. */}
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
