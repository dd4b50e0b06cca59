import type { StorageLike } from '@koubei/core';
import { describe, expect, it } from 'vitest';
import { createDraftStore, emptyDraft } from './form-draft.ts';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const scope = { store: 'tea-house', product: 'teapot-celadon' };
const KEY = 'koubei:draft:v1:tea-house:teapot-celadon';
const DAY = 24 * 3600_000;

describe('draft store', () => {
  it('keeps a draft per store and product, and stores nothing for an empty form', () => {
    const storage = memoryStorage();
    const drafts = createDraftStore(storage, scope, () => 0);
    drafts.save(emptyDraft());
    expect(storage.data.size).toBe(0);
    const draft = { ...emptyDraft(), body: 'Lovely', rating: 5 };
    drafts.save(draft);
    expect([...storage.data.keys()]).toEqual([KEY]);
    expect(drafts.load()).toEqual(draft);
    expect(createDraftStore(storage, { ...scope, product: 'cup' }, () => 0).load()).toBeNull();
    drafts.clear();
    expect(drafts.load()).toBeNull();
  });

  it('drops a draft older than 30 days', () => {
    const storage = memoryStorage();
    let now = 0;
    const drafts = createDraftStore(storage, scope, () => now);
    drafts.save({ ...emptyDraft(), body: 'Old words' });
    now = 31 * DAY;
    expect(drafts.load()).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('lets a tampered field fall back alone, and rejects a draft without a usable key', () => {
    const storage = memoryStorage();
    const drafts = createDraftStore(storage, scope, () => 0);
    const key = 'a'.repeat(32);
    storage.setItem(
      KEY,
      JSON.stringify({
        v: 1,
        savedAt: 0,
        draft: { rating: 9, body: 'Kept', aspects: { hacked: 5 }, idempotencyKey: key },
      }),
    );
    expect(drafts.load()).toMatchObject({
      rating: 0,
      body: 'Kept',
      aspects: {},
      idempotencyKey: key,
    });
    storage.setItem(KEY, JSON.stringify({ v: 1, savedAt: 0, draft: { body: 'x' } }));
    expect(drafts.load()).toBeNull();
    storage.setItem(KEY, '{not json');
    expect(drafts.load()).toBeNull();
  });

  it('never throws when storage does', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    const drafts = createDraftStore(broken, scope, () => 0);
    expect(() => drafts.save({ ...emptyDraft(), body: 'x' })).not.toThrow();
    expect(drafts.load()).toBeNull();
    expect(() => drafts.clear()).not.toThrow();
    expect(createDraftStore(null, scope, () => 0).load()).toBeNull();
  });
});
