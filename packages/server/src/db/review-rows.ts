import type { GalleryItem, Media, Photo, Review, Testimonial } from '@koubei/core';

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
): Photo {
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

/** A photo with the review it belongs to, as the media gallery lists it. */
export interface PhotoWithReviewRow extends PhotoRow {
  review_id: string;
  product_id: string;
  author_name: string;
  rating: number;
  review_created_ms: number;
}

/** The SELECT that yields a PhotoWithReviewRow; callers add their conditions on `p` and `r`. */
export const PHOTOS_WITH_REVIEWS = `select p.*, r.product_id, r.author_name, r.rating, r.created_ms as review_created_ms
  from photos p join reviews r on r.store_id = p.store_id and r.id = p.review_id`;

export function rowToMediaItem(
  publicUrl: string,
  store: string,
  row: PhotoWithReviewRow,
): GalleryItem {
  return {
    photo: photoToMedia(publicUrl, store, row, row.review_id),
    product: row.product_id,
    authorName: row.author_name,
    rating: row.rating,
    createdAt: new Date(Number(row.review_created_ms)).toISOString(),
  };
}

/** The public shape of a testimonial: optional fields only when set. */
export function rowToTestimonial(row: Record<string, unknown>): Testimonial {
  return {
    id: row.id,
    quote: row.quote,
    authorName: row.author_name,
    ...(row.author_role ? { authorRole: row.author_role } : {}),
    ...(row.author_company ? { authorCompany: row.author_company } : {}),
    ...(row.avatar_url ? { avatarUrl: row.avatar_url } : {}),
    ...(row.rating ? { rating: row.rating } : {}),
    language: row.language,
    source: row.source,
    ...(row.source_url ? { sourceUrl: row.source_url } : {}),
    ...(row.review_id ? { reviewId: row.review_id } : {}),
    featured: row.featured,
    createdAt: new Date(Number(row.created_ms)).toISOString(),
  } as Testimonial;
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
