import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INVITE_KEEP_MS,
  InviteCodeSchema,
  inviteCookie,
  inviteExpiry,
  visitorCookie,
  parseKeptInvite,
  readInviteCookie,
  readInviteParam,
  validate,
} from '../src/index.ts';

const NOW = Date.parse('2026-11-22T10:00:00Z');

describe('readInviteParam', () => {
  it('reads the code from an invite link, in capitals', () => {
    expect(readInviteParam('https://shop.example/?koubei_invite=K7MPQ2XZ')).toBe('K7MPQ2XZ');
    expect(readInviteParam('https://shop.example/p/1?a=1&koubei_invite=k7mpq2xz#x')).toBe(
      'K7MPQ2XZ',
    );
  });

  it('ignores links without a well-formed code', () => {
    for (const url of [
      'https://shop.example/',
      'https://shop.example/?koubei_invite=',
      'https://shop.example/?koubei_invite=AB',
      'https://shop.example/?koubei_invite=K7MP%3Bpath%3D%2F',
      'https://shop.example/?koubei_invite=<script>',
      'not a url',
    ]) {
      expect(readInviteParam(url), url).toBeNull();
    }
  });

  it('only ever returns codes the API accepts', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const code = readInviteParam(
          `https://shop.example/?koubei_invite=${encodeURIComponent(value)}`,
        );
        return code === null || validate(InviteCodeSchema, code).ok;
      }),
    );
  });
});

describe('inviteExpiry', () => {
  it('keeps a code for the attribution window when the programme has no end', () => {
    expect(inviteExpiry(null, NOW)).toBe(NOW + INVITE_KEEP_MS);
  });

  it('stops keeping it when the programme ends sooner', () => {
    expect(inviteExpiry('2026-11-30T00:00:00Z', NOW)).toBe(Date.parse('2026-11-30T00:00:00Z'));
    expect(inviteExpiry('2027-06-01T00:00:00Z', NOW)).toBe(NOW + INVITE_KEEP_MS);
  });

  it('treats an unreadable end as no end', () => {
    expect(inviteExpiry('soon', NOW)).toBe(NOW + INVITE_KEEP_MS);
  });
});

describe('inviteCookie and readInviteCookie', () => {
  it('writes a first-party, site-wide, Lax cookie that expires with the code', () => {
    expect(inviteCookie('K7MPQ2XZ', NOW + 3600_000, NOW, true)).toBe(
      'koubei_invite=K7MPQ2XZ; Max-Age=3600; Path=/; SameSite=Lax; Secure',
    );
    expect(inviteCookie('K7MPQ2XZ', NOW + 3600_000, NOW, false)).not.toContain('Secure');
  });

  it('keeps the visitor id beside the code, for as long', () => {
    expect(visitorCookie('visitor-0123456789', NOW + 3600_000, NOW, false)).toBe(
      'koubei_visitor=visitor-0123456789; Max-Age=3600; Path=/; SameSite=Lax',
    );
    expect(visitorCookie(null, NOW + 3600_000, NOW, true)).toContain('koubei_visitor=; Max-Age=0;');
  });

  it('deletes the cookie for no code or a past expiry', () => {
    expect(inviteCookie(null, NOW + 1000, NOW, false)).toContain('koubei_invite=; Max-Age=0;');
    expect(inviteCookie('K7MPQ2XZ', NOW - 1000, NOW, false)).toContain('Max-Age=0;');
  });

  it('reads the code back from a cookie string among others', () => {
    expect(readInviteCookie('a=1; koubei_invite=K7MPQ2XZ; b=2')).toBe('K7MPQ2XZ');
    expect(readInviteCookie('koubei_invite_x=K7MPQ2XZ')).toBeNull();
    expect(readInviteCookie('koubei_invite=bad;code')).toBeNull();
    expect(readInviteCookie('')).toBeNull();
  });
});

describe('parseKeptInvite', () => {
  const kept = { code: 'K7MPQ2XZ', expiresAt: NOW + 1000, recorded: true, dismissed: false };

  it('reads back what was kept', () => {
    expect(parseKeptInvite(JSON.stringify(kept), NOW)).toEqual(kept);
  });

  it('forgets expired, malformed and hostile entries', () => {
    for (const json of [
      null,
      '',
      '{',
      'null',
      '"K7MPQ2XZ"',
      JSON.stringify({ ...kept, expiresAt: NOW }),
      JSON.stringify({ ...kept, expiresAt: 'later' }),
      JSON.stringify({ ...kept, code: 'k7; path=/' }),
      '{"__proto__":{"polluted":true},"code":"K7MPQ2XZ"}',
    ]) {
      expect(parseKeptInvite(json, NOW), String(json)).toBeNull();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
