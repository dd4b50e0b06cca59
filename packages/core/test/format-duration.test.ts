import { describe, expect, it } from 'vitest';
import { formatDuration } from '../src/index.ts';

describe('formatDuration', () => {
  it('uses the largest sensible unit, in the locale', () => {
    expect(formatDuration('en', 45 * 60_000)).toBe('45 minutes');
    expect(formatDuration('en', 3.5 * 3600_000)).toBe('3.5 hours');
    expect(formatDuration('en', 3 * 86_400_000)).toBe('3 days');
    expect(formatDuration('zh-CN', 3.5 * 3600_000)).toBe('3.5小时');
  });

  it('answers nothing for impossible lengths', () => {
    expect(formatDuration('en', -1)).toBe('');
    expect(formatDuration('en', Number.NaN)).toBe('');
  });
});
