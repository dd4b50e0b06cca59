import { DEFAULT_CUSTOMER_TOKEN_TTL_MS } from '../config.ts';
import type { AppServices } from './context.ts';
import { ProblemError } from './problem.ts';
import { sign, verify } from './signing.ts';

// A customer token names one customer of one store and when it stops
// working: `customer:<base64url JSON {s, c, exp}>.<tag>`. The store's backend
// gets it from the merchant API and puts it on the page of a signed-in
// customer; the status and friends widgets send it back (POST body, never a URL).

const PREFIX = 'customer:';

interface TokenPayload {
  /** Store id. */
  s: string;
  /** The store's customer id. */
  c: string;
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

export function issueCustomerToken(
  services: Pick<AppServices, 'config' | 'now'>,
  store: string,
  customerId: string,
): { customerToken: string; expiresAt: string } {
  const exp =
    services.now() + (services.config.customerTokenTtlMs ?? DEFAULT_CUSTOMER_TOKEN_TTL_MS);
  const payload: TokenPayload = { s: store, c: customerId, exp };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return {
    customerToken: sign(`${PREFIX}${encoded}`, services.config.secret),
    expiresAt: new Date(exp).toISOString(),
  };
}

function refuse(title: string, message: string): never {
  throw new ProblemError(401, title, [{ path: 'customerToken', message }]);
}

/**
 * The customer a token names, for this store. Forged, another store's, an
 * older format without expiry, or expired: 401 with the reason, so the
 * store's developer knows to fetch a fresh token.
 */
export function readCustomerToken(
  services: Pick<AppServices, 'config' | 'now'>,
  store: string,
  token: string,
): string {
  const value = verify(token, services.config.secret);
  if (value === null) refuse('The customer token is not valid', 'Not signed by this server');
  if (!value.startsWith(PREFIX)) {
    // Status tokens from before tokens expired (`invite:<store>:<code>`) land here.
    refuse(
      'The customer token is not valid',
      'Not a customer token, or an old one without expiry: ask the store for a new one',
    );
  }
  let payload: Partial<TokenPayload> = {};
  try {
    payload = JSON.parse(Buffer.from(value.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    // Only we sign, so this cannot happen unless the secret leaked; refused below.
  }
  if (
    typeof payload.s !== 'string' ||
    typeof payload.c !== 'string' ||
    typeof payload.exp !== 'number'
  ) {
    refuse('The customer token is not valid', 'Malformed token');
  }
  if (payload.s !== store) refuse('The customer token is not valid', 'Issued for another store');
  if (payload.exp <= services.now()) {
    refuse(
      'The customer token has expired',
      `Expired at ${new Date(payload.exp).toISOString()}: ask the store for a new one`,
    );
  }
  return payload.c;
}
