import type { Media, Review } from '@koubei/core';

export interface ReviewRow {
  store_id: string;
  id: string;
  product_id: string;
  rating: number;
  title: string;
  body: string;
  language: string;
  author_name: string;
  email: string | null;
  verified_purchase: boolean;
  incentive: Review['incentive'];
  recommends: boolean | null;
  helpful_count: number;
  unhelpful_count: number;
  helpful_score: number;
  media_count: number;
  aspects: Review['aspects'];
  reply: Review['reply'];
  status: Review['status'];
  created_ms: number;
  updated_ms: number;
}

export interface PhotoRow {
  id: string;
  review_id: string | null;
  width: number;
  height: number;
  thumbnail_width: number;
  thumbnail_height: number;
  alt: string;
  created_ms: number;
}

/** Public URLs of a stored photo and its thumbnail. */
export function photoUrls(publicUrl: string, store: string, id: string) {
  const base = `${publicUrl}/v1/${encodeURIComponent(store)}/photos/${encodeURIComponent(id)}`;
  return { url: `${base}.webp`, thumbnailUrl: `${base}-thumb.webp` };
}

export function photoToMedia(
  publicUrl: string,
  store: string,
  photo: PhotoRow,
  reviewId: string,
): Media {
  return {
    kind: 'photo',
    id: photo.id,
    reviewId,
    ...photoUrls(publicUrl, store, photo.id),
    width: photo.width,
    height: photo.height,
    alt: photo.alt,
  };
}

/**
 * The public shape of a review: an explicit field list (an allowlist), so a
 * new column such as `email` can never leak into a response by accident.
 */
export function rowToReview(row: ReviewRow, media: readonly Media[]): Review {
  return {
    id: row.id,
    product: row.product_id,
    rating: row.rating,
    title: row.title,
    body: row.body,
    language: row.language,
    createdAt: new Date(Number(row.created_ms)).toISOString(),
    updatedAt: new Date(Number(row.updated_ms)).toISOString(),
    authorName: row.author_name,
    verifiedPurchase: row.verified_purchase,
    incentive: row.incentive,
    recommends: row.recommends,
    helpfulCount: row.helpful_count,
    unhelpfulCount: row.unhelpful_count,
    media: [...media],
    aspects: row.aspects,
    reply: row.reply,
    status: row.status,
  };
}
