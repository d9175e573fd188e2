import { stronglyConnectedComponents } from '../graphCycles';
import { finding, type ChainFinding } from './findings';
import { hasInput, outPorts } from './nodes/registry';
import type { PortSpec } from './ports';
import type { Chain, ChainEdge, ChainNode } from './types';

/**
 * The graph rules of the validator: a trigger exists; edges connect existing nodes by existing
 * ports and never lead into a trigger; every out-port has exactly one edge (a node with none is a
 * dead end, unless it is a goal); every node is reachable from a trigger; every cycle holds a
 * timer (else customers would loop forever at one instant). The editor runs them on every edit,
 * so everything is looked up through one index built per call (a 300-node chain in a few ms).
 */
interface GraphIndex {
  /** first node of each id (a duplicate is reported, then ignored) */
  nodeById: Map<string, ChainNode>;
  ports: Map<string, PortSpec[]>;
  outgoing: Map<string, ChainEdge[]>;
}

function indexOf(chain: Chain): GraphIndex {
  const nodeById = new Map<string, ChainNode>();
  const ports = new Map<string, PortSpec[]>();
  for (const node of chain.nodes) {
    if (nodeById.has(node.id)) continue;
    nodeById.set(node.id, node);
    ports.set(node.id, outPorts(node));
  }
  const outgoing = new Map<string, ChainEdge[]>();
  for (const edge of chain.edges) {
    const list = outgoing.get(edge.source);
    if (list) list.push(edge);
    else outgoing.set(edge.source, [edge]);
  }
  return { nodeById, ports, outgoing };
}

export function graphFindings(chain: Chain): ChainFinding[] {
  const index = indexOf(chain);
  const findings: ChainFinding[] = [];
  const triggers = chain.nodes.filter((node) => node.kind === 'trigger');
  if (!triggers.length) {
    findings.push(finding('no_trigger', 'error', 'The chain has no trigger: add one to say who enters and when.', 'В цепочке нет триггера: добавьте его, чтобы задать, кто и когда входит.'));
  }
  findings.push(...duplicateIds(chain), ...edgeFindings(chain, index));
  const reachable = reachableFrom(triggers, index);
  for (const node of chain.nodes) {
    findings.push(...portFindings(node, index));
    if (node.kind !== 'trigger' && !reachable.has(node.id)) {
      findings.push(finding('unreachable', 'warning', 'No trigger leads here: this node never runs.', 'Сюда не ведёт ни один триггер: этот узел никогда не сработает.', { nodeId: node.id }));
    }
  }
  findings.push(...cycleFindings(chain, index));
  return findings;
}

function duplicateIds(chain: Chain): ChainFinding[] {
  const findings: ChainFinding[] = [];
  const nodeIds = new Set<string>();
  for (const node of chain.nodes) {
    if (nodeIds.has(node.id)) findings.push(finding('duplicate_id', 'error', `Two nodes share the id "${node.id}".`, `У двух узлов одинаковый id «${node.id}».`, { nodeId: node.id }));
    nodeIds.add(node.id);
  }
  const edgeIds = new Set<string>();
  for (const edge of chain.edges) {
    if (edgeIds.has(edge.id)) findings.push(finding('duplicate_id', 'error', `Two connections share the id "${edge.id}".`, `У двух связей одинаковый id «${edge.id}».`, { edgeId: edge.id }));
    edgeIds.add(edge.id);
  }
  return findings;
}

function edgeFindings(chain: Chain, index: GraphIndex): ChainFinding[] {
  const findings: ChainFinding[] = [];
  for (const edge of chain.edges) {
    const source = index.nodeById.get(edge.source);
    const target = index.nodeById.get(edge.target);
    if (!source || !target) {
      const missing = source ? edge.target : edge.source;
      findings.push(finding('edge_dangling', 'error', `A connection leads from or to "${missing}", which is not in the chain.`, `Связь ведёт из узла или в узел «${missing}», которого нет в цепочке.`, { edgeId: edge.id, ...(source ? { nodeId: source.id } : {}) }));
      continue;
    }
    if (!index.ports.get(source.id)!.some((port) => port.id === edge.sourcePort)) {
      findings.push(finding('edge_bad_port', 'error', `A connection leaves by "${edge.sourcePort}", a way out this node does not have.`, `Связь выходит через «${edge.sourcePort}», а такого выхода у узла нет.`, { nodeId: source.id, edgeId: edge.id, port: edge.sourcePort }));
    }
    if (!hasInput(target.kind)) {
      findings.push(finding('edge_into_trigger', 'error', 'Nothing can lead into a trigger: customers enter the chain there.', 'В триггер ничего не может вести: через него клиенты входят в цепочку.', { nodeId: target.id, edgeId: edge.id }));
    }
  }
  return findings;
}

function portFindings(node: ChainNode, index: GraphIndex): ChainFinding[] {
  const ports = index.ports.get(node.id) ?? outPorts(node);
  if (!ports.length) return [];
  const counts = new Map<string, number>();
  for (const edge of index.outgoing.get(node.id) ?? []) counts.set(edge.sourcePort, (counts.get(edge.sourcePort) ?? 0) + 1);
  if (!ports.some((port) => counts.has(port.id))) {
    return [finding('dead_end', 'error', 'Customers stop here: connect the way out, or end the path with a goal.', 'Здесь клиенты застревают: подключите выход или завершите путь целью.', { nodeId: node.id })];
  }
  const findings: ChainFinding[] = [];
  for (const port of ports) {
    const count = counts.get(port.id) ?? 0;
    const label = port.label;
    if (count === 0) {
      findings.push(finding('port_unconnected', 'error', `The way out "${label.en}" leads nowhere: connect it (to a goal if customers should just leave).`, `Выход «${label.ru}» никуда не ведёт: подключите его (к цели, если клиентам нужно просто выйти).`, { nodeId: node.id, port: port.id }));
    } else if (count > 1) {
      findings.push(finding('port_multiple_edges', 'error', `The way out "${label.en}" leads to ${count} nodes; a way out leads to one (divide customers with a split).`, `Выход «${label.ru}» ведёт в ${count} узла; выход ведёт в один узел (делите клиентов сплитом).`, { nodeId: node.id, port: port.id }));
    }
  }
  return findings;
}

function successors(id: string, index: GraphIndex): string[] {
  return (index.outgoing.get(id) ?? []).map((edge) => edge.target).filter((target) => index.nodeById.has(target));
}

function reachableFrom(triggers: readonly ChainNode[], index: GraphIndex): Set<string> {
  const seen = new Set(triggers.map((trigger) => trigger.id));
  const queue = [...seen];
  while (queue.length) {
    for (const next of successors(queue.pop()!, index)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

function cycleFindings(chain: Chain, index: GraphIndex): ChainFinding[] {
  const order = new Map(chain.nodes.map((node, position) => [node.id, position]));
  const findings: ChainFinding[] = [];
  for (const component of stronglyConnectedComponents(index.nodeById.keys(), (id) => successors(id, index))) {
    const isLoop = component.length > 1 || successors(component[0]!, index).includes(component[0]!);
    if (!isLoop || component.some((id) => index.nodeById.get(id)?.kind === 'timer')) continue;
    const members = [...component].sort((a, b) => order.get(a)! - order.get(b)!);
    const path = members.join(' → ');
    findings.push(
      finding('cycle_without_timer', 'error', `These nodes loop without a timer (${path}): customers would go round forever at one moment. Put a timer in the loop.`, `Эти узлы образуют петлю без таймера (${path}): клиенты крутились бы в ней бесконечно в один миг. Добавьте в петлю таймер.`, { nodeId: members[0]! }),
    );
  }
  return findings;
}
