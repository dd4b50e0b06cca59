import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { issueCustomerToken, readCustomerToken } from '../src/http/customer-token.ts';

describe('customer token and friends settings', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'koubei-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = (extra: Record<string, string>) => ({
    KOUBEI_DATA_DIR: dataDir,
    KOUBEI_SECRET: 'config-test-secret-0123456789abcdef',
    ...extra,
  });

  it('defaults to 30-day tokens and a minimum of three friends', () => {
    const config = loadConfig(env({}));
    expect(config.customerTokenTtlMs).toBe(30 * 24 * 3600_000);
    expect(config.friendsMinimumCount).toBe(3);
  });

  it('takes both from the environment, and refuses nonsense by name', () => {
    const config = loadConfig(
      env({ KOUBEI_CUSTOMER_TOKEN_DAYS: '7', KOUBEI_FRIENDS_MINIMUM: '5' }),
    );
    expect(config.customerTokenTtlMs).toBe(7 * 24 * 3600_000);
    expect(config.friendsMinimumCount).toBe(5);
    expect(() => loadConfig(env({ KOUBEI_CUSTOMER_TOKEN_DAYS: 'forever' }))).toThrow(
      /KOUBEI_CUSTOMER_TOKEN_DAYS/,
    );
    expect(() => loadConfig(env({ KOUBEI_FRIENDS_MINIMUM: '1' }))).toThrow(/at least 2/);
  });

  it('makes tokens that work until the configured lifetime ends', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const services = {
      config: { ...loadConfig(env({ KOUBEI_CUSTOMER_TOKEN_DAYS: '7' })) },
      now: () => now,
    };
    const { customerToken, expiresAt } = issueCustomerToken(services, 'tea-house', 'mei:42');
    expect(expiresAt).toBe('2026-01-08T00:00:00.000Z');
    expect(readCustomerToken(services, 'tea-house', customerToken)).toBe('mei:42');
    now += 7 * 24 * 3600_000;
    expect(() => readCustomerToken(services, 'tea-house', customerToken)).toThrow(/expired/);
  });
});
