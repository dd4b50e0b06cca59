import type { DemoStackUrls } from './global-setup.ts';

/** The merchant API, as the shop's back office would call it. */
export async function merchant<T>(
  stack: DemoStackUrls,
  path: string,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(`${stack.apiUrl}/v1/merchant${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${stack.apiKey}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
