import {
  CustomerConnectionsInputSchema,
  CustomerIdSchema,
  CustomerProfileInputSchema,
  PurchaseReportSchema,
} from '@koubei/core';
import type { CustomerProfile } from '@koubei/core';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { StoreRow } from '../http/context.ts';
import type { AppServices } from '../http/context.ts';
import { issueCustomerToken } from '../http/customer-token.ts';
import { readJsonBody } from '../http/json-body.ts';
import { ProblemError } from '../http/problem.ts';
import { recordPurchases } from './referrals.ts';

interface CustomerRow {
  customer_id: string;
  display_name: string | null;
  avatar_url: string | null;
  email: string | null;
  show_identity_to_friends: boolean;
}

function customerParam(value: string | undefined): string {
  const result = v.safeParse(CustomerIdSchema, value ?? '');
  if (!result.success)
    throw new ProblemError(422, 'Expected a customer id of 1–128 characters', [
      { path: 'customer', message: 'Invalid customer id' },
    ]);
  return result.output;
}

/**
 * What the store's backend tells us about its customers, for "friends
 * recommended": profile and consent, connections, purchases; and the signed
 * customer token its pages hand to the widgets.
 */
export function merchantCustomerRoutes(services: AppServices) {
  const { db } = services;
  const app = new Hono<{ Variables: { merchantStore: StoreRow } }>();

  app.put('/customers/:customer', async (c) => {
    const store = c.var.merchantStore.id;
    const customerId = customerParam(c.req.param('customer'));
    const input = await readJsonBody(c, CustomerProfileInputSchema);
    // A field left out keeps its value; null clears it.
    const [row] = await db.query<CustomerRow>(
      `insert into customers (store_id, customer_id, display_name, avatar_url, email, show_identity_to_friends)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (store_id, customer_id) do update set
         display_name = case when $7 then excluded.display_name else customers.display_name end,
         avatar_url = case when $8 then excluded.avatar_url else customers.avatar_url end,
         email = case when $9 then excluded.email else customers.email end,
         show_identity_to_friends = excluded.show_identity_to_friends, updated_at = now()
       returning *`,
      [
        store,
        customerId,
        input.displayName ?? null,
        input.avatarUrl ?? null,
        input.email ?? null,
        input.showIdentityToFriends,
        input.displayName !== undefined,
        input.avatarUrl !== undefined,
        input.email !== undefined,
      ],
    );
    const saved = row as CustomerRow;
    const profile: CustomerProfile = {
      customerId: saved.customer_id,
      displayName: saved.display_name,
      avatarUrl: saved.avatar_url,
      hasEmail: saved.email !== null,
      showIdentityToFriends: saved.show_identity_to_friends,
    };
    return c.json(profile);
  });

  app.put('/customers/:customer/connections', async (c) => {
    const store = c.var.merchantStore.id;
    const customerId = customerParam(c.req.param('customer'));
    const { customers } = await readJsonBody(c, CustomerConnectionsInputSchema);
    const friends = [...new Set(customers)].filter((id) => id !== customerId);
    await db.transaction(async (tx) => {
      await tx.query('delete from customer_connections where store_id = $1 and customer_id = $2', [
        store,
        customerId,
      ]);
      if (friends.length > 0) {
        await tx.query(
          `insert into customer_connections (store_id, customer_id, friend_id)
           select $1, $2, unnest($3::text[])`,
          [store, customerId, friends],
        );
      }
    });
    return c.json({ customerId, connections: friends.length });
  });

  app.post('/customers/:customer/token', (c) => {
    const customerId = customerParam(c.req.param('customer'));
    return c.json(issueCustomerToken(services, c.var.merchantStore.id, customerId), 201);
  });

  app.post('/purchases', async (c) => {
    const store = c.var.merchantStore.id;
    const { customerId, products, purchasedAt } = await readJsonBody(c, PurchaseReportSchema);
    const at = purchasedAt ? Date.parse(purchasedAt) : services.now();
    const recorded = await db.transaction((tx) =>
      recordPurchases(tx, store, customerId, products, at),
    );
    return c.json({ recorded });
  });

  return app;
}
