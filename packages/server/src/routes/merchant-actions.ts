import type { ModerationAction, ModerationReason } from '@koubei/core';
import type { Queryable } from '../db/database.ts';
import type { ReviewRow } from '../db/review-rows.ts';
import { changeAggregate, ratedItem } from '../db/summaries.ts';
import { ProblemError } from '../http/problem.ts';

/** Who changed something, as the audit log names it. */
export const MERCHANT_ACTOR = 'merchant-api';

/** The review, locked for the rest of the transaction; another store's id is "missing". */
export async function reviewFor(tx: Queryable, store: string, id: string): Promise<ReviewRow> {
  const [row] = await tx.query<ReviewRow>(
    'select * from reviews where store_id = $1 and id = $2 for update',
    [store, id],
  );
  if (!row) throw new ProblemError(404, 'No such review');
  return row;
}

export async function audit(
  tx: Queryable,
  store: string,
  action: string,
  entry: { reviewId?: string | null; reason?: string | null; target?: string | null } = {},
): Promise<void> {
  await tx.query(
    'insert into audit_log (store_id, actor, action, review_id, reason, target) values ($1, $2, $3, $4, $5, $6)',
    [
      store,
      MERCHANT_ACTOR,
      action,
      entry.reviewId ?? null,
      entry.reason ?? null,
      entry.target ?? null,
    ],
  );
}

export function requireReason(action: ModerationAction, reason: ModerationReason | undefined) {
  if (action !== 'approve' && !reason) {
    throw new ProblemError(422, 'Hiding or flagging needs a reason from the list', [
      { path: 'reason', message: 'Required' },
    ]);
  }
}

/** Approves, hides or flags one review, keeping the product's summary in step; audited. */
export async function moderateReview(
  tx: Queryable,
  store: string,
  row: ReviewRow,
  action: ModerationAction,
  reason: ModerationReason | undefined,
  now: number,
): Promise<ReviewRow['status']> {
  const status = action === 'approve' ? 'published' : action === 'hide' ? 'hidden' : 'flagged';
  if (row.status !== status) {
    await tx.query(
      'update reviews set status = $3, updated_ms = $4 where store_id = $1 and id = $2',
      [store, row.id, status, now],
    );
    if (row.status === 'published')
      await changeAggregate(tx, store, row.product_id, { remove: ratedItem(row) });
    if (status === 'published')
      await changeAggregate(tx, store, row.product_id, { add: ratedItem(row) });
  }
  await audit(tx, store, `moderation:${action}`, { reviewId: row.id, reason: reason ?? null });
  return status;
}

export async function removeReply(tx: Queryable, store: string, row: ReviewRow): Promise<void> {
  await tx.query('update reviews set reply = null where store_id = $1 and id = $2', [
    store,
    row.id,
  ]);
  await audit(tx, store, 'reply:remove', { reviewId: row.id });
}
