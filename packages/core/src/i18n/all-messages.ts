import type { MessageSet } from './create-translator.ts';
import {
  enForm,
  enMedia,
  enReferral,
  enReviews,
  enSocialProof,
  enStars,
  enStates,
  enSummary,
  enTestimonials,
} from './messages-en.ts';
import {
  zhCNForm,
  zhCNMedia,
  zhCNReferral,
  zhCNReviews,
  zhCNSocialProof,
  zhCNStars,
  zhCNStates,
  zhCNSummary,
  zhCNTestimonials,
} from './messages-zh-CN.ts';

// The whole catalogues live here, apart from the groups, so that a bundle
// that imports only a group (the script tag's star badge) does not also
// carry every message in every language.
export const en = {
  ...enStars,
  ...enSummary,
  ...enReviews,
  ...enMedia,
  ...enTestimonials,
  ...enSocialProof,
  ...enForm,
  ...enReferral,
  ...enStates,
};

export const zhCN = {
  ...zhCNStars,
  ...zhCNSummary,
  ...zhCNReviews,
  ...zhCNMedia,
  ...zhCNTestimonials,
  ...zhCNSocialProof,
  ...zhCNForm,
  ...zhCNReferral,
  ...zhCNStates,
};

/** Every message of every built-in locale: for the npm components and servers. */
export const ALL_MESSAGES = { en, 'zh-CN': zhCN } satisfies MessageSet;
