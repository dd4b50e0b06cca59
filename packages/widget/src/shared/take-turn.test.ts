import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeTurn } from './take-turn.ts';

describe('takeTurn', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the first caller its turn at once and each other caller a task of its own, in order', async () => {
    vi.useFakeTimers();
    const ran: number[] = [];
    for (const n of [1, 2, 3]) void takeTurn().then(() => ran.push(n));
    await Promise.resolve();
    expect(ran).toEqual([1]);
    for (const expected of [
      [1, 2],
      [1, 2, 3],
    ]) {
      await vi.advanceTimersToNextTimerAsync();
      expect(ran).toEqual(expected);
    }
    await vi.runAllTimersAsync();
    expect(ran).toEqual([1, 2, 3]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives a turn at once again in a later task', async () => {
    vi.useFakeTimers();
    await takeTurn();
    await vi.runAllTimersAsync();
    let ran = false;
    void takeTurn().then(() => (ran = true));
    await Promise.resolve();
    expect(ran).toBe(true);
  });
});
