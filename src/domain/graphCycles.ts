/**
 * Strongly connected components of a directed graph (Tarjan's algorithm, iterative so that a
 * graph of thousands of nodes cannot overflow the stack). Used for loops in chains and for import
 * cycles in the code base. Components come out in reverse topological order; a node alone in its
 * component is part of a cycle only if it has an edge to itself.
 */
export function stronglyConnectedComponents<T>(nodes: Iterable<T>, successors: (node: T) => Iterable<T>): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const components: T[][] = [];
  let counter = 0;
  const open = (node: T): { node: T; next: Iterator<T> } => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    return { node, next: successors(node)[Symbol.iterator]() };
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work = [open(root)];
    while (work.length) {
      const frame = work.at(-1)!;
      const step = frame.next.next();
      if (!step.done) {
        const next = step.value;
        if (!index.has(next)) work.push(open(next));
        else if (onStack.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: T[] = [];
      let member: T;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      components.push(component);
    }
  }
  return components;
}
