import { describe, expect, it, vi } from 'vitest';
import type { Progress } from '../engine/port';
import { sharedCall, type SharedCallOptions } from './sharedCall';

/** A call whose answer the test gives; records how it was started. */
function pendingCall() {
  let resolve!: (value: string) => void;
  const started: SharedCallOptions[] = [];
  const start = vi.fn((options: SharedCallOptions) => {
    started.push(options);
    return new Promise<string>((done) => (resolve = done));
  });
  return { start, started, answer: (value: string) => resolve(value) };
}

const PROGRESS: Progress = { done: 1, total: 2, phase: 'load' };

describe('sharedCall', () => {
  it('makes one call for identical calls in flight and gives every caller its answer and progress', async () => {
    const call = pendingCall();
    const progressA = vi.fn();
    const progressB = vi.fn();
    const a = sharedCall('quality|same', call.start, { signal: new AbortController().signal, onProgress: progressA });
    const b = sharedCall('quality|same', call.start, { signal: new AbortController().signal, onProgress: progressB });
    expect(call.start).toHaveBeenCalledTimes(1);
    call.started[0]!.onProgress!(PROGRESS);
    expect(progressA).toHaveBeenCalledWith(PROGRESS);
    expect(progressB).toHaveBeenCalledWith(PROGRESS);
    call.answer('report');
    await expect(a).resolves.toBe('report');
    await expect(b).resolves.toBe('report');
  });

  it('makes separate calls for different keys, and a new call once the last one ended', async () => {
    const first = pendingCall();
    const other = pendingCall();
    const answered = sharedCall('k1', first.start, { signal: new AbortController().signal });
    void sharedCall('k2', other.start, { signal: new AbortController().signal });
    expect(other.start).toHaveBeenCalledTimes(1);
    first.answer('old');
    await answered;
    const again = pendingCall();
    const next = sharedCall('k1', again.start, { signal: new AbortController().signal });
    expect(again.start).toHaveBeenCalledTimes(1);
    again.answer('new');
    await expect(next).resolves.toBe('new');
  });

  it('cancels the shared call only when every caller has left', async () => {
    const call = pendingCall();
    const leaving = new AbortController();
    const staying = new AbortController();
    const progressOfLeaver = vi.fn();
    void sharedCall('k3', call.start, { signal: leaving.signal, onProgress: progressOfLeaver });
    const kept = sharedCall('k3', call.start, { signal: staying.signal });
    leaving.abort();
    expect(call.started[0]!.signal.aborted).toBe(false);
    call.started[0]!.onProgress!(PROGRESS);
    expect(progressOfLeaver).not.toHaveBeenCalled();
    staying.abort();
    expect(call.started[0]!.signal.aborted).toBe(true);
    // a caller after everyone left gets a call of its own, not the cancelled one
    const fresh = pendingCall();
    void sharedCall('k3', fresh.start, { signal: new AbortController().signal });
    expect(fresh.start).toHaveBeenCalledTimes(1);
    call.answer('late');
    await expect(kept).resolves.toBe('late');
  });

  it('passes a failure to every caller', async () => {
    const error = new Error('no data');
    const start = vi.fn(() => Promise.reject(error));
    const a = sharedCall('k4', start, { signal: new AbortController().signal });
    const b = sharedCall('k4', start, { signal: new AbortController().signal });
    await expect(a).rejects.toBe(error);
    await expect(b).rejects.toBe(error);
    expect(start).toHaveBeenCalledTimes(1);
  });
});
