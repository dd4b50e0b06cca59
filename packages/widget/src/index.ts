// @koubei/widget: Koubei's widgets as typed Preact components. Importing this
// module changes nothing on the page; widgets render where you put them, with
// the services you pass as their `koubei` prop (see createKoubei).

import { FriendsRecommended as FriendsRecommendedWidget } from './FriendsRecommended/FriendsRecommended.tsx';
import { PhotoGallery as PhotoGalleryWidget } from './PhotoGallery/PhotoGallery.tsx';
import { RatingSummary as RatingSummaryWidget } from './RatingSummary/RatingSummary.tsx';
import { ReviewCarousel as ReviewCarouselWidget } from './ReviewCarousel/ReviewCarousel.tsx';
import { ReviewForm as ReviewFormWidget } from './ReviewForm/ReviewForm.tsx';
import { ReviewList as ReviewListWidget } from './ReviewList/ReviewList.tsx';
import { TestimonialWall as TestimonialWallWidget } from './TestimonialWall/TestimonialWall.tsx';
import { InvitePanel as InvitePanelWidget } from './InvitePanel/InvitePanel.tsx';
import { InvitationStatus as InvitationStatusWidget } from './InvitationStatus/InvitationStatus.tsx';
import { InviteLanding as InviteLandingWidget } from './InviteLanding/InviteLanding.tsx';
import { framed } from './shared/framed.tsx';
import { Stars as StarsWidget } from './Stars/Stars.tsx';

export { createKoubei } from './create-koubei.ts';
export type { CreateKoubeiOptions } from './create-koubei.ts';
export type { KoubeiServices, EmitInput, SummarySource } from './shared/services.ts';
export type { FrameProps } from './shared/framed.tsx';
export type { ThemeName } from './shared/WidgetRoot.tsx';
export { adoptKoubeiStyles } from './styles/adopt-styles.ts';
export { PUBLIC_TOKENS, sanitizeThemeTokens, applyThemeTokens } from './styles/theme-tokens.ts';

/** Star badge: average with partial stars and count, read as one image. */
export const Stars = /* @__PURE__ */ framed(StarsWidget);
/** Mean, count, histogram (filters the review list) and aspect ratings. */
export const RatingSummary = /* @__PURE__ */ framed(RatingSummaryWidget);
/** Paged, sortable, filterable reviews with votes and shop replies. */
export const ReviewList = /* @__PURE__ */ framed(ReviewListWidget);
/** The best reviews as an accessible carousel (scroll-snap, optional autoplay). */
export const ReviewCarousel = /* @__PURE__ */ framed(ReviewCarouselWidget);
/** Customer photos in a grid with a keyboard-friendly lightbox. */
export const PhotoGallery = /* @__PURE__ */ framed(PhotoGalleryWidget);
/** Testimonials as a masonry wall or a compact carousel, featured first. */
export const TestimonialWall = /* @__PURE__ */ framed(TestimonialWallWidget);
/** "N friends recommend this", shown only above the minimum count. */
export const FriendsRecommended = /* @__PURE__ */ framed(FriendsRecommendedWidget);
/** Write a review: stars, text, aspects, photos; drafts kept, retries sent once. */
export const ReviewForm = /* @__PURE__ */ framed(ReviewFormWidget);

/** The inviter's code and link: copy, share targets, QR code for WeChat and QQ, both rewards. */
export const InvitePanel = /* @__PURE__ */ framed(InvitePanelWidget);
/** The inviter's friends (masked) and how far each got, rewards earned and the next tier. */
export const InvitationStatus = /* @__PURE__ */ framed(InvitationStatusWidget);
/** The banner a friend sees on arriving through an invite link: their reward, the code kept. */
export const InviteLanding = /* @__PURE__ */ framed(InviteLandingWidget);

export { StarsView } from './Stars/StarsView.tsx';
export type { StarsViewProps } from './Stars/StarsView.tsx';
export type { StarsProps } from './Stars/Stars.tsx';
export type { RatingSummaryProps } from './RatingSummary/RatingSummary.tsx';
export type { ReviewListProps } from './ReviewList/ReviewList.tsx';
export type { ReviewCarouselProps } from './ReviewCarousel/ReviewCarousel.tsx';
export type { PhotoGalleryProps } from './PhotoGallery/PhotoGallery.tsx';
export type { TestimonialWallProps } from './TestimonialWall/TestimonialWall.tsx';
export type { FriendsRecommendedProps } from './FriendsRecommended/FriendsRecommended.tsx';
export type { ReviewFormProps } from './ReviewForm/ReviewForm.tsx';
export type { InvitePanelProps } from './InvitePanel/InvitePanel.tsx';
export type { InvitationStatusProps } from './InvitationStatus/InvitationStatus.tsx';
export type { InviteLandingProps } from './InviteLanding/InviteLanding.tsx';
