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

/** What a widget's chunk module exports. */
interface ChunkModule {
  readonly chunk: WidgetChunk;
  readonly takeTurn: () => Promise<void>;
}

/**
 * Hands a chunk over in a turn of its own (see shared/take-turn.ts): ten
 * placeholders of one kind render in ten tasks, not in the one task in which
 * their chunk arrived. The turn queue comes with each chunk module rather
 * than through an import here: a static import would make this file wait
 * for one more file before any widget chunk is even requested.
 */
const inTurn = (m: ChunkModule) => m.takeTurn().then(() => m.chunk);

/**
 * One chunk per widget kind, loaded only when a page has that kind. The star
 * badge is not here: it ships inside the runtime for the first paint.
 */
const WIDGET_CHUNKS: Record<string, () => Promise<WidgetChunk>> = {
  summary: () => import('../RatingSummary/chunk.tsx').then(inTurn),
  carousel: () => import('../ReviewCarousel/chunk.tsx').then(inTurn),
  testimonials: () => import('../TestimonialWall/chunk.tsx').then(inTurn),
  gallery: () => import('../PhotoGallery/chunk.tsx').then(inTurn),
  'social-proof': () => import('../FriendsRecommended/chunk.tsx').then(inTurn),
  reviews: () => import('../ReviewList/chunk.tsx').then(inTurn),
  form: () => import('../ReviewForm/chunk.tsx').then(inTurn),
  invite: () => import('../InvitePanel/chunk.tsx').then(inTurn),
  'invite-status': () => import('../InvitationStatus/chunk.tsx').then(inTurn),
  'invitee-banner': () => import('../InviteLanding/chunk.tsx').then(inTurn),
};

/** The chunk for a placeholder of `kind`; unknown kinds are an error the runtime reports. */
export function loadWidgetChunk(kind: string): Promise<WidgetChunk> {
  return Object.hasOwn(WIDGET_CHUNKS, kind)
    ? WIDGET_CHUNKS[kind]!()
    : Promise.reject(new Error(`no widget "${kind}"`));
}
