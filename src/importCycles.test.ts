import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No import cycles anywhere in src/ (type-only imports count too: a cycle of types is a cycle
 * of modules that cannot be understood one at a time). ESLint's import/no-cycle would do the
 * same at many times the cost of this static walk over the relative imports.
 */
const SRC = dirname(new URL(import.meta.url).pathname);
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base].find((path) => existsSync(path) && statSync(path).isFile());
}

export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const imports = [...readFileSync(file, 'utf8').matchAll(IMPORT)].flatMap((match) => resolveImport(file, match[1]!) ?? []);
    graph.set(file, imports);
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan), i.e. the cycles. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  function visit(module: string): void {
    order.set(module, counter);
    low.set(module, counter++);
    stack.push(module);
    onStack.add(module);
    for (const next of graph.get(module) ?? []) {
      if (!graph.has(next)) continue;
      if (!order.has(next)) {
        visit(next);
        low.set(module, Math.min(low.get(module)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(module, Math.min(low.get(module)!, order.get(next)!));
    }
    if (low.get(module) !== order.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== module);
    if (component.length > 1) cycles.push(component);
  }
  for (const module of graph.keys()) if (!order.has(module)) visit(module);
  return cycles;
}

describe('import graph', () => {
  it('finds a cycle when there is one', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(importCycles(graph).map((cycle) => cycle.sort())).toEqual([['a', 'b', 'c']]);
    expect(importCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('reads import, export-from and type-only imports across lines', () => {
    const graph = importGraph([join(SRC, 'domain/rfm/segmentMaps.ts'), join(SRC, 'domain/index.ts')]);
    expect(graph.get(join(SRC, 'domain/rfm/segmentMaps.ts'))).toContain(join(SRC, 'domain/rfm/segmentTypes.ts'));
    expect(graph.get(join(SRC, 'domain/index.ts'))).toContain(join(SRC, 'domain/import/index.ts'));
  });

  it('has no cycle in src/', () => {
    const cycles = importCycles(importGraph(sourceFiles(SRC)));
    expect(cycles.map((cycle) => cycle.map((file) => relative(SRC, file)).sort())).toEqual([]);
  });
});
