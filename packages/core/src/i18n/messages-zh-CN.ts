// Chinese wording lives in ./messages/, one module per widget group.
export {
  zhCNStars,
  zhCNSummary,
  zhCNReviews,
  zhCNMedia,
  zhCNTestimonials,
  zhCNSocialProof,
  zhCNForm,
  zhCNReferral,
  zhCNStates,
  zhCNConsole,
} from './messages/index.ts';
