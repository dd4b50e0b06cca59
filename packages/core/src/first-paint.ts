// @koubei/core/first-paint: the few pieces the script tag's star badge needs
// before anything else loads. A separate entry (not the main barrel) so the
// widget build can tell exactly which modules belong on the first-paint path:
// following the main barrel would drag in every module of core.

export { EVENT_SCHEMA_VERSION, PRODUCT_ID_PATTERN, STORE_ID_PATTERN } from './model/constants.ts';
export { emptySummary } from './model/empty-summary.ts';
export { createTranslator } from './i18n/create-translator.ts';
export { enStars, zhCNStars } from './i18n/messages/stars.ts';
export { safeHttpUrl, safeLinkUrl } from './guards/safe-http-url.ts';
export { readSummariesResponse } from './api/read-summaries.ts';
export { NetworkError } from './api/base-errors.ts';
