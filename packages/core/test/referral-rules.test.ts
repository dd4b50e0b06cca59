import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INVITATION_STATES,
  InviteCodeSchema,
  advanceInvitation,
  invitationStep,
  createInviteCode,
  inviterRewardsFor,
  isConversion,
  isProgrammeOpen,
  isSelfReferral,
  maskIdentity,
  nextTier,
  validate,
} from '../src/index.ts';
import type { ReferralProgramme } from '../src/index.ts';

const programme: ReferralProgramme = {
  id: 'spring',
  name: 'Spring invites',
  active: true,
  conversion: 'purchase',
  inviterReward: { kind: 'amount', amountMinor: 2000, currency: 'CNY' },
  inviteeReward: { kind: 'percent', percent: 10 },
  tiers: [
    { conversions: 3, inviterReward: { kind: 'points', points: 500 } },
    { conversions: 10, inviterReward: { kind: 'coupon', description: 'Free tea set' } },
  ],
  maxRewardsPerInviter: 5,
  maxInvitesPerDay: 20,
  expiresAt: '2027-01-01T00:00:00Z',
};

describe('referral rules', () => {
  it('only moves invitations forward, whatever order events arrive in (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INVITATION_STATES), { maxLength: 12 }), (events) => {
        let state: (typeof INVITATION_STATES)[number] = 'invited';
        for (const event of events) {
          const next = advanceInvitation(state, event);
          expect(INVITATION_STATES.indexOf(next)).toBeGreaterThanOrEqual(
            INVITATION_STATES.indexOf(state),
          );
          state = next;
        }
        const furthest = events.reduce((max, e) => Math.max(max, INVITATION_STATES.indexOf(e)), 0);
        expect(INVITATION_STATES.indexOf(state)).toBe(furthest);
      }),
    );
  });

  it('counts purchases (or sign-ups) as conversions according to the programme', () => {
    expect(isConversion(programme, 'signed-up')).toBe(false);
    expect(isConversion(programme, 'purchased')).toBe(true);
    expect(isConversion({ conversion: 'sign-up' }, 'signed-up')).toBe(true);
  });

  it('closes a programme that is inactive or expired', () => {
    expect(isProgrammeOpen(programme, Date.parse('2026-12-31T00:00:00Z'))).toBe(true);
    expect(isProgrammeOpen(programme, Date.parse('2027-01-02T00:00:00Z'))).toBe(false);
    expect(isProgrammeOpen({ ...programme, active: false }, 0)).toBe(false);
  });

  it('grants the base reward up to the cap and each tier once, at its conversion', () => {
    const earned = Array.from({ length: 12 }, (_, i) => inviterRewardsFor(programme, i + 1));
    expect(earned.map((rewards) => rewards.map((r) => r.kind))).toEqual([
      ['amount'],
      ['amount'],
      ['amount', 'points'],
      ['amount'],
      ['amount'],
      [],
      [],
      [],
      [],
      ['coupon'],
      [],
      [],
    ]);
    expect(inviterRewardsFor(programme, 0)).toEqual([]);
  });

  it('never grants more base rewards than the cap, for any number of conversions (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.option(fc.integer({ min: 1, max: 50 })),
        (conversions, cap) => {
          const capped = { ...programme, maxRewardsPerInviter: cap };
          const base = Array.from({ length: conversions }, (_, i) =>
            inviterRewardsFor(capped, i + 1),
          )
            .flat()
            .filter((reward) => reward === capped.inviterReward).length;
          expect(base).toBe(cap === null ? conversions : Math.min(conversions, cap));
        },
      ),
    );
  });

  it('names the next tier and how far it is', () => {
    expect(nextTier(programme, 1)).toEqual({
      conversionsNeeded: 2,
      reward: { kind: 'points', points: 500 },
    });
    expect(nextTier(programme, 3)?.conversionsNeeded).toBe(7);
    expect(nextTier(programme, 10)).toBeNull();
  });

  it('recognises self-referral by customer, email or device', () => {
    const inviter = { customerId: 'c1', email: 'Li@QQ.com', deviceId: 'd1' };
    expect(isSelfReferral(inviter, { customerId: 'c1' })).toBe(true);
    expect(isSelfReferral(inviter, { email: ' li@qq.com ' })).toBe(true);
    expect(isSelfReferral(inviter, { deviceId: 'd1' })).toBe(true);
    expect(
      isSelfReferral(inviter, { customerId: 'c2', email: 'wang@qq.com', deviceId: null }),
    ).toBe(false);
  });

  it('makes invite codes the schema accepts, from an unambiguous alphabet (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        let calls = 0;
        const code = createInviteCode(() =>
          calls++ === 0 ? bytes : globalThis.crypto.getRandomValues(new Uint8Array(16)),
        );
        expect(validate(InviteCodeSchema, code).ok).toBe(true);
        expect(code).not.toMatch(/[01IOL]/);
      }),
    );
  });

  it.each([
    ['lihua@qq.com', 'l***@qq.com'],
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '861****5678'],
    ['王小明', '王*'],
    ['Jonas Berg', 'J***'],
    ['', '***'],
  ])('masks %j as %j', (input, masked) => {
    expect(maskIdentity(input)).toBe(masked);
  });

  it('never shows an email’s local part beyond its first character (property)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const masked = maskIdentity(email);
        const at = email.lastIndexOf('@');
        // The masked local part is its first character and stars, whatever
        // the local part held (comparing by substring failed on `6*@i.yt`,
        // whose own star made "6*" appear in "6***").
        expect(masked.slice(0, masked.lastIndexOf('@'))).toBe(`${Array.from(email)[0]}***`);
        expect(masked.endsWith(email.slice(at))).toBe(true);
      }),
    );
  });
});

describe('invitationStep', () => {
  it('numbers the states in their order, out of five', () => {
    expect(INVITATION_STATES.map((state) => invitationStep(state))).toEqual(
      [1, 2, 3, 4, 5].map((step) => ({ step, total: 5 })),
    );
  });
});
