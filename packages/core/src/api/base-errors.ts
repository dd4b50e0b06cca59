import type { FieldIssue } from '../model/validate.ts';

// The error classes the script tag's first paint needs, apart from the rest:
// bundlers split by module, so these stay small on the badge's path.

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

export function isKoubeiError(error: unknown): error is KoubeiError {
  return error instanceof KoubeiError;
}
