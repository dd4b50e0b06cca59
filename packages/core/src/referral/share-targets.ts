// Where an invite can be shared from a browser. WeChat and QQ have no web
// share URL that opens the app with a link, so those two go through a QR
// code the friend scans; the rest are the services' own documented
// share-intent URLs, opened in a new tab.

export const SHARE_CHANNELS = [
  'wechat',
  'qq',
  'weibo',
  'email',
  'sms',
  'whatsapp',
  'x',
  'facebook',
  'line',
] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

export type ShareTarget =
  | { readonly channel: ShareChannel; readonly kind: 'qr' }
  | { readonly channel: ShareChannel; readonly kind: 'link'; readonly href: string };

// A UTF-16 half without its partner: encodeURIComponent throws URIError on one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encoded, with broken characters as U+FFFD instead of an exception. */
function encode(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

/** Every channel, in the order the invite panel shows them, for `url` with the message `text`. */
export function shareTargets(url: string, text: string): ShareTarget[] {
  const u = encode(url);
  const message = encode(`${text} ${url}`);
  const link = (channel: ShareChannel, href: string): ShareTarget => ({
    channel,
    kind: 'link',
    href,
  });
  return [
    { channel: 'wechat', kind: 'qr' },
    { channel: 'qq', kind: 'qr' },
    link('weibo', `https://service.weibo.com/share/share.php?url=${u}&title=${encode(text)}`),
    link('email', `mailto:?subject=${encode(text)}&body=${message}`),
    link('sms', `sms:?&body=${message}`),
    link('whatsapp', `https://wa.me/?text=${message}`),
    link('x', `https://x.com/intent/post?text=${encode(text)}&url=${u}`),
    link('facebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`),
    link('line', `https://social-plugins.line.me/lineit/share?url=${u}`),
  ];
}
