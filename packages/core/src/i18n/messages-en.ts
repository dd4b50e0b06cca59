/**
 * English messages: the reference catalogue. Every other locale must hold the
 * same keys (checked by types and by a test). A message is a string, or plural
 * forms chosen by `Intl.PluralRules` on the `count` parameter; `{name}` is
 * replaced by a parameter. Messages are grouped by widget so the script-tag
 * build ships each group with the widget chunk that needs it.
 */

export const enStars = {
  'stars.label': {
    one: '{rating} out of 5, {count} review',
    other: '{rating} out of 5, {count} reviews',
  },
  'stars.none': 'No reviews yet',
} as const;

export const enSummary = {
  'summary.basedOn': { one: 'Based on {count} review', other: 'Based on {count} reviews' },
  'summary.recommend': '{percent} would recommend',
  'summary.histogramRow': {
    one: '{stars} stars: {count} review ({percent})',
    other: '{stars} stars: {count} reviews ({percent})',
  },
  'summary.filterBy': 'Show {stars}-star reviews',
  'aspect.quality': 'Quality',
  'aspect.value': 'Value',
  'aspect.service': 'Service',
  'aspect.delivery': 'Delivery',
  'aspect.experience': 'Experience',
  'aspect.brand': 'Brand',
} as const;

export const enReviews = {
  'reviews.count': { one: '{count} review', other: '{count} reviews' },
  'reviews.empty': 'No reviews yet. Be the first to share your experience.',
  'reviews.emptyFiltered': 'No reviews match these filters.',
  'reviews.write': 'Write a review',
  'reviews.loadMore': 'Show more reviews',
  'reviews.verified': 'Verified purchase',
  'reviews.incentivised': 'Received an incentive for this review',
  'reviews.reply': 'Reply from the shop',
  'reviews.helpful': { one: 'Helpful ({count})', other: 'Helpful ({count})' },
  'reviews.unhelpful': { one: 'Not helpful ({count})', other: 'Not helpful ({count})' },
  'reviews.voted': 'Thanks for your feedback',
  'reviews.sort': 'Sort by',
  'reviews.sort.helpful': 'Most helpful',
  'reviews.sort.newest': 'Newest',
  'reviews.sort.oldest': 'Oldest',
  'reviews.sort.highest': 'Highest rating',
  'reviews.sort.lowest': 'Lowest rating',
  'reviews.filter.stars': { one: '{stars} star', other: '{stars} stars' },
  'reviews.filter.withMedia': 'With photos',
  'reviews.filter.verified': 'Verified purchases',
  'reviews.filter.clear': 'Clear filters',
  'reviews.disclosure': 'How reviews are collected and checked',
  'reviews.title': 'Customer reviews',
  'reviews.readMore': 'Read more',
  'reviews.readLess': 'Show less',
  'reviews.by': 'By {name}',
  'reviews.ratingLabel': 'Rated {rating} out of 5',
  'reviews.photos': 'Photos in this review',
  'reviews.range': 'Reviews {from}–{to}',
  'reviews.previousPage': 'Previous reviews',
  'reviews.nextPage': 'More reviews',
  'reviews.filter.label': 'Filter reviews',
  'reviews.filter.language': 'In my language',
  'reviews.aspects': 'Ratings by aspect',
  'reviews.helpfulQuestion': 'Was this review helpful?',
  'reviews.voteFailed': 'Your vote could not be saved. Please try again.',
} as const;

export const enMedia = {
  'media.open': 'Open photo {index} of {total}',
  'media.close': 'Close',
  'media.next': 'Next photo',
  'media.previous': 'Previous photo',
  'media.byAuthor': 'Photo by {name}',
  'media.title': 'Customer photos',
  'media.lightbox': 'Photo {index} of {total}',
  'media.empty': 'No customer photos yet.',
  'media.fromReview': 'From a {rating}-star review by {name}',
  'media.loadMore': 'Show more photos',
} as const;

export const enTestimonials = {
  'testimonials.title': 'What our customers say',
  'testimonials.source.review': 'From a review',
  'testimonials.source.survey': 'From a survey',
  'testimonials.source.social': 'From social media',
  'testimonials.empty': 'No testimonials yet.',
  'testimonials.featured': 'Featured',
} as const;

export const enSocialProof = {
  'socialProof.friends': {
    one: '{count} friend recommends this',
    other: '{count} friends recommend this',
  },
  'socialProof.purchased': {
    one: '{count} person bought this in the last {days} days',
    other: '{count} people bought this in the last {days} days',
  },
  'socialProof.reviewed': {
    one: '{count} person reviewed this in the last {days} days',
    other: '{count} people reviewed this in the last {days} days',
  },
  'socialProof.recommended': {
    one: '{count} person recommended this in the last {days} days',
    other: '{count} people recommended this in the last {days} days',
  },
  'socialProof.customers': {
    one: '{count} customer recommends this',
    other: '{count} customers recommend this',
  },
  // Follows 'socialProof.friends'; {names} is a list of up to three friends who agreed to be named.
  'socialProof.including': 'including {names}',
} as const;

export const enForm = {
  'form.title': 'Write a review',
  'form.rating': 'Your rating',
  'form.ratingValue': { one: '{count} star', other: '{count} stars' },
  'form.reviewTitle': 'Title (optional)',
  'form.body': 'Your review',
  'form.name': 'Name shown with your review',
  'form.email': 'Email (never shown)',
  'form.recommend': 'Would you recommend this product?',
  'form.photos': 'Add photos',
  'form.submit': 'Submit review',
  'form.submitting': 'Sending…',
  'form.thanks': 'Thank you! Your review is published.',
  'form.pending': 'Thank you! Your review will appear once it has been checked.',
  'form.retry': 'Try again',
  'form.draftKept': 'Your review is kept here; nothing was lost.',
} as const;

export const enReferral = {
  'invite.title': 'Invite friends',
  'invite.copy': 'Copy link',
  'invite.copied': 'Link copied',
  'invite.code': 'Your invite code',
  'invite.rewardYou': 'You get {reward}',
  'invite.rewardFriend': 'Your friend gets {reward}',
  'invite.shareVia': 'Share via {channel}',
  'invitation.invited': 'Invited',
  'invitation.visited': 'Visited',
  'invitation.signed-up': 'Signed up',
  'invitation.purchased': 'Purchased',
  'invitation.rewarded': 'Rewarded',
} as const;

export const enStates = {
  'state.loading': 'Loading reviews…',
  'state.error': 'Reviews could not be loaded.',
  'state.retry': 'Retry',
  'state.offline': 'You are offline. Showing saved reviews.',
  'state.rateLimited': 'Too many requests. Please try again in a moment.',
  'time.updated': 'Updated {time}',
  'state.empty': 'Nothing to show yet.',
  'carousel.label': 'Reviews carousel',
  'carousel.previous': 'Previous slide',
  'carousel.next': 'Next slide',
  'carousel.slide': '{index} of {total}',
  'carousel.goTo': 'Go to slide {index}',
  'carousel.pause': 'Pause automatic slides',
  'carousel.play': 'Start automatic slides',
} as const;

/** The keys every catalogue must provide. */
export type MessageKey =
  | keyof typeof enStars
  | keyof typeof enSummary
  | keyof typeof enReviews
  | keyof typeof enMedia
  | keyof typeof enTestimonials
  | keyof typeof enSocialProof
  | keyof typeof enForm
  | keyof typeof enReferral
  | keyof typeof enStates;
