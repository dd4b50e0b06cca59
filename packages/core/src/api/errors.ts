import type { FieldIssue } from '../model/validate.ts';

export type KoubeiErrorKind =
  'network' | 'timeout' | 'http' | 'invalid-payload' | 'invalid-request' | 'aborted';

/**
 * Every failure the client reports is one of these, so a widget can choose
 * the right state (offline, retry later, broken server) without parsing
 * messages. `retryable` says whether the same request may succeed later.
 */
export class KoubeiError extends Error {
  override readonly name: string = 'KoubeiError';
  constructor(
    readonly kind: KoubeiErrorKind,
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The request never got a response: offline, DNS, CORS, connection reset. */
export class NetworkError extends KoubeiError {
  override readonly name = 'NetworkError';
  constructor(message = 'The server could not be reached', options?: { cause?: unknown }) {
    super('network', message, true, options);
  }
}

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

/** The response arrived but is not what the contract promises (HTML error page, wrong shape, bad JSON). */
export class InvalidPayloadError extends KoubeiError {
  override readonly name = 'InvalidPayloadError';
  constructor(
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super('invalid-payload', message, true, options);
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

export function isKoubeiError(error: unknown): error is KoubeiError {
  return error instanceof KoubeiError;
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
