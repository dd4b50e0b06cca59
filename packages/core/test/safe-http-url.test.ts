import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeHttpUrl, safeLinkUrl } from '../src/index.ts';

// OWASP filter-evasion seeds and catalogue entries UGC-08 … UGC-12.
const rejected = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u2028javascript:alert(1)',
  '\u0001java\u0003script:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'DATA:image/png;base64,AAAA',
  'file:///etc/passwd',
  'ftp://example.com/x',
  'blob:https://example.com/uuid',
  '//evil.example/x',
  '/relative/path.png',
  'relative.png',
  'https://user:pw@evil.example/',
  'https://user@evil.example/',
  'http://example.com/not-https',
  'https://exa\u200bmple.com/',
  'https://example.com/\u202eexe.png',
  'https:/\\evil.example',
  'https:evil.example',
  '',
  '   ',
  `https://example.com/${'a'.repeat(3000)}`,
];

describe('safeHttpUrl', () => {
  it.each(rejected)('rejects %j', (input) => {
    expect(safeHttpUrl(input)).toBeNull();
  });

  it.each([
    null,
    undefined,
    42,
    {},
    ['https://example.com'],
    { toString: () => 'https://example.com' },
  ])('rejects the non-string %j', (input) => {
    expect(safeHttpUrl(input)).toBeNull();
  });

  it('accepts and normalises https URLs', () => {
    expect(safeHttpUrl('https://Example.COM/a b?q=1#x')).toBe('https://example.com/a%20b?q=1#x');
    expect(safeHttpUrl('  https://example.com  ')).toBe('https://example.com/');
  });

  it('shows look-alike hosts in punycode so the real host is visible', () => {
    expect(safeHttpUrl('https://аpple.com/')).toBe('https://xn--pple-43d.com/');
  });

  it('accepts http only on loopback and only when allowed', () => {
    expect(safeHttpUrl('http://127.0.0.1:8787/v1')).toBeNull();
    expect(safeHttpUrl('http://127.0.0.1:8787/v1', { allowHttpLoopback: true })).toBe(
      'http://127.0.0.1:8787/v1',
    );
    expect(safeHttpUrl('http://localhost/x', { allowHttpLoopback: true })).toBe(
      'http://localhost/x',
    );
    expect(safeHttpUrl('http://[::1]/x', { allowHttpLoopback: true })).toBe('http://[::1]/x');
    expect(safeHttpUrl('http://localhost.evil.example/', { allowHttpLoopback: true })).toBeNull();
    expect(safeHttpUrl('http://192.168.1.2/', { allowHttpLoopback: true })).toBeNull();
  });

  it('restricts hosts when an allowlist is given', () => {
    const options = { allowedHosts: ['img.koubei.test'] };
    expect(safeHttpUrl('https://img.koubei.test/p.webp', options)).toBe(
      'https://img.koubei.test/p.webp',
    );
    expect(safeHttpUrl('https://tracker.example/1px.gif', options)).toBeNull();
  });

  it('returns https or null, and is idempotent (property)', () => {
    const candidates = fc.oneof(
      fc.string(),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.webUrl().map((url) => url.replace(/^https?/, 'https')),
      fc
        .tuple(fc.constantFrom('https://', 'javascript:', 'data:', ' ', '\u0000'), fc.string())
        .map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(candidates, (input) => {
        const once = safeHttpUrl(input);
        if (once === null) return;
        expect(once.startsWith('https://')).toBe(true);
        expect(new URL(once).username).toBe('');
        expect(safeHttpUrl(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('safeLinkUrl', () => {
  const base = 'https://shop.example/products?page=2';

  it('resolves paths, queries and fragments on the shop’s own origin', () => {
    expect(safeLinkUrl('/products/sku-1#reviews', { base })).toBe(
      'https://shop.example/products/sku-1#reviews',
    );
    expect(safeLinkUrl('#reviews', { base })).toBe('https://shop.example/products?page=2#reviews');
    expect(safeLinkUrl('?sort=new', { base })).toBe('https://shop.example/products?sort=new');
    expect(safeLinkUrl('/p', { base: 'http://localhost:5173/' })).toBe('http://localhost:5173/p');
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/\u0000x',
    'reviews.html',
    ' /x\u202e',
  ])('refuses %j', (href) => {
    expect(safeLinkUrl(href, { base })).toBeNull();
  });

  it('refuses relative links without a usable base', () => {
    expect(safeLinkUrl('/x')).toBeNull();
    expect(safeLinkUrl('/x', { base: 'file:///tmp/page.html' })).toBeNull();
    expect(safeLinkUrl('/x', { base: 'not a url' })).toBeNull();
  });

  it('treats absolute links exactly like safeHttpUrl', () => {
    expect(safeLinkUrl('https://shop.example/a', { base })).toBe('https://shop.example/a');
    expect(safeLinkUrl('http://shop.example/a', { base })).toBeNull();
  });
});
