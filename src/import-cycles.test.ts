// The house rule "no import cycles", checked over the modules as they run: every relative import or
// re-export of src/ that is not type-only (type-only ones are erased, and lint makes them say so).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test(-util)?\.ts$/.test(entry.name) ? [file] : [];
  });
}

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const statements = text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gms);
  return [...statements].map((m) => path.join(path.dirname(file), m[1]!));
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...trail.slice(trail.indexOf(next)), file, next]);
      else if (!state.has(next)) visit(next, [...trail, file]);
    }
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file, []);
  return found;
}

it('has no import cycles among the modules of src/', () => {
  const files = sourceFiles(root);
  const graph = new Map(files.map((f) => [f, runtimeImports(f).filter((d) => files.includes(d))]));
  // The check reads imports at all: most modules import another.
  expect([...graph.values()].filter((d) => d.length > 0).length).toBeGreaterThan(files.length / 2);
  const named = cycles(graph).map((c) => c.map((f) => path.relative(root, f)).join(' → '));
  expect(named).toEqual([]);
});
