import { describe, expect, it } from 'vitest';
import * as widget from './index.ts';

describe('@koubei/widget npm entry', () => {
  it('exports every widget as a component', () => {
    for (const name of [
      'Stars',
      'RatingSummary',
      'ReviewList',
      'ReviewCarousel',
      'PhotoGallery',
      'TestimonialWall',
      'FriendsRecommended',
      'ReviewForm',
      'InvitePanel',
      'InvitationStatus',
      'InviteLanding',
    ] as const) {
      expect(typeof widget[name], name).toBe('function');
    }
  });

  it('changes nothing on the page when imported', () => {
    expect(document.head.children.length + document.body.children.length).toBe(0);
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(Object.keys(window).filter((key) => /koubei/i.test(key))).toEqual([]);
  });
});
