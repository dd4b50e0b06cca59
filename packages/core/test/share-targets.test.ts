import { describe, expect, it } from 'vitest';
import { shareTargets } from '@koubei/core';

describe('shareTargets', () => {
  it('encodes a message with a broken UTF-16 half instead of throwing URIError', () => {
    const targets = shareTargets(
      'https://shop.example/?koubei_invite=K7MPQ2XZ',
      'Tea \uD800 House',
    );
    const email = targets.find((target) => target.channel === 'email');
    expect(email).toMatchObject({ kind: 'link' });
    expect(email && 'href' in email ? email.href : '').toContain('Tea%20%EF%BF%BD%20House');
  });
});
