// English and Chinese wording lives in ./messages/, one module per widget group.
export {
  enStars,
  enSummary,
  enReviews,
  enMedia,
  enTestimonials,
  enSocialProof,
  enForm,
  enReferral,
  enStates,
  enConsole,
} from './messages/index.ts';

import type {
  enStars,
  enSummary,
  enReviews,
  enMedia,
  enTestimonials,
  enSocialProof,
  enForm,
  enReferral,
  enStates,
  enConsole,
} from './messages/index.ts';

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
  | keyof typeof enStates
  | keyof typeof enConsole;
