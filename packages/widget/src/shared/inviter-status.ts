import type { InviteLanding, InviterStatus } from '@koubei/core';
import { isHttpError } from '@koubei/core';
import type { KoubeiServices } from './services.ts';

/** What the inviter's widgets show: their status and what friends are offered. */
export interface InviterView {
  /** `null` when the server refused the status because the programme has ended. */
  readonly status: InviterStatus | null;
  /** The invite's landing (the friend's reward); `null` when it could not be read. */
  readonly landing: InviteLanding | null;
  readonly open: boolean;
}

// 410 Gone is how the API says "this referral programme has ended".
const isEnded = (error: unknown) => isHttpError(error) && error.status === 410;

/**
 * The inviter's status (by their signed customer token), then their own
 * invite's landing: the status answer does not say whether the programme
 * still runs, nor what a friend gets, and the landing says both (410 once
 * the programme has ended). Any other failure of that second read leaves the
 * programme counted as open, with no friend's reward to show.
 */
export async function loadInviterView(
  koubei: KoubeiServices,
  customerToken: string,
  signal: AbortSignal,
): Promise<InviterView> {
  const client = await koubei.client();
  let status: InviterStatus;
  try {
    status = await client.getInviterStatus(customerToken, signal);
  } catch (error) {
    if (isEnded(error)) return { status: null, landing: null, open: false };
    throw error;
  }
  return client.getInviteLanding(status.invite.code, { signal }).then(
    ({ data }) => ({ status, landing: data, open: true }),
    (error: unknown) => ({ status, landing: null, open: !isEnded(error) }),
  );
}
