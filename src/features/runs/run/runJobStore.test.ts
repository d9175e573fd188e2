import { afterEach, describe, expect, it } from 'vitest';
import type { SimulationRunRecord } from '../../../domain/simulation';
import { cancelledError } from '../../../engine/cancel';
import type { SimulateRequest } from '../../../engine/simulate/simulateTypes';
import { runShare, setRunSimulation, useRunJob, type RunSimulation } from './runJobStore';

const REQUEST = { workspaceId: 'w1', chains: [{ chain: { id: 'c1', name: 'Welcome' }, chainVersion: 1, savedVersionId: null }], settings: {} } as unknown as SimulateRequest;
const RECORD = { id: 'run-1', sums: null } as unknown as SimulationRunRecord;

/** A simulation the test finishes by hand, reporting progress on request. */
function controlledSimulation() {
  const handle: { finish(record: SimulationRunRecord): void; fail(error: unknown): void; progress(done: number, total: number): void; signal: AbortSignal | null } = { finish: () => {}, fail: () => {}, progress: () => {}, signal: null };
  const simulation: RunSimulation = (_request, options) =>
    new Promise((resolve, reject) => {
      handle.signal = options.signal;
      handle.finish = resolve;
      handle.fail = reject;
      handle.progress = (done, total) => options.onProgress({ done, total, phase: 'simulate' });
      options.signal.addEventListener('abort', () => reject(cancelledError()));
    });
  return { simulation, handle };
}

afterEach(() => {
  setRunSimulation(null);
  useRunJob.setState({ job: null });
});

describe('the run in progress', () => {
  it('reports progress, then the saved run, and calls back once', async () => {
    const { simulation, handle } = controlledSimulation();
    setRunSimulation(simulation);
    const finished: SimulationRunRecord[] = [];
    const started = useRunJob.getState().start(REQUEST, (record) => finished.push(record));
    expect(useRunJob.getState().job).toMatchObject({ status: 'running', name: 'Welcome', chainIds: ['c1'] });
    expect(runShare(useRunJob.getState().job)).toBeNull();
    handle.progress(250, 1000);
    expect(runShare(useRunJob.getState().job)).toBe(0.25);
    handle.finish(RECORD);
    await started;
    expect(useRunJob.getState().job).toMatchObject({ status: 'done', record: RECORD });
    expect(finished).toEqual([RECORD]);
  });

  it('is cancelled by Cancel, and nothing is called back', async () => {
    const { simulation, handle } = controlledSimulation();
    setRunSimulation(simulation);
    const finished: unknown[] = [];
    const started = useRunJob.getState().start(REQUEST, (record) => finished.push(record));
    useRunJob.getState().cancel();
    await started;
    expect(handle.signal?.aborted).toBe(true);
    expect(useRunJob.getState().job?.status).toBe('cancelled');
    expect(finished).toEqual([]);
  });

  it('keeps a failure with its error', async () => {
    const { simulation, handle } = controlledSimulation();
    setRunSimulation(simulation);
    const started = useRunJob.getState().start(REQUEST);
    handle.fail(new Error('disk full'));
    await started;
    expect(useRunJob.getState().job).toMatchObject({ status: 'failed', error: new Error('disk full') });
  });

  it('runs one at a time: a second start while running is ignored', async () => {
    const { simulation, handle } = controlledSimulation();
    setRunSimulation(simulation);
    const first = useRunJob.getState().start(REQUEST);
    const id = useRunJob.getState().job!.id;
    await useRunJob.getState().start({ ...REQUEST, name: 'Other' });
    expect(useRunJob.getState().job).toMatchObject({ id, name: 'Welcome' });
    handle.finish(RECORD);
    await first;
  });

  it('is dismissed only once it has ended', async () => {
    const { simulation, handle } = controlledSimulation();
    setRunSimulation(simulation);
    const started = useRunJob.getState().start(REQUEST);
    useRunJob.getState().dismiss();
    expect(useRunJob.getState().job?.status).toBe('running');
    handle.finish(RECORD);
    await started;
    useRunJob.getState().dismiss();
    expect(useRunJob.getState().job).toBeNull();
  });
});
