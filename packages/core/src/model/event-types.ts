// The event vocabulary as plain data (no schemas), for the script tag's runtime.

import { EVENT_SCHEMA_VERSION } from './constants.ts';

export { EVENT_SCHEMA_VERSION };

export const WIDGET_KINDS = [
  'stars',
  'summary',
  'reviews',
  'carousel',
  'gallery',
  'testimonials',
  'social-proof',
  'form',
  'invite',
  'invite-status',
  'invitee-banner',
] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

/**
 * Every event Koubei emits, with what it means. The same names reach the host
 * page (DOM CustomEvent `koubei:<type>`, optional `dataLayer`) and the server
 * beacon, so a merchant's analytics and Koubei's dashboard count the same thing.
 */
export const EVENT_TYPES = {
  // A floating widget (the invitee banner) has no placeholder to see: its impression is its first showing.
  impression: 'A widget became at least half visible for the first time on this page view.',
  view: 'A widget rendered its content (data arrived and was shown).',
  interaction: 'The shopper used a control that is not covered by a more specific event.',
  filter: 'The shopper changed a filter or the sort order of a review list.',
  page: 'The shopper loaded another page of reviews or media.',
  'photo-open': 'The shopper opened a customer photo in the lightbox.',
  'helpful-vote': 'The shopper marked a review helpful or unhelpful.',
  share: 'The shopper shared a product or an invite (detail.channel names the target).',
  submit: 'A review was submitted and accepted by the server.',
  'submit-error': 'A review submission failed (detail.reason names the kind of error).',
  'referral-visit': 'A visitor arrived through an invite link or code.',
  'referral-copy': 'The shopper copied their invite link or code.',
  error: 'A widget could not show its content and kept its fallback (detail.reason).',
} as const;
export type KoubeiEventType = keyof typeof EVENT_TYPES;
