import { workedExampleChain } from '../../../domain/chains/testing';
import { defaultSimulationSettings, RUN_RECORD_VERSION, simulate, type SimulationRunRecord, type SimulationSettings } from '../../../domain/simulation';
import { testData } from '../../../domain/simulation/testing';

/** The data of simulation.md's worked example (customers A, B, C), for tests of the Runs screens. */
export const workedExampleData = testData(
  [
    { id: 'A', email: 'a@example.com', phone: '+79160000001', consents: { email: true, sms: true } },
    { id: 'B', email: 'b@example.com', consents: { email: true } },
    { id: 'C', email: 'c@example.com', phone: '+79160000003', consents: { email: false, sms: true } },
  ],
  [
    { customer: 'A', type: 'cart_add', at: '2025-03-03T10:00:00Z' },
    { customer: 'A', type: 'checkout', at: '2025-03-03T10:30:00Z' },
    { customer: 'B', type: 'cart_add', at: '2025-03-03T18:30:00Z' },
    { customer: 'B', type: 'order', at: '2025-03-04T12:00:00Z', amount: 2500 },
    { customer: 'C', type: 'cart_add', at: '2025-03-03T08:00:00Z' },
    { customer: 'C', type: 'cart_add', at: '2025-03-06T08:00:00Z' },
  ],
);

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
