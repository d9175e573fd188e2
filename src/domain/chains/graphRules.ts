import { finding, type ChainFinding } from './findings';
import { buildChainGraph, type ChainGraph } from './graph';
import { hasInput, outPorts } from './nodes/registry';
import type { PortSpec } from './ports';
import type { Chain, ChainEdge, ChainNode } from './types';

/**
 * The graph rules of the validator: a trigger exists; edges connect existing nodes by existing
 * ports and never lead into a trigger; every out-port has exactly one edge (a node with none is a
 * dead end, unless it is a goal); every node is reachable from a trigger; every cycle holds a
 * timer (else customers would loop forever at one instant).
 */
export function graphFindings(chain: Chain): ChainFinding[] {
  const graph = buildChainGraph(chain);
  const findings: ChainFinding[] = [];
  if (!graph.triggers.length) {
    findings.push(finding('no_trigger', 'error', 'The chain has no trigger: add one to say who enters and when.', 'В цепочке нет триггера: добавьте его, чтобы задать, кто и когда входит.'));
  }
  findings.push(...duplicateIds(chain), ...edgeFindings(chain, graph));
  const reachable = reachableFrom(graph);
  for (const node of chain.nodes) {
    findings.push(...portFindings(node, graph));
    if (node.kind !== 'trigger' && !reachable.has(node.id)) {
      findings.push(finding('unreachable', 'warning', 'No trigger leads here: this node never runs.', 'Сюда не ведёт ни один триггер: этот узел никогда не сработает.', { nodeId: node.id }));
    }
  }
  findings.push(...cycleFindings(chain, graph));
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

function edgeFindings(chain: Chain, graph: ChainGraph): ChainFinding[] {
  const findings: ChainFinding[] = [];
  for (const edge of chain.edges) {
    const source = graph.node(edge.source);
    const target = graph.node(edge.target);
    if (!source || !target) {
      const missing = source ? edge.target : edge.source;
      findings.push(finding('edge_dangling', 'error', `A connection leads from or to "${missing}", which is not in the chain.`, `Связь ведёт из узла или в узел «${missing}», которого нет в цепочке.`, { edgeId: edge.id, ...(source ? { nodeId: source.id } : {}) }));
      continue;
    }
    if (!outPorts(source).some((port) => port.id === edge.sourcePort)) {
      findings.push(finding('edge_bad_port', 'error', `A connection leaves by "${edge.sourcePort}", a way out this node does not have.`, `Связь выходит через «${edge.sourcePort}», а такого выхода у узла нет.`, { nodeId: source.id, edgeId: edge.id, port: edge.sourcePort }));
    }
    if (!hasInput(target.kind)) {
      findings.push(finding('edge_into_trigger', 'error', 'Nothing can lead into a trigger: customers enter the chain there.', 'В триггер ничего не может вести: через него клиенты входят в цепочку.', { nodeId: target.id, edgeId: edge.id }));
    }
  }
  return findings;
}

function portFindings(node: ChainNode, graph: ChainGraph): ChainFinding[] {
  const ports = outPorts(node);
  if (!ports.length) return [];
  const edges = graph.outgoing(node.id);
  const byPort = (port: PortSpec): ChainEdge[] => edges.filter((edge) => edge.sourcePort === port.id);
  if (!ports.some((port) => byPort(port).length)) {
    return [finding('dead_end', 'error', 'Customers stop here: connect the way out, or end the path with a goal.', 'Здесь клиенты застревают: подключите выход или завершите путь целью.', { nodeId: node.id })];
  }
  const findings: ChainFinding[] = [];
  for (const port of ports) {
    const count = byPort(port).length;
    const label = port.label;
    if (count === 0) {
      findings.push(finding('port_unconnected', 'error', `The way out "${label.en}" leads nowhere: connect it (to a goal if customers should just leave).`, `Выход «${label.ru}» никуда не ведёт: подключите его (к цели, если клиентам нужно просто выйти).`, { nodeId: node.id, port: port.id }));
    } else if (count > 1) {
      findings.push(finding('port_multiple_edges', 'error', `The way out "${label.en}" leads to ${count} nodes; a way out leads to one (divide customers with a split).`, `Выход «${label.ru}» ведёт в ${count} узла; выход ведёт в один узел (делите клиентов сплитом).`, { nodeId: node.id, port: port.id }));
    }
  }
  return findings;
}

function reachableFrom(graph: ChainGraph): Set<string> {
  const seen = new Set<string>();
  const queue = graph.triggers.map((trigger) => trigger.id);
  for (const id of queue) seen.add(id);
  while (queue.length) {
    const id = queue.pop()!;
    for (const edge of graph.outgoing(id)) {
      if (seen.has(edge.target) || !graph.node(edge.target)) continue;
      seen.add(edge.target);
      queue.push(edge.target);
    }
  }
  return seen;
}

/** Strongly connected components (Tarjan, iterative: chains of thousands of nodes must not overflow the stack). */
export function stronglyConnected(nodes: readonly ChainNode[], graph: ChainGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root.id)) continue;
    const work: { id: string; edge: number }[] = [{ id: root.id, edge: 0 }];
    index.set(root.id, counter);
    low.set(root.id, counter++);
    stack.push(root.id);
    onStack.add(root.id);
    while (work.length) {
      const frame = work.at(-1)!;
      const edges = graph.outgoing(frame.id);
      if (frame.edge < edges.length) {
        const next = edges[frame.edge++]!.target;
        if (!graph.node(next)) continue;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ id: next, edge: 0 });
        } else if (onStack.has(next)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      components.push(component);
    }
  }
  return components;
}

function cycleFindings(chain: Chain, graph: ChainGraph): ChainFinding[] {
  const order = new Map(chain.nodes.map((node, position) => [node.id, position]));
  const findings: ChainFinding[] = [];
  for (const component of stronglyConnected(chain.nodes, graph)) {
    const isLoop = component.length > 1 || graph.outgoing(component[0]!).some((edge) => edge.target === component[0]);
    if (!isLoop || component.some((id) => graph.node(id)?.kind === 'timer')) continue;
    const members = [...component].sort((a, b) => order.get(a)! - order.get(b)!);
    const path = members.join(' → ');
    findings.push(
      finding('cycle_without_timer', 'error', `These nodes loop without a timer (${path}): customers would go round forever at one moment. Put a timer in the loop.`, `Эти узлы образуют петлю без таймера (${path}): клиенты крутились бы в ней бесконечно в один миг. Добавьте в петлю таймер.`, { nodeId: members[0]! }),
    );
  }
  return findings;
}
