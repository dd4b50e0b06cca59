// The shop's back office talking to Koubei's merchant API, server-side only:
// the merchant key never reaches a browser. A real shop does the same from
// its backend: a customer token for the signed-in customer's widgets, and a
// purchase report (with the invite cookies) at checkout.
import type { ConversionResult } from '@koubei/core';
import {
  ConversionResultSchema,
  CustomerTokenSchema,
  PurchaseReportResultSchema,
} from '@koubei/core';
import * as v from 'valibot';

export interface MerchantApiOptions {
  /** Where the Koubei API answers; read per call, since it may start after the shop. */
  readonly apiUrl: () => string;
  readonly apiKey: string;
  readonly now?: () => number;
}

export interface PurchaseReport {
  readonly customerId: string;
  readonly email?: string;
  readonly products: readonly string[];
  /** The `koubei_invite` cookie, when the shopper arrived through an invite link. */
  readonly inviteCode?: string;
  /** The `koubei_visitor` cookie: links the purchase to the friend's recorded visit. */
  readonly visitorId?: string;
}

export interface MerchantApi {
  /** A signed token for one customer's widgets, cached until shortly before it expires. */
  customerToken(customerId: string): Promise<string>;
  /**
   * Reports a purchase: as a referral conversion when an invite code came
   * with it (the result says what each side got), else as a plain purchase.
   */
  reportPurchase(report: PurchaseReport): Promise<ConversionResult | null>;
}

/** A token is renewed this long before it expires, so a page never carries a dying one. */
const RENEW_BEFORE_MS = 60 * 60_000;

export function createMerchantApi(options: MerchantApiOptions): MerchantApi {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, { token: string; expiresAt: number }>();
  // Concurrent page requests for the same customer share one call.
  const fetching = new Map<string, Promise<{ token: string; expiresAt: number }>>();

  async function call<S extends v.GenericSchema>(
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<v.InferOutput<S>> {
    const response = await fetch(`${options.apiUrl()}/v1/merchant${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) {
      throw new Error(
        `Koubei merchant API ${path}: HTTP ${response.status} ${await response.text()}`,
      );
    }
    return v.parse(schema, await response.json());
  }

  async function fetchToken(customerId: string) {
    const { customerToken, expiresAt } = await call(
      `/customers/${encodeURIComponent(customerId)}/token`,
      CustomerTokenSchema,
    );
    return { token: customerToken, expiresAt: Date.parse(expiresAt) };
  }

  return {
    async customerToken(customerId) {
      const cached = tokens.get(customerId);
      if (cached && cached.expiresAt - RENEW_BEFORE_MS > now()) return cached.token;
      let pending = fetching.get(customerId);
      if (!pending) {
        pending = fetchToken(customerId)
          .then((entry) => {
            tokens.set(customerId, entry);
            return entry;
          })
          .finally(() => fetching.delete(customerId));
        fetching.set(customerId, pending);
      }
      return (await pending).token;
    },

    async reportPurchase(report) {
      if (!report.inviteCode) {
        await call('/purchases', PurchaseReportResultSchema, {
          customerId: report.customerId,
          products: report.products,
        });
        return null;
      }
      return call('/referral-conversions', ConversionResultSchema, {
        code: report.inviteCode,
        event: 'purchased',
        invitee: {
          customerId: report.customerId,
          ...(report.email ? { email: report.email } : {}),
          ...(report.visitorId ? { deviceId: report.visitorId } : {}),
        },
        products: report.products,
      });
    },
  };
}
