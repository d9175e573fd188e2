import { afterEach, describe, expect, it } from 'vitest';
import { registerPendingSave, savePendingWork, saveThenReload, trackWrite, writesSettled } from './pendingSaves';

const unregisters: Array<() => void> = [];

function register(save: () => Promise<boolean>): void {
  unregisters.push(registerPendingSave(save));
}

afterEach(() => {
  unregisters.splice(0).forEach((unregister) => unregister());
});

describe('savePendingWork', () => {
  it('is done at once when nothing is pending', async () => {
    await expect(savePendingWork()).resolves.toBe(true);
  });

  it('runs every registered save and reports that all of them stored their work', async () => {
    const saved: string[] = [];
    register(async () => {
      saved.push('chain');
      return true;
    });
    register(async () => {
      saved.push('settings');
      return true;
    });
    await expect(savePendingWork()).resolves.toBe(true);
    expect(saved.sort()).toEqual(['chain', 'settings']);
  });

  it('reports failure when one save could not write, or threw, and still runs the others', async () => {
    let isOtherSaved = false;
    register(async () => false);
    register(async () => {
      isOtherSaved = true;
      return true;
    });
    await expect(savePendingWork()).resolves.toBe(false);
    expect(isOtherSaved).toBe(true);
    unregisters.splice(0).forEach((unregister) => unregister());
    register(() => Promise.reject(new Error('QuotaExceededError')));
    await expect(savePendingWork()).resolves.toBe(false);
  });

  it('forgets a save once it is unregistered (the editor closed)', async () => {
    const unregister = registerPendingSave(async () => false);
    unregister();
    await expect(savePendingWork()).resolves.toBe(true);
  });
});

describe('saveThenReload', () => {
  it('reloads only after every pending save has stored its work', async () => {
    const steps: string[] = [];
    register(async () => {
      steps.push('saved');
      return true;
    });
    await expect(saveThenReload(() => void steps.push('reloaded'))).resolves.toBe('reloaded');
    expect(steps).toEqual(['saved', 'reloaded']);
  });

  it('does not reload when a save failed, so the unsaved edit stays on screen', async () => {
    let reloads = 0;
    register(async () => false);
    await expect(saveThenReload(() => void (reloads += 1))).resolves.toBe('notSaved');
    expect(reloads).toBe(0);
  });
});

describe('writesSettled', () => {
  it('waits for every write started so far, stored or failed', async () => {
    const settled: string[] = [];
    let finishStored: () => void = () => {};
    let finishFailed: (error: Error) => void = () => {};
    const stored = new Promise<void>((resolve) => (finishStored = resolve)).then(() => settled.push('stored'));
    const failed = new Promise<void>((_, reject) => (finishFailed = reject)).catch(() => settled.push('failed'));
    trackWrite(stored);
    trackWrite(failed);
    const waiting = writesSettled().then(() => settled.push('all settled'));
    finishFailed(new Error('QuotaExceededError'));
    finishStored();
    await waiting;
    expect(settled).toEqual(['failed', 'stored', 'all settled']);
    await expect(writesSettled()).resolves.toBeUndefined();
  });
});
