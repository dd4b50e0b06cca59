import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeTurn } from './take-turn.ts';

describe('takeTurn', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives each caller a task of its own, in the order asked', async () => {
    vi.useFakeTimers();
    const ran: number[] = [];
    for (const n of [1, 2, 3]) void takeTurn().then(() => ran.push(n));
    // Nothing runs in the task that asked.
    await Promise.resolve();
    expect(ran).toEqual([]);
    for (const expected of [[1], [1, 2], [1, 2, 3]]) {
      await vi.advanceTimersToNextTimerAsync();
      expect(ran).toEqual(expected);
    }
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps working after the queue empties', async () => {
    await takeTurn();
    const later = takeTurn();
    await expect(later).resolves.toBeUndefined();
  });
});
