import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressStore } from './progressStore';

describe('createProgressStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('always holds the latest value, and tells listeners at most once per interval, then the latest', () => {
    const store = createProgressStore({ done: 0, total: 100, phase: 'read' }, 250);
    const heard: number[] = [];
    store.subscribe(() => heard.push(store.get().done));
    store.set({ done: 10, total: 100, phase: 'read' });
    store.set({ done: 20, total: 100, phase: 'read' });
    store.set({ done: 30, total: 100, phase: 'read' });
    expect(store.get().done).toBe(30);
    expect(heard).toEqual([10]);
    vi.advanceTimersByTime(250);
    expect(heard).toEqual([10, 30]);
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual([10, 30]);
  });

  it('tells listeners at once when the phase changes', () => {
    const store = createProgressStore({ done: 0, total: 100, phase: 'read' }, 250);
    const heard: string[] = [];
    store.subscribe(() => heard.push(`${store.get().phase} ${store.get().done}`));
    store.set({ done: 50, total: 100, phase: 'read' });
    store.set({ done: 100, total: 100, phase: 'commit' });
    expect(heard).toEqual(['read 50', 'commit 100']);
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual(['read 50', 'commit 100']);
  });

  it('stops its timer when the last listener leaves', () => {
    const store = createProgressStore({ done: 0, total: 100, phase: 'read' }, 250);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set({ done: 1, total: 100, phase: 'read' });
    store.set({ done: 2, total: 100, phase: 'read' });
    unsubscribe();
    vi.advanceTimersByTime(1000);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
