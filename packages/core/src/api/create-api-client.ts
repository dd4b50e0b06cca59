import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import type { Options as KyOptions } from 'ky';
import * as v from 'valibot';
import { safeHttpUrl } from '../guards/safe-http-url.ts';
import type { KoubeiEvent } from '../model/events.ts';
import { KoubeiEventSchema } from '../model/events.ts';
import { LIMITS } from '../model/primitives.ts';
import type { SocialProof } from '../model/social-proof.ts';
import type { ProductSummary } from '../model/summary.ts';
import { ProductSummarySchema } from '../model/summary.ts';
import type {
  HelpfulVote,
  HelpfulVoteResult,
  ReviewSubmissionInput,
  SubmitReviewResult,
  UploadedPhoto,
} from '../model/submission.ts';
import type { InviteLanding, InviterStatus } from '../model/referral.ts';
import type { FieldIssue } from '../model/validate.ts';
import { validate, validateListLeniently } from '../model/validate.ts';
import type {
  FormToken,
  MediaPage,
  ReviewPage,
  RouteDefinition,
  TestimonialList,
} from './api-contract.ts';
import { API_ROUTES, ProblemSchema, buildPath } from './api-contract.ts';
import { createBatcher } from './create-batcher.ts';
import { readSummariesResponse } from './read-summaries.ts';
import {
  AbortedError,
  HttpError,
  InvalidPayloadError,
  InvalidRequestError,
  KoubeiError,
  NetworkError,
  TimeoutError,
} from './errors.ts';
import type { PageQuery, QueryParams, ReviewQuery } from './queries.ts';
import { encodePageQuery, encodeReviewQuery } from './queries.ts';
import type { StorageLike, SwrCacheOptions } from './swr-cache.ts';
import { createSwrCache } from './swr-cache.ts';

export interface KoubeiClientOptions {
  /** Base URL of the Koubei API: https, or http on localhost during development. */
  readonly apiBase: string;
  readonly store: string;
  /**
   * `apiBase` is a static export (files on a CDN, see the server's
   * `export` command), not the API: reads map to its files, sort orders work,
   * filters do not, and writes are refused without a request.
   */
  readonly staticSite?: boolean;
  /** Defaults to the global `fetch`; tests and server-side rendering pass their own. */
  readonly fetch?: typeof fetch;
  /** Per attempt. Default 8000 ms. */
  readonly timeoutMs?: number;
  /** Extra attempts for reads (GET). Default 2. */
  readonly readRetries?: number;
  /** Extra attempts for writes, always with the same Idempotency-Key. Default 3. */
  readonly writeRetries?: number;
  /** Cache timings. Defaults: fresh 60 s, then stale-while-revalidate 10 min, kept for errors 24 h. */
  readonly cache?: Partial<
    Pick<SwrCacheOptions, 'freshMs' | 'staleMs' | 'keepForErrorsMs' | 'maxEntries'>
  >;
  /** A second cache level that survives reloads; pass `detectStorage(() => localStorage)`. */
  readonly storage?: StorageLike | null;
  /** How long summary lookups are collected into one request. Default 0 (same task). */
  readonly batchDelayMs?: number;
  /** `navigator.sendBeacon`, bound, for events that must survive page unload. */
  readonly sendBeacon?: (url: string, data: Blob) => boolean;
  /** Told when items of a list were dropped because they break the contract. */
  readonly onInvalidItems?: (route: string, dropped: number, message: string) => void;
  readonly now?: () => number;
}

/** Where a read's data came from. `stale` means the network failed and `error` says how. */
export interface Fetched<T> {
  readonly data: T;
  readonly source: 'network' | 'cache' | 'stale';
  readonly error: KoubeiError | null;
}

export interface ReadOptions<T> {
  readonly signal?: AbortSignal;
  /** Called when cached data was served and a background refresh brought newer data. */
  readonly onRevalidated?: (data: T) => void;
}

export interface WriteOptions {
  readonly signal?: AbortSignal;
  /** Made once per logical write (e.g. when the form opens) and reused on every retry. */
  readonly idempotencyKey: string;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** A random key for one logical write; works outside secure contexts too. */
export function createIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// The summaries route with validation left to readSummariesResponse, which
// knows which products were asked for.
const RAW_SUMMARIES_ROUTE: RouteDefinition = { ...API_ROUTES.summaries, response: v.unknown() };

function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - now) / 1000)) : null;
}

/**
 * The HTTP client every widget uses. Policies are explicit: reads time out,
 * retry with backoff and honour Retry-After; writes are retried only with the
 * same Idempotency-Key; every response is validated against the contract;
 * reads are served stale-while-revalidate from memory (and optional storage);
 * summary lookups are batched; every call can be aborted.
 */
export function createKoubeiClient(options: KoubeiClientOptions) {
  const apiBase = safeHttpUrl(options.apiBase, { allowHttpLoopback: true });
  if (!apiBase)
    throw new TypeError(
      `Koubei: apiBase must be an https URL, got ${JSON.stringify(options.apiBase)}`,
    );
  const base = apiBase.replace(/\/+$/, '');
  const store = options.store;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 8000;
  const cache = createSwrCache({
    freshMs: options.cache?.freshMs ?? 60_000,
    staleMs: options.cache?.staleMs ?? 10 * 60_000,
    keepForErrorsMs: options.cache?.keepForErrorsMs ?? 24 * 3600_000,
    maxEntries: options.cache?.maxEntries ?? 500,
    now,
    storage: options.storage ?? null,
  });

  const http = ky.create({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeout: timeoutMs,
    credentials: 'omit',
    throwHttpErrors: true,
    headers: { accept: 'application/json' },
  });

  const readRetry: KyOptions['retry'] = {
    limit: options.readRetries ?? 2,
    methods: ['get'],
    statusCodes: [408, 429, 500, 502, 503, 504],
    afterStatusCodes: [413, 429, 503],
    maxRetryAfter: 5000,
    backoffLimit: 2000,
    jitter: true,
    retryOnTimeout: true,
  };
  const writeRetry: KyOptions['retry'] = {
    limit: options.writeRetries ?? 3,
    methods: ['post'],
    // 409: the server is still processing the first request with this key.
    statusCodes: [408, 409, 429, 500, 502, 503, 504],
    afterStatusCodes: [409, 429, 503],
    maxRetryAfter: 10_000,
    backoffLimit: 4000,
    jitter: true,
    retryOnTimeout: true,
  };

  function url(
    route: RouteDefinition,
    pathParams: Record<string, string>,
    query?: QueryParams,
  ): string {
    if (options.staticSite) return staticUrl(route, pathParams, query);
    const path = buildPath(route.path, { store, ...pathParams });
    const search =
      query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
    return `${base}${path}${search}`;
  }

  /** The file of a static export that holds what `route` would answer. */
  function staticUrl(
    route: RouteDefinition,
    pathParams: Record<string, string>,
    query?: QueryParams,
  ): string {
    if (route.method !== 'GET') {
      throw new InvalidRequestError('This store is served as static files; it takes no writes', []);
    }
    const root = `${base}${buildPath('/v1/{store}', { store })}`;
    const product = encodeURIComponent(pathParams.product ?? '');
    switch (route.path) {
      case API_ROUTES.summaries.path:
        return `${root}/summaries.json`;
      case API_ROUTES.reviews.path:
        return `${root}/products/${product}/reviews/${query?.sort ?? 'helpful'}/${query?.cursor ?? '1'}.json`;
      case API_ROUTES.media.path:
        return `${root}/media.json`;
      case API_ROUTES.testimonials.path:
        return `${root}/testimonials.json`;
      case API_ROUTES.socialProof.path:
        return `${root}/products/${product}/social-proof.json`;
      default:
        throw new InvalidRequestError(
          'This store is served as static files; it takes no writes',
          [],
        );
    }
  }

  async function toKoubeiError(error: unknown, signal?: AbortSignal): Promise<KoubeiError> {
    if (error instanceof KoubeiError) return error;
    if (signal?.aborted) return new AbortedError();
    if (error instanceof KyTimeoutError) return new TimeoutError(timeoutMs, { cause: error });
    if (error instanceof HTTPError) {
      const { response } = error;
      let issues: readonly FieldIssue[] = [];
      let detail: string | undefined;
      try {
        const problem = validate(ProblemSchema, await response.clone().json());
        if (problem.ok) {
          issues = problem.value.errors ?? [];
          detail = problem.value.detail ?? problem.value.title;
        }
      } catch {
        // Not a problem document (an HTML error page from a proxy): status is enough.
      }
      return new HttpError(
        response.status,
        parseRetryAfter(response.headers.get('retry-after'), now()),
        issues,
        detail,
      );
    }
    if (error instanceof DOMException && error.name === 'AbortError') return new AbortedError();
    return new NetworkError(undefined, { cause: error });
  }

  async function send<T>(
    route: RouteDefinition,
    request: {
      pathParams?: Record<string, string>;
      query?: QueryParams;
      json?: unknown;
      body?: BodyInit;
      headers?: Record<string, string>;
      signal?: AbortSignal;
      retry: KyOptions['retry'];
      /** Told how many list items were dropped for breaking the contract. */
      onDropped?: (dropped: number) => void;
    },
  ): Promise<T> {
    try {
      const response = await http(url(route, request.pathParams ?? {}, request.query), {
        method: route.method,
        retry: request.retry,
        ...(request.json !== undefined ? { json: request.json } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(request.headers ? { headers: request.headers } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
      if (route.response === null) return undefined as T;
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw new InvalidPayloadError('The response is not JSON', [], { cause });
      }
      const result = validate(route.response, json);
      if (result.ok) return result.value as T;
      // A list with a few bad items still shows the good ones.
      const maxItems =
        route === API_ROUTES.summaries ? LIMITS.summariesPerRequest : LIMITS.pageSize;
      const list = route.itemsKey
        ? validateListLeniently(route.response, route.itemsKey, maxItems, json)
        : null;
      if (!list)
        throw new InvalidPayloadError(
          `The response breaks the contract: ${result.message}`,
          result.issues,
        );
      if (list.dropped > 0) {
        options.onInvalidItems?.(route.path, list.dropped, list.message);
        request.onDropped?.(list.dropped);
      }
      return list.value as T;
    } catch (error) {
      throw await toKoubeiError(error, request.signal);
    }
  }

  // Reads of the same resource share one request; a caller that aborts only
  // leaves it, and the request is cancelled when nobody waits any more.
  const inFlight = new Map<
    string,
    { promise: Promise<unknown>; controller: AbortController; waiting: number }
  >();

  function joinInFlight<T>(
    key: string,
    start: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    let flight = inFlight.get(key);
    if (!flight) {
      const controller = new AbortController();
      const created = {
        controller,
        waiting: 0,
        promise: start(controller.signal).finally(() => {
          if (inFlight.get(key) === created) inFlight.delete(key);
        }),
      };
      created.promise.catch(() => undefined);
      inFlight.set(key, created);
      flight = created;
    }
    const shared = flight;
    shared.waiting++;
    if (!signal) return shared.promise as Promise<T>;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        shared.waiting--;
        if (shared.waiting === 0) {
          shared.controller.abort();
          // A read started after this must not join the cancelled request.
          if (inFlight.get(key) === shared) inFlight.delete(key);
        }
        reject(new AbortedError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value as T);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  async function cachedRead<T>(
    key: string,
    schema: v.GenericSchema,
    load: (signal: AbortSignal) => Promise<T>,
    readOptions: ReadOptions<T> = {},
  ): Promise<Fetched<T>> {
    const entry = cache.get(key, (value) => v.is(schema, value));
    if (entry?.freshness === 'fresh')
      return { data: entry.value as T, source: 'cache', error: null };
    if (entry?.freshness === 'stale') {
      joinInFlight(key, load).then(
        (data) => {
          cache.set(key, data);
          readOptions.onRevalidated?.(data);
        },
        () => undefined, // Keep serving the stale copy; the next read tries again.
      );
      return { data: entry.value as T, source: 'cache', error: null };
    }
    try {
      const data = await joinInFlight(key, load, readOptions.signal);
      cache.set(key, data);
      return { data, source: 'network', error: null };
    } catch (error) {
      const failure = await toKoubeiError(error, readOptions.signal);
      if (entry && failure.kind !== 'aborted')
        return { data: entry.value as T, source: 'stale', error: failure };
      throw failure;
    }
  }

  const summaryBatcher = createBatcher<string, ProductSummary>({
    maxBatchSize: LIMITS.summariesPerRequest,
    delayMs: options.batchDelayMs ?? 0,
    async loadMany(products, signal) {
      const json = await send<unknown>(RAW_SUMMARIES_ROUTE, {
        query: { products: products.join(',') },
        signal,
        retry: readRetry,
      });
      const read = readSummariesResponse(json, products);
      if (read.dropped > 0)
        options.onInvalidItems?.(API_ROUTES.summaries.path, read.dropped, read.message);
      const found = new Map<string, ProductSummary>();
      const failures = new Map<string, InvalidPayloadError>();
      for (const [product, summary] of read.summaries) {
        if (summary instanceof InvalidPayloadError) failures.set(product, summary);
        else found.set(product, summary);
      }
      if (failures.size === products.length && failures.size > 0)
        throw failures.values().next().value;
      missing = failures;
      return found;
    },
    missingKeyError: (product) =>
      missing.get(product) ?? new InvalidPayloadError(`No summary for ${product}`),
  });
  let missing = new Map<string, InvalidPayloadError>();

  function getSummary(
    product: string,
    readOptions?: ReadOptions<ProductSummary>,
  ): Promise<Fetched<ProductSummary>> {
    return cachedRead(
      `summary:${product}`,
      ProductSummarySchema,
      (signal) => summaryBatcher.load(product, signal),
      readOptions,
    );
  }

  function cachedRoute<T>(
    route: RouteDefinition,
    pathParams: Record<string, string>,
    query: QueryParams | undefined,
    readOptions?: ReadOptions<T>,
  ): Promise<Fetched<T>> {
    const key = url(route, pathParams, query).slice(base.length);
    return cachedRead(
      key,
      route.response as v.GenericSchema,
      (signal) =>
        send<T>(route, { pathParams, ...(query ? { query } : {}), signal, retry: readRetry }),
      readOptions,
    );
  }

  function beaconAccepted(target: string, blob: Blob): boolean {
    try {
      return options.sendBeacon?.(target, blob) ?? false;
    } catch {
      // Some browsers throw for oversized or blocked beacons: fall back to fetch.
      return false;
    }
  }

  function checkIdempotencyKey(key: string): void {
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new InvalidRequestError('An Idempotency-Key is 16–64 letters, digits, _ or -', [
        { path: 'idempotencyKey', message: 'Expected 16–64 letters, digits, _ or -' },
      ]);
    }
  }

  function checkBody<T>(schema: v.GenericSchema, body: unknown): T {
    const result = validate(schema, body);
    if (!result.ok) throw new InvalidRequestError(result.message, result.issues);
    return result.value as T;
  }

  return {
    getSummary,

    /** Summaries in the order asked; all lookups made in the same task share one request. */
    async getSummaries(products: readonly string[], readOptions?: ReadOptions<ProductSummary>) {
      return Promise.all(products.map((product) => getSummary(product, readOptions)));
    },

    getReviews(product: string, query: ReviewQuery, readOptions?: ReadOptions<ReviewPage>) {
      return cachedRoute<ReviewPage>(
        API_ROUTES.reviews,
        { product },
        encodeReviewQuery(query),
        readOptions,
      );
    },

    getMedia(
      query: PageQuery & { readonly product?: string },
      readOptions?: ReadOptions<MediaPage>,
    ) {
      const params = {
        ...encodePageQuery(query),
        ...(query.product ? { product: query.product } : {}),
      };
      return cachedRoute<MediaPage>(API_ROUTES.media, {}, params, readOptions);
    },

    getTestimonials(
      query: { readonly featured?: boolean; readonly limit?: number } = {},
      readOptions?: ReadOptions<TestimonialList>,
    ) {
      const params = {
        ...encodePageQuery({ ...(query.limit !== undefined ? { limit: query.limit } : {}) }),
        ...(query.featured ? { featured: '1' } : {}),
      };
      return cachedRoute<TestimonialList>(API_ROUTES.testimonials, {}, params, readOptions);
    },

    getSocialProof(product: string, readOptions?: ReadOptions<SocialProof>) {
      return cachedRoute<SocialProof>(API_ROUTES.socialProof, { product }, undefined, readOptions);
    },

    /**
     * The signed-in customer's friends who recommend the product (POSTed
     * token, never cached by anyone). A static export has no friends graph,
     * so there it answers with the anonymous counts.
     */
    async getFriendsSocialProof(
      product: string,
      customerToken: string,
      signal?: AbortSignal,
    ): Promise<SocialProof> {
      if (options.staticSite) {
        return cachedRoute<SocialProof>(
          API_ROUTES.socialProof,
          { product },
          undefined,
          signal ? { signal } : undefined,
        ).then((fetched) => fetched.data);
      }
      const body = checkBody(API_ROUTES.friendsSocialProof.body, { customerToken });
      return send<SocialProof>(API_ROUTES.friendsSocialProof, {
        pathParams: { product },
        json: body,
        ...(signal ? { signal } : {}),
        retry: { ...readRetry, methods: ['post'] },
      });
    },

    getInviteLanding(code: string, readOptions?: ReadOptions<InviteLanding>) {
      return cachedRoute<InviteLanding>(API_ROUTES.inviteLanding, { code }, undefined, readOptions);
    },

    /**
     * Sends a review. Validated first (nothing is sent if it breaks the
     * contract); retried on network errors, timeouts and 5xx with the same
     * Idempotency-Key, so the server stores it once however often it arrives.
     */
    async submitReview(
      product: string,
      submission: ReviewSubmissionInput,
      writeOptions: WriteOptions,
    ): Promise<SubmitReviewResult> {
      checkIdempotencyKey(writeOptions.idempotencyKey);
      const body = checkBody(API_ROUTES.submitReview.body, submission);
      const result = await send<SubmitReviewResult>(API_ROUTES.submitReview, {
        pathParams: { product },
        json: body,
        headers: { 'idempotency-key': writeOptions.idempotencyKey },
        ...(writeOptions.signal ? { signal: writeOptions.signal } : {}),
        retry: writeRetry,
      });
      cache.clear();
      return result;
    },

    async uploadPhoto(
      photo: Blob,
      writeOptions: WriteOptions & {
        readonly filename?: string;
        /** Share of the upload done, 0–1: 0 when it starts and 1 when the server has the photo. */
        readonly onProgress?: (share: number) => void;
      },
    ): Promise<UploadedPhoto> {
      checkIdempotencyKey(writeOptions.idempotencyKey);
      const form = new FormData();
      form.append('photo', photo, writeOptions.filename ?? 'photo');
      // ky can report upload progress only where browsers stream request
      // bodies (Chrome over HTTP/2, nowhere else), and elsewhere the request
      // fails outright; so progress is reported at the start and the end.
      writeOptions.onProgress?.(0);
      const uploaded = await send<UploadedPhoto>(API_ROUTES.uploadPhoto, {
        body: form,
        headers: { 'idempotency-key': writeOptions.idempotencyKey },
        ...(writeOptions.signal ? { signal: writeOptions.signal } : {}),
        retry: writeRetry,
      });
      writeOptions.onProgress?.(1);
      return uploaded;
    },

    /**
     * A signed token of when the review form was shown. The server holds
     * reviews sent faster than a person can type (bots) without saying so.
     */
    getFormToken(signal?: AbortSignal): Promise<FormToken> {
      return send<FormToken>(API_ROUTES.formToken, {
        ...(signal ? { signal } : {}),
        retry: readRetry,
      });
    },

    /** One vote per voter and review; repeating it is harmless, so it is retried like a read. */
    voteHelpful(
      reviewId: string,
      vote: HelpfulVote,
      signal?: AbortSignal,
    ): Promise<HelpfulVoteResult> {
      const body = checkBody(API_ROUTES.helpfulVote.body, vote);
      return send<HelpfulVoteResult>(API_ROUTES.helpfulVote, {
        pathParams: { review: reviewId },
        json: body,
        ...(signal ? { signal } : {}),
        retry: { ...writeRetry, statusCodes: [408, 429, 500, 502, 503, 504] },
      });
    },

    recordReferralVisit(
      code: string,
      visitor: string,
      signal?: AbortSignal,
    ): Promise<InviteLanding> {
      const body = checkBody(API_ROUTES.referralVisit.body, { code, visitor });
      return send<InviteLanding>(API_ROUTES.referralVisit, {
        json: body,
        ...(signal ? { signal } : {}),
        retry: writeRetry,
      });
    },

    getInviterStatus(customerToken: string, signal?: AbortSignal): Promise<InviterStatus> {
      const body = checkBody(API_ROUTES.inviterStatus.body, { customerToken });
      return send<InviterStatus>(API_ROUTES.inviterStatus, {
        json: body,
        ...(signal ? { signal } : {}),
        retry: { ...readRetry, methods: ['post'] },
      });
    },

    /**
     * Best-effort analytics: invalid events are dropped, the rest go in
     * batches by beacon (survives page unload) or keep-alive fetch. Never
     * throws and never retries; resolves to whether every batch was handed over.
     */
    async sendEvents(events: readonly KoubeiEvent[]): Promise<boolean> {
      // A static export has no server to count events.
      if (options.staticSite) return false;
      const valid = events.filter((event) => v.is(KoubeiEventSchema, event));
      if (valid.length === 0) return events.length === 0;
      const target = url(API_ROUTES.events, {});
      let delivered = valid.length === events.length;
      for (let start = 0; start < valid.length; start += LIMITS.eventsPerBatch) {
        const payload = JSON.stringify({
          events: valid.slice(start, start + LIMITS.eventsPerBatch),
        });
        try {
          const blob = new Blob([payload], { type: 'text/plain;charset=UTF-8' });
          if (beaconAccepted(target, blob)) continue;
          await http.post(target, {
            body: payload,
            headers: { 'content-type': 'text/plain;charset=UTF-8' },
            keepalive: true,
            retry: 0,
          });
        } catch {
          delivered = false;
        }
      }
      return delivered;
    },

    /** Forget cached reads, e.g. after the shopper submits a review. */
    clearCache(): void {
      cache.clear();
    },
  };
}

export type KoubeiClient = ReturnType<typeof createKoubeiClient>;
