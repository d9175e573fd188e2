import { workedExampleChain } from '../../../domain/chains/testing';
import { defaultSimulationSettings, RUN_RECORD_VERSION, simulate, type SimulationRunRecord, type SimulationSettings } from '../../../domain/simulation';
import { workedExampleData as workedExample } from '../../../domain/simulation/testing';

export const workedExampleData = workedExample();

/** A saved run of the worked example, as the simulate use case saves it. */
export function workedExampleRun(settings: Partial<SimulationSettings> = {}, id = 'run-1'): SimulationRunRecord {
  const chain = workedExampleChain();
  const runSettings = { ...defaultSimulationSettings('2025-03-01', '2025-03-31', 'Europe/Moscow'), ...settings };
  const { sums } = simulate(workedExampleData, [chain], runSettings, {});
  return {
    version: RUN_RECORD_VERSION,
    id,
    workspaceId: 'w',
    name: 'Abandoned cart',
    createdAt: Date.parse('2025-04-01T10:00:00Z'),
    finishedAt: Date.parse('2025-04-01T10:00:01Z'),
    status: 'done',
    error: null,
    inputs: { chains: [{ chain, chainVersion: 1, savedVersionId: null }], settings: runSettings, dataVersion: 1, batchIds: ['b1'], workers: 1 },
    globals: null,
    sums,
  };
}
