import { describe, expect, it } from 'vitest';
import { scriptTagFor } from '../console/src/script-tag.ts';

describe('the console’s script tag', () => {
  it('fills in the store, the API origin, the language and the theme', () => {
    const tag = scriptTagFor(
      { store: 'tea-house', theme: { 'color-accent': '#0f766e' } },
      'https://reviews.example',
      'zh-CN',
    );
    expect(tag).toContain('src="https://reviews.example/cdn/koubei.js"');
    expect(tag).toContain('data-api="https://reviews.example"');
    expect(tag).toContain('data-store="tea-house"');
    expect(tag).toContain('data-locale="zh-CN"');
    expect(tag).toContain('data-tokens="{&quot;color-accent&quot;:&quot;#0f766e&quot;}"');
    expect(tag).toContain('crossorigin="anonymous"');
  });

  it('escapes theme values so they cannot end the attribute or open a tag', () => {
    const tag = scriptTagFor(
      { store: 'tea-house', theme: { 'font-family': '"Noto" sans-serif' } },
      'https://reviews.example',
      'en',
    );
    const tokens = /data-tokens="([^"]*)"/.exec(tag)?.[1];
    expect(tokens).toBe('{&quot;font-family&quot;:&quot;\\&quot;Noto\\&quot; sans-serif&quot;}');
    expect(scriptTagFor({ store: 'x', theme: {} }, 'https://a"><script>', 'en')).not.toContain(
      '"><script>',
    );
  });

  it('leaves data-tokens out when there is no theme', () => {
    expect(
      scriptTagFor({ store: 'tea-house', theme: {} }, 'https://r.example', 'en'),
    ).not.toContain('data-tokens');
  });
});
