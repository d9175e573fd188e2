import { createChain, type Chain, type ChainEdge, type ChainNode, type ChainSettings, type MessageNode, type TimerRule, type TriggerRule } from '../chains';
import type { ConditionGroup } from '../conditions/types';
import { formatLocalMinute } from '../time';
import { defaultSimulationSettings, type SimulationSettings } from './settings';
import { simulate } from './runShard';
import type { TestCustomer, TestEvent } from './testing';
import { testData } from './testing';
import type { TraceEntry } from './trace';

/**
 * Small builders for hand-made scenarios: a chain from a list of nodes and "a.port → b" wires,
 * and a trace printed as lines ("03-03 18:30 wait timeout") so tests state the exact path.
 */
const at = { x: 0, y: 0 };

export const node = {
  trigger: (id: string, trigger: TriggerRule): ChainNode => ({ id, kind: 'trigger', position: at, label: '', trigger }),
  filter: (id: string, condition: ConditionGroup): ChainNode => ({ id, kind: 'filter', position: at, label: '', condition }),
  split: (id: string, branches: { id: string; weight: number; isHoldout?: boolean }[]): ChainNode => ({ id, kind: 'split', position: at, label: '', branches: branches.map((branch) => ({ label: '', isHoldout: false, ...branch })) }),
  timer: (id: string, timer: TimerRule): ChainNode => ({ id, kind: 'timer', position: at, label: '', timer }),
  message: (id: string, fields: Partial<MessageNode> & Pick<MessageNode, 'channel'>): ChainNode => ({ id, kind: 'message', position: at, label: '', content: { subject: '', body: '' }, offer: null, cost: 1, responses: null, orderValue: null, onSuppressed: 'continue', ...fields }),
  goal: (id: string, outcome: 'goal' | 'exit' = 'goal'): ChainNode => ({ id, kind: 'goal', position: at, label: id, outcome }),
};

/** `wires` as 'source.port>target' ('t.out>wait'). */
export function chainOf(id: string, settings: Partial<ChainSettings>, nodes: ChainNode[], wires: string[]): Chain {
  const chain = createChain(id, id);
  chain.settings = { ...chain.settings, quietHours: { ...chain.settings.quietHours, isEnabled: false }, ...settings };
  chain.nodes = nodes;
  chain.edges = wires.map((wire): ChainEdge => {
    const [from, target] = wire.split('>') as [string, string];
    const [source, sourcePort] = from.split('.') as [string, string];
    return { id: `${source}.${sourcePort}`, source, sourcePort, target };
  });
  return chain;
}

/** Trace lines "MM-DD HH:mm node decision" in `timeZone`. */
export function traceLines(trace: readonly TraceEntry[], timeZone = 'UTC'): string[] {
  return trace.map((entry) => `${formatLocalMinute(entry.ts, timeZone).slice(5)} ${entry.nodeId} ${entry.decision}`);
}

export function runScenario(customers: TestCustomer[], events: TestEvent[], chains: Chain[], settings: Partial<SimulationSettings> = {}, traceCustomerId: string | null = null) {
  const base = defaultSimulationSettings('2025-03-01', '2025-03-31', 'UTC');
  return simulate(testData(customers, events), chains, { ...base, ...settings }, { traceCustomerId });
}
