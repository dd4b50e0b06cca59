import type { FieldIssue } from '../model/validate.ts';
import { InvalidPayloadError, KoubeiError, NetworkError, isKoubeiError } from './base-errors.ts';

export { InvalidPayloadError, KoubeiError, NetworkError, isKoubeiError };
export type { KoubeiErrorKind } from './base-errors.ts';

export class TimeoutError extends KoubeiError {
  override readonly name = 'TimeoutError';
  constructor(
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super('timeout', `No response within ${timeoutMs} ms`, true, options);
  }
}

/** The server answered with a non-success status. */
export class HttpError extends KoubeiError {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    /** Seconds to wait, from `Retry-After`, when the server said so. */
    readonly retryAfterSeconds: number | null,
    /** Field problems the server reported (422), if any. */
    readonly issues: readonly FieldIssue[] = [],
    detail?: string,
  ) {
    super(
      'http',
      detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`,
      status === 408 || status === 429 || status >= 500,
    );
  }
}

/** What we were about to send breaks the contract; nothing was sent. */
export class InvalidRequestError extends KoubeiError {
  override readonly name = 'InvalidRequestError';
  constructor(
    message: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super('invalid-request', message, false);
  }
}

/** The caller cancelled (a widget unmounted); usually not worth showing. */
export class AbortedError extends KoubeiError {
  override readonly name = 'AbortedError';
  constructor() {
    super('aborted', 'The request was cancelled', false);
  }
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError;
}
export function isTimeoutError(error: unknown): error is TimeoutError {
  return error instanceof TimeoutError;
}
export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}
export function isInvalidPayloadError(error: unknown): error is InvalidPayloadError {
  return error instanceof InvalidPayloadError;
}
export function isInvalidRequestError(error: unknown): error is InvalidRequestError {
  return error instanceof InvalidRequestError;
}
export function isAbortedError(error: unknown): error is AbortedError {
  return error instanceof AbortedError;
}
