import { beforeEach, describe, expect, it, vi } from 'vitest';
import { workedExampleRun } from '../results/testing';
import { useRunOverlay } from '../canvas/runOverlayStore';
import { deleteRun } from './runActions';

const calls: unknown[][] = [];
vi.mock('../../../workers/engineClient', () => ({
  engineWorker: () => ({
    call: (method: string, input: unknown) => {
      calls.push([method, input]);
      return method === 'deleteRun' && (input as { runId: string }).runId === 'missing' ? Promise.reject(new Error('no such run')) : Promise.resolve();
    },
  }),
}));

describe('deleting a run', () => {
  beforeEach(() => {
    calls.length = 0;
    useRunOverlay.setState({ shown: {}, delta: null, highlight: null });
  });

  it('deletes it in the worker, and the canvas forgets its counts and any compare it was part of', async () => {
    const deleted = workedExampleRun({}, 'run-1');
    const kept = workedExampleRun({}, 'run-2');
    const chainId = deleted.inputs.chains[0]!.chain.id;
    useRunOverlay.getState().showRun(deleted);
    useRunOverlay.setState({ shown: { ...useRunOverlay.getState().shown, other: kept, hiddenOne: 'hidden' } });
    useRunOverlay.getState().showDelta('run-2', 'run-1');
    await deleteRun('w', 'run-1');
    expect(calls).toEqual([['deleteRun', { workspaceId: 'w', runId: 'run-1' }]]);
    const state = useRunOverlay.getState();
    expect(state.shown[chainId]).toBeUndefined();
    expect(state.shown.other).toBe(kept);
    expect(state.shown.hiddenOne).toBe('hidden');
    expect(state.delta).toBeNull();
  });

  it('keeps the canvas as it was when the run could not be deleted', async () => {
    const record = workedExampleRun({}, 'missing');
    useRunOverlay.getState().showRun(record);
    await expect(deleteRun('w', 'missing')).rejects.toThrow('no such run');
    expect(useRunOverlay.getState().shown[record.inputs.chains[0]!.chain.id]).toBe(record);
  });
});

describe('a customer’s path on the canvas, step by step', () => {
  it('says whose path it is and moves the current step within the path', () => {
    useRunOverlay.getState().highlightPath('c', ['a', 'b', 'c'], 9, 'C-42');
    expect(useRunOverlay.getState().highlight).toEqual({ chainId: 'c', nodeIds: ['a', 'b', 'c'], step: 2, customerId: 'C-42' });
    useRunOverlay.getState().stepHighlight(1);
    expect(useRunOverlay.getState().highlight?.step).toBe(2);
    useRunOverlay.getState().stepHighlight(-1);
    useRunOverlay.getState().stepHighlight(-1);
    useRunOverlay.getState().stepHighlight(-1);
    expect(useRunOverlay.getState().highlight?.step).toBe(0);
    useRunOverlay.getState().clearHighlight();
    useRunOverlay.getState().stepHighlight(1);
    expect(useRunOverlay.getState().highlight).toBeNull();
  });
});
