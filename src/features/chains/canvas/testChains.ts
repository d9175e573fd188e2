import fc from 'fast-check';
import { createChain, createNode, hasInput, NODE_KINDS, outPorts, type CanvasNote, type Chain, type ChainEdge, type NodeKind } from '../../../domain/chains';

/** Random valid chains for the editor's property tests: every kind, any links allowed between ports. */
export function chainArbitrary(maxNodes = 12): fc.Arbitrary<Chain> {
  const position = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) });
  const nodeSpec = fc.record({ kind: fc.constantFrom<NodeKind>(...NODE_KINDS), position, label: fc.string({ maxLength: 12 }) });
  const note = fc.record({ text: fc.string({ maxLength: 30 }), position, width: fc.integer({ min: 80, max: 400 }), height: fc.integer({ min: 60, max: 300 }) });
  return fc
    .record({ specs: fc.array(nodeSpec, { maxLength: maxNodes }), notes: fc.array(note, { maxLength: 3 }), picks: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }) })
    .map(({ specs, notes, picks }) => {
      const chain = createChain('c1', 'Random');
      chain.nodes = specs.map((spec, index) => ({ ...createNode(spec.kind, `n${index + 1}`, spec.position), label: spec.label }));
      const targets = chain.nodes.filter((node) => hasInput(node.kind));
      const edges: ChainEdge[] = [];
      let pick = 0;
      for (const node of chain.nodes) {
        for (const port of outPorts(node)) {
          const choice = picks[pick++ % picks.length]!;
          if (!targets.length || choice % 3 === 0) continue;
          const target = targets[choice % targets.length]!;
          edges.push({ id: `e${edges.length + 1}`, source: node.id, sourcePort: port.id, target: target.id });
        }
      }
      chain.edges = edges;
      chain.notes = notes.map((item, index): CanvasNote => ({ id: `note${index + 1}`, ...item }));
      return chain;
    });
}
