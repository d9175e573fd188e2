import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from './domain/graphCycles';

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

/** Strongly connected components with more than one module, i.e. the cycles. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  return stronglyConnectedComponents(graph.keys(), (module) => (graph.get(module) ?? []).filter((next) => graph.has(next))).filter((component) => component.length > 1);
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
