// @koubei/core: the framework-free domain model, API contract and client.
// Explicit export lists keep the public surface deliberate.

export {
  LIMITS,
  ASPECT_KEYS,
  STORE_ID_PATTERN,
  PRODUCT_ID_PATTERN,
  StoreIdSchema,
  ProductIdSchema,
  EntityIdSchema,
  LanguageTagSchema,
  TimestampSchema,
  RatingSchema,
  CountSchema,
  ShareSchema,
  UrlSchema,
  AspectKeySchema,
  DeviceIdSchema,
} from './model/primitives.ts';
export type { AspectKey } from './model/primitives.ts';

export {
  PhotoSchema,
  VideoLinkSchema,
  MediaSchema,
  AspectRatingSchema,
  MerchantReplySchema,
  MODERATION_STATUSES,
  ModerationStatusSchema,
  IncentiveSchema,
  ReviewSchema,
} from './model/review.ts';
export type {
  Photo,
  VideoLink,
  Media,
  AspectRating,
  MerchantReply,
  ModerationStatus,
  Incentive,
  Review,
} from './model/review.ts';

export { HistogramSchema, AspectSummarySchema, ProductSummarySchema } from './model/summary.ts';
export { toProductSummary } from './model/to-product-summary.ts';
export { emptySummary } from './model/empty-summary.ts';
export type { Histogram, AspectSummary, ProductSummary } from './model/summary.ts';

export { TESTIMONIAL_SOURCES, TestimonialSchema } from './model/testimonial.ts';
export type { Testimonial } from './model/testimonial.ts';

export {
  NamedFriendSchema,
  RECENT_ACTIVITY_KINDS,
  RecentActivitySchema,
  SocialProofSchema,
} from './model/social-proof.ts';
export type { NamedFriend, RecentActivity, SocialProof } from './model/social-proof.ts';
export { visibleSocialProof } from './model/visible-social-proof.ts';
export type { VisibleSocialProof } from './model/visible-social-proof.ts';

export {
  RewardSchema,
  RewardTierSchema,
  CONVERSION_EVENTS,
  ReferralProgrammeSchema,
  InviteCodeSchema,
  InviteSchema,
  INVITATION_STATES,
  InvitationStateSchema,
  InvitationSchema,
  InviterProgrammeSchema,
  InviterStatusSchema,
  InviteLandingSchema,
  ReferralLeaderboardSchema,
} from './model/referral.ts';
export type {
  Reward,
  RewardTier,
  ReferralProgramme,
  Invite,
  InvitationState,
  Invitation,
  InviterProgramme,
  InviterStatus,
  InviteLanding,
  ReferralLeaderboard,
} from './model/referral.ts';

export {
  EVENT_SCHEMA_VERSION,
  EVENT_TYPES,
  WIDGET_KINDS,
  WidgetKindSchema,
  EventTypeSchema,
  KoubeiEventSchema,
  EventBatchSchema,
} from './model/events.ts';
export type { WidgetKind, KoubeiEventType, KoubeiEvent, EventBatch } from './model/events.ts';

export {
  ReviewSubmissionSchema,
  SubmitReviewResultSchema,
  HelpfulVoteSchema,
  HelpfulVoteResultSchema,
  UploadedPhotoSchema,
} from './model/submission.ts';
export type {
  ReviewSubmissionInput,
  ReviewSubmission,
  SubmitReviewResult,
  HelpfulVote,
  HelpfulVoteResult,
  UploadedPhoto,
} from './model/submission.ts';

export { validate, validateListLeniently, describeIssues, formatIssues } from './model/validate.ts';
export type { FieldIssue, ValidationResult, LenientListResult } from './model/validate.ts';

export {
  DEFAULT_RATING_PRIOR,
  EMPTY_AGGREGATE,
  isValidRating,
  aggregateRatings,
  aggregateReviews,
  addToAggregate,
  removeFromAggregate,
  replaceInAggregate,
  meanRating,
  bayesianMean,
  summarizeAggregate,
} from './ratings/aggregate-ratings.ts';
export type { RatingAggregate, RatedItem, RatingPrior } from './ratings/aggregate-ratings.ts';

export { wilsonLowerBound } from './reviews/wilson-lower-bound.ts';
export {
  REVIEW_SORTS,
  InvalidCursorError,
  matchesReviewFilter,
  reviewSortKey,
  rankReviews,
  clampPageSize,
  paginateReviews,
} from './reviews/rank-reviews.ts';
export type {
  ReviewSort,
  ReviewFilter,
  ReviewOrder,
  RankableReview,
  ReviewPageRequest,
  ReviewPageResult,
} from './reviews/rank-reviews.ts';
export {
  compareSortKeys,
  encodeReviewCursor,
  decodeReviewCursor,
} from './reviews/review-cursor.ts';
export type { SortKey } from './reviews/review-cursor.ts';

export { safeHttpUrl, safeLinkUrl } from './guards/safe-http-url.ts';
export type { SafeHttpUrlOptions, SafeLinkUrlOptions } from './guards/safe-http-url.ts';
export { normalizeUserText } from './guards/normalize-user-text.ts';
export type { NormalizeUserTextOptions } from './guards/normalize-user-text.ts';

export {
  buildProductJsonLd,
  mergeIntoProductJsonLd,
  serializeJsonLd,
} from './seo/build-product-json-ld.ts';
export type {
  JsonLdNode,
  JsonLdProduct,
  BuildProductJsonLdInput,
  JsonLdResult,
} from './seo/build-product-json-ld.ts';

export { SUPPORTED_LOCALES, resolveLocale, createTranslator } from './i18n/create-translator.ts';
export { formatDate, formatDuration, formatRelativeTime } from './i18n/format-date.ts';
export { formatReward } from './i18n/format-reward.ts';
export { sanitizeMessageOverrides } from './i18n/sanitize-message-overrides.ts';
export type {
  PluralMessage,
  Message,
  MessageCatalogue,
  MessageOverrides,
  MessageSet,
  MessageParams,
  SupportedLocale,
  TranslatorOptions,
  Translator,
} from './i18n/create-translator.ts';
export type { MessageKey } from './i18n/messages-en.ts';
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
} from './i18n/messages-en.ts';
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
} from './i18n/messages-zh-CN.ts';
export { ALL_MESSAGES, en, zhCN } from './i18n/all-messages.ts';

export {
  MERCHANT_ROUTES,
  MODERATION_REASONS,
  CustomerIdSchema,
  ModerationInputSchema,
  ReplyInputSchema,
  ErasureInputSchema,
  MerchantReviewListSchema,
  ModerationResultSchema,
  ReplyResultSchema,
  IncentiveResultSchema,
  ProgrammeInputSchema,
  InviteInputSchema,
  IssuedInviteSchema,
  ConversionInputSchema,
  ConversionResultSchema,
  CustomerTokenSchema,
  CustomerProfileInputSchema,
  CustomerProfileSchema,
  CustomerConnectionsInputSchema,
  CustomerConnectionsSchema,
  PurchaseReportSchema,
  PurchaseReportResultSchema,
  ImportedReviewSchema,
  ImportResultSchema,
  StoreExportSchema,
  MODERATION_ACTIONS,
  BULK_ACTIONS,
  MODERATION_MODES,
  MerchantReviewSchema,
  InboxQuerySchema,
  InboxItemSchema,
  InboxPageSchema,
  BulkActionSchema,
  BulkResultSchema,
  AuditQuerySchema,
  AuditEntrySchema,
  AuditPageSchema,
  StatsQuerySchema,
  DashboardStatsSchema,
  TopicsQuerySchema,
  TopicsResponseSchema,
  MerchantTestimonialSchema,
  MerchantTestimonialListSchema,
  NewTestimonialSchema,
  TestimonialChangeSchema,
  TestimonialOrderSchema,
  ThemeTokensSchema,
  StoreSettingsSchema,
  StoreSettingsChangeSchema,
} from './api/merchant-contract.ts';
export type {
  ImportedReview,
  ModerationReason,
  ConversionResult,
  CustomerProfileInput,
  CustomerProfile,
  CustomerToken,
  IssuedInvite,
  PurchaseReport,
  InboxQuery,
  InboxItem,
  InboxPage,
  BulkAction,
  AuditEntry,
  AuditPage,
  DashboardStats,
  TopicsResponse,
  MerchantTestimonial,
  NewTestimonial,
  StoreSettings,
  StoreSettingsChange,
  ReferralProgrammeInput,
  ModerationAction,
} from './api/merchant-contract.ts';
export {
  API_ROUTES,
  SummariesResponseSchema,
  ReviewPageSchema,
  GalleryItemSchema,
  MediaPageSchema,
  TestimonialListSchema,
  ReferralVisitSchema,
  CustomerIdentitySchema,
  FormTokenSchema,
  ProblemSchema,
  buildPath,
} from './api/api-contract.ts';
export type {
  RouteDefinition,
  RouteName,
  SummariesResponse,
  ReviewPage,
  GalleryItem,
  MediaPage,
  TestimonialList,
  FormToken,
} from './api/api-contract.ts';
export {
  SummariesQueryParamsSchema,
  ReviewQueryParamsSchema,
  MediaQueryParamsSchema,
  TestimonialQueryParamsSchema,
  parseProductIds,
  encodeReviewQuery,
  parseReviewQuery,
  encodePageQuery,
} from './api/queries.ts';
export type { ReviewQuery, PageQuery, QueryParams } from './api/queries.ts';
export {
  KoubeiError,
  NetworkError,
  TimeoutError,
  HttpError,
  InvalidPayloadError,
  InvalidRequestError,
  AbortedError,
  isKoubeiError,
  isNetworkError,
  isTimeoutError,
  isHttpError,
  isInvalidPayloadError,
  isInvalidRequestError,
  isAbortedError,
} from './api/errors.ts';
export type { KoubeiErrorKind } from './api/errors.ts';
export { detectStorage, createSwrCache } from './api/swr-cache.ts';
export type { StorageLike, SwrCacheOptions, SwrCache, CacheFreshness } from './api/swr-cache.ts';
export { createBatcher } from './api/create-batcher.ts';
export { readSummariesResponse } from './api/read-summaries.ts';
export type { SummariesRead } from './api/read-summaries.ts';
export type { BatcherOptions } from './api/create-batcher.ts';
export { createKoubeiClient, createIdempotencyKey } from './api/create-api-client.ts';
export type {
  KoubeiClient,
  KoubeiClientOptions,
  Fetched,
  ReadOptions,
  WriteOptions,
} from './api/create-api-client.ts';

export {
  advanceInvitation,
  invitationStep,
  isConversion,
  isProgrammeOpen,
  inviterRewardsFor,
  nextTier,
  programmeForInviter,
  isSelfReferral,
  createInviteCode,
  maskIdentity,
} from './referral/referral-rules.ts';
export {
  INVITE_PARAM,
  INVITE_COOKIE,
  VISITOR_COOKIE,
  INVITE_KEEP_MS,
  readInviteParam,
  inviteExpiry,
  inviteCookie,
  visitorCookie,
  readInviteCookie,
  parseKeptInvite,
} from './referral/invite-attribution.ts';
export type { KeptInvite } from './referral/invite-attribution.ts';
export { SHARE_CHANNELS, shareTargets } from './referral/share-targets.ts';
export type { ShareChannel, ShareTarget } from './referral/share-targets.ts';

export { extractAspects } from './topics/extract-aspects.ts';
export type { AspectMention, AspectPolarity } from './topics/extract-aspects.ts';
export { summarizeTopics } from './topics/summarize-topics.ts';
export type { TopicReview, TopicExample, TopicSummary } from './topics/summarize-topics.ts';
export { buildAspectLexicon } from './topics/aspect-lexicon.ts';
export type { AspectLexicon, LexiconEntry } from './topics/aspect-lexicon.ts';
