import type {
  AspectKey,
  FieldIssue,
  MessageKey,
  MessageParams,
  ReviewSubmissionInput,
} from '@koubei/core';
import { LIMITS, ReviewSubmissionSchema, normalizeUserText, validate } from '@koubei/core';
import type { FormDraft } from './form-draft.ts';

export type FieldName =
  | 'rating'
  | 'title'
  | 'body'
  | 'authorName'
  | 'email'
  | 'aspects'
  | 'recommends'
  | 'photos'
  | 'consent';

/** In the order the fields appear, so "the first invalid field" is the first one on screen. */
export const FIELD_ORDER: readonly FieldName[] = [
  'rating',
  'title',
  'body',
  'aspects',
  'recommends',
  'photos',
  'authorName',
  'email',
  'consent',
];

/** A message key, not a string: the form re-renders in the new language if the locale changes. */
export interface ErrorMessage {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export type FieldErrors = Partial<Record<FieldName, ErrorMessage>>;

export interface SubmissionExtras {
  readonly language: string;
  readonly aspects: readonly AspectKey[];
  readonly photoIds: readonly string[];
  readonly formToken: string | undefined;
  /** The honeypot's value, sent as is: the server holds reviews that fill it. */
  readonly website: string;
}

/** The review as it is sent: names, titles and bodies cleaned the way the server stores them. */
export function toSubmission(draft: FormDraft, extras: SubmissionExtras): ReviewSubmissionInput {
  const email = draft.email.trim();
  return {
    rating: draft.rating,
    title: normalizeUserText(draft.title),
    body: normalizeUserText(draft.body, { multiline: true }),
    authorName: normalizeUserText(draft.authorName),
    ...(email ? { email } : {}),
    language: extras.language,
    recommends: draft.recommends,
    // Only aspects this form asks about: a restored draft may hold others.
    aspects: extras.aspects.flatMap((aspect) => {
      const rating = draft.aspects[aspect];
      return rating ? [{ aspect, rating }] : [];
    }),
    photoIds: [...extras.photoIds],
    ...(extras.formToken ? { formToken: extras.formToken } : {}),
    website: extras.website,
  };
}

// Paths as valibot and the server report them (`aspects.0.rating`); the first segment names the field.
const FIELD_OF_PATH: Readonly<Record<string, FieldName>> = {
  rating: 'rating',
  title: 'title',
  body: 'body',
  authorName: 'authorName',
  email: 'email',
  aspects: 'aspects',
  recommends: 'recommends',
  photoIds: 'photos',
};

function tooLongOr(
  value: string,
  max: number,
  key: MessageKey,
  fallback: ErrorMessage,
): ErrorMessage {
  return value.length > max ? { key, params: { max } } : fallback;
}

/**
 * Our own wording for a field, chosen from the value rather than from the
 * issue's text: the schema's and the server's messages are English and meant
 * for developers, and both report the same paths.
 */
function messageFor(field: FieldName, submission: ReviewSubmissionInput): ErrorMessage {
  const check: ErrorMessage = { key: 'form.error.field' };
  switch (field) {
    case 'rating':
      return { key: 'form.error.rating' };
    case 'title':
      return tooLongOr(
        submission.title ?? '',
        LIMITS.reviewTitle,
        'form.error.titleTooLong',
        check,
      );
    case 'body':
      return submission.body
        ? tooLongOr(submission.body, LIMITS.reviewBody, 'form.error.bodyTooLong', check)
        : { key: 'form.error.bodyRequired' };
    case 'authorName':
      return submission.authorName
        ? tooLongOr(submission.authorName, LIMITS.authorName, 'form.error.nameTooLong', check)
        : { key: 'form.error.nameRequired' };
    case 'email':
      return { key: 'form.error.email' };
    case 'aspects':
      return { key: 'form.error.aspects' };
    case 'photos':
      return { key: 'form.error.photos' };
    default:
      return check;
  }
}

export interface IssueMapping {
  readonly fields: FieldErrors;
  /** Issues that belong to no field the shopper can change (token, honeypot, language). */
  readonly unplaced: number;
}

/** Client-side or server-side issues, each next to its field; the first one per field wins. */
export function mapIssues(
  issues: readonly FieldIssue[],
  submission: ReviewSubmissionInput,
): IssueMapping {
  const fields: FieldErrors = {};
  let unplaced = 0;
  for (const { path } of issues) {
    const field = FIELD_OF_PATH[path.split('.')[0] ?? ''];
    if (!field) unplaced++;
    else fields[field] ??= messageFor(field, submission);
  }
  return { fields, unplaced };
}

/** The shared schema's verdict, plus what only the form knows (consent). */
export function validateSubmission(
  submission: ReviewSubmissionInput,
  consent: boolean,
): IssueMapping {
  const result = validate(ReviewSubmissionSchema, submission);
  const mapped = mapIssues(result.ok ? [] : result.issues, submission);
  return consent
    ? mapped
    : { ...mapped, fields: { ...mapped.fields, consent: { key: 'form.error.consent' } } };
}

export function firstInvalid(errors: FieldErrors): FieldName | undefined {
  return FIELD_ORDER.find((field) => errors[field]);
}
