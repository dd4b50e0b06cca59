import type { AspectKey, StorageLike } from '@koubei/core';
import { ASPECT_KEYS, EntityIdSchema, RatingSchema, createIdempotencyKey } from '@koubei/core';
import * as v from 'valibot';

/** A photo that reached the server: enough to send its id and show it again after a reload. */
export interface DraftPhoto {
  readonly id: string;
  readonly thumbnailUrl: string;
}

/** Everything the shopper entered, as typed (normalised only when sent). */
export interface FormDraft {
  /** 0 until the shopper picks a rating. */
  readonly rating: number;
  readonly title: string;
  readonly body: string;
  readonly authorName: string;
  readonly email: string;
  readonly recommends: boolean | null;
  readonly aspects: Readonly<Partial<Record<AspectKey, number>>>;
  readonly photos: readonly DraftPhoto[];
  readonly consent: boolean;
  /**
   * Made once per review and kept with the draft, so every send of it (a
   * retry, or a send after a reload) carries the same key and the server
   * stores one review however many times it arrives.
   */
  readonly idempotencyKey: string;
}

export function emptyDraft(): FormDraft {
  return {
    rating: 0,
    title: '',
    body: '',
    authorName: '',
    email: '',
    recommends: null,
    aspects: {},
    photos: [],
    consent: false,
    idempotencyKey: createIdempotencyKey(),
  };
}

/** Nothing typed or picked: not worth a place in storage. */
export function isDraftEmpty(draft: FormDraft): boolean {
  return (
    draft.rating === 0 &&
    !draft.title &&
    !draft.body &&
    !draft.authorName &&
    !draft.email &&
    draft.recommends === null &&
    Object.keys(draft.aspects).length === 0 &&
    draft.photos.length === 0 &&
    !draft.consent
  );
}

// A draft holds an email address and unsent words: on a shared computer it
// should not wait forever for the next person.
const MAX_AGE_MS = 30 * 24 * 3600_000;
// Generous, so nothing typed is lost, yet a tampered entry cannot grow without bound.
const MAX_STORED_TEXT = 20_000;

const text = v.fallback(v.pipe(v.string(), v.maxLength(MAX_STORED_TEXT)), '');

// Storage is shared with the host page and other scripts: everything read
// back is checked, and a field that fails falls back alone instead of
// throwing away the whole draft.
const StoredDraftSchema = v.object({
  v: v.literal(1),
  savedAt: v.number(),
  draft: v.object({
    rating: v.fallback(v.union([v.literal(0), RatingSchema]), 0),
    title: text,
    body: text,
    authorName: text,
    email: text,
    recommends: v.fallback(v.nullable(v.boolean()), null),
    aspects: v.fallback(v.record(v.picklist(ASPECT_KEYS), RatingSchema), {}),
    photos: v.fallback(
      v.pipe(
        v.array(
          v.object({ id: EntityIdSchema, thumbnailUrl: v.pipe(v.string(), v.maxLength(2048)) }),
        ),
        v.maxLength(20),
      ),
      [],
    ),
    consent: v.fallback(v.boolean(), false),
    idempotencyKey: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,64}$/)),
  }),
});

export interface DraftStore {
  load(): FormDraft | null;
  save(draft: FormDraft): void;
  clear(): void;
}

/**
 * The draft of one product's review in this store, in first-party storage
 * when it works (`detectStorage`); without storage the draft lives only as
 * long as the form. Storage errors (quota, blocked) never reach the shopper.
 */
export function createDraftStore(
  storage: StorageLike | null,
  scope: { store: string; product: string },
  now: () => number,
): DraftStore {
  const key = `koubei:draft:v1:${scope.store}:${scope.product}`;
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return null;
        const parsed = v.safeParse(StoredDraftSchema, JSON.parse(raw));
        if (!parsed.success || now() - parsed.output.savedAt > MAX_AGE_MS) {
          storage?.removeItem(key);
          return null;
        }
        return parsed.output.draft;
      } catch {
        return null;
      }
    },
    save(draft) {
      try {
        if (isDraftEmpty(draft)) storage?.removeItem(key);
        else storage?.setItem(key, JSON.stringify({ v: 1, savedAt: now(), draft }));
      } catch {
        // Full or blocked storage: the draft still lives in the form.
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}
