import type { MessageSet } from '@koubei/core';
import type { VNode } from 'preact';
import type { KoubeiServices } from '../shared/services.ts';

/** What a placeholder says about itself, read through `attr('name')`. */
export interface ChunkMountInput {
  /** Services for this placeholder, with the chunk's messages added to its translator. */
  readonly koubei: KoubeiServices;
  readonly product: string | undefined;
  readonly attr: (name: string) => string | null;
}

/** A lazily loaded widget: its messages and how to turn a placeholder into a vnode. */
export interface WidgetChunk {
  readonly messages: MessageSet;
  /** `null` when the placeholder's attributes are unusable (a warning says why). */
  render(input: ChunkMountInput): VNode | null;
}

/**
 * One chunk per widget kind, loaded only when a page has that kind. The star
 * badge is not here: it ships inside the runtime for the first paint.
 */
export const WIDGET_CHUNKS: Record<string, () => Promise<WidgetChunk>> = {
  summary: () => import('../RatingSummary/chunk.tsx').then((m) => m.chunk),
  carousel: () => import('../ReviewCarousel/chunk.tsx').then((m) => m.chunk),
  testimonials: () => import('../TestimonialWall/chunk.tsx').then((m) => m.chunk),
  gallery: () => import('../PhotoGallery/chunk.tsx').then((m) => m.chunk),
  'social-proof': () => import('../FriendsRecommended/chunk.tsx').then((m) => m.chunk),
  reviews: () => import('../ReviewList/chunk.tsx').then((m) => m.chunk),
  form: () => import('../ReviewForm/chunk.tsx').then((m) => m.chunk),
  invite: () => import('../InvitePanel/chunk.tsx').then((m) => m.chunk),
  'invite-status': () => import('../InvitationStatus/chunk.tsx').then((m) => m.chunk),
  'invitee-banner': () => import('../InviteLanding/chunk.tsx').then((m) => m.chunk),
};
