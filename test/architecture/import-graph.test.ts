import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers, lowest first: a module may import its own layer or a lower one, never a higher one.
 * A path matches the first rule whose prefix it starts with; docs/architecture.md draws the picture.
 */
const LAYERS: { name: string; prefixes: string[] }[] = [
  { name: 'util', prefixes: ['src/util/', 'src/types/', 'src/config.ts', 'src/log.ts'] },
  { name: 'corpus', prefixes: ['src/corpus/'] },
  { name: 'passages', prefixes: ['src/passages/'] },
  { name: 'index', prefixes: ['src/search/'] },
  { name: 'question', prefixes: ['src/question/', 'src/statements/'] },
  { name: 'answer', prefixes: ['src/answer/'] },
  { name: 'store', prefixes: ['src/store/'] },
  { name: 'curation', prefixes: ['src/curation/'] },
  { name: 'live', prefixes: ['src/live/'] },
  { name: 'interface', prefixes: ['src/discord/', 'src/cli/', 'src/ops/'] },
  { name: 'commands', prefixes: ['commands/'] },
  { name: 'entry', prefixes: ['src/main.ts', 'src/sharded.ts', 'src/startup.ts', 'src/library.ts'] },
];

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...sourceFiles(relative));
    else if (entry.name.endsWith('.ts')) found.push(relative);
  }
  return found;
}

/** The project files a file imports (static, type-only and dynamic imports, and re-exports). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)))
    .filter((target) => target.endsWith('.ts'));
}

function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.prefixes.some((prefix) => file.startsWith(prefix)));
}

const files = [...sourceFiles('src'), ...sourceFiles('commands')];
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** The cycles of the graph, each as the path of files that closes it (one per strongly connected part). */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe('the import graph', () => {
  it('places every source file in a layer', () => {
    expect(files.filter((file) => layerOf(file) < 0)).toEqual([]);
  });

  it('has only imports that point down or sideways within a layer', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const from = layerOf(file);
        const to = layerOf(target);
        if (to > from) upward.push(`${file} (${LAYERS[from]?.name}) -> ${target} (${LAYERS[to]?.name})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles().map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('reads the imports it checks: every one resolves to a source file', () => {
    expect(graph.get('src/corpus/events.ts')).toContain('src/corpus/schema.ts');
    const unresolved = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => !graph.has(target)).map((target) => `${file} -> ${target}`),
    );
    expect(unresolved).toEqual([]);
  });
});
