import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChainLabDatabase } from '../schema';
import { createTestDatabase } from '../testing/testDatabase';
import { findInterruptedJobs, listJobMarkers, removeJobMarker, trackJob } from './jobMarkerRepository';

/** Web Locks as one browser has them; `closeTab` drops every lock, as a closed tab does. */
function fakeLocks() {
  const held = new Set<string>();
  return {
    held,
    manager: {
      async request<T>(name: string, callback: () => Promise<T>): Promise<T> {
        held.add(name);
        try {
          return await callback();
        } finally {
          held.delete(name);
        }
      },
      async query() {
        return { held: [...held].map((name) => ({ name })) };
      },
    },
    closeTab: () => held.clear(),
  };
}

let db: ChainLabDatabase;
let locks: ReturnType<typeof fakeLocks>;
beforeEach(() => {
  db = createTestDatabase();
  locks = fakeLocks();
  vi.stubGlobal('navigator', { locks: locks.manager });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const job = { kind: 'workspaceImport' as const, label: 'Workshop.chainlab', workspaceId: null };

describe('jobs cut off by a closed tab', () => {
  it('marks a job while it runs, does not call it interrupted meanwhile, and forgets it when it ends', async () => {
    let finish!: (value: string) => void;
    const running = trackJob(db, job, () => new Promise<string>((resolve) => (finish = resolve)), () => 1000);
    await vi.waitFor(async () => expect(await listJobMarkers(db)).toHaveLength(1));
    expect(await listJobMarkers(db)).toEqual([expect.objectContaining({ ...job, startedAt: 1000 })]);
    expect(await findInterruptedJobs(db)).toEqual([]);
    finish('done');
    await expect(running).resolves.toBe('done');
    expect(await listJobMarkers(db)).toEqual([]);
  });

  it('forgets a job that failed or was cancelled, and passes its error on', async () => {
    await expect(trackJob(db, job, () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await listJobMarkers(db)).toEqual([]);
  });

  it('finds a job whose tab closed in the middle, until the user dismisses it', async () => {
    void trackJob(db, { kind: 'run', label: 'Abandoned cart', workspaceId: 'w1' }, () => new Promise(() => undefined), () => 5);
    void trackJob(db, job, () => new Promise(() => undefined), () => 3);
    await vi.waitFor(async () => expect(await listJobMarkers(db)).toHaveLength(2));
    locks.closeTab();
    const interrupted = await findInterruptedJobs(db);
    expect(interrupted.map((marker) => [marker.kind, marker.label, marker.startedAt])).toEqual([
      ['workspaceImport', 'Workshop.chainlab', 3],
      ['run', 'Abandoned cart', 5],
    ]);
    await removeJobMarker(db, interrupted[0]!.id);
    expect((await findInterruptedJobs(db)).map((marker) => marker.label)).toEqual(['Abandoned cart']);
  });

  it('runs the job untracked where the browser has no Web Locks', async () => {
    vi.stubGlobal('navigator', {});
    await expect(trackJob(db, job, async () => (await listJobMarkers(db)).length)).resolves.toBe(0);
    expect(await findInterruptedJobs(db)).toEqual([]);
  });
});
