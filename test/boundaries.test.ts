// The boundaries of docs/ARCHITECTURE.md, checked on the real import graph of src/ and packages/text-vi/, and
// each rule seen to fail on a small made-up graph.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, readGraph, resolve, type Import, type ImportKind } from './boundaries/graph.ts';
import { checkBoundaries, cycles, measure, type Rule } from './boundaries/rules.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the code keeps its boundaries', () => {
  const graph = readGraph(ROOT, ['src', 'packages/text-vi']);

  it('reads the whole tree', () => {
    expect(new Set(graph.map((i) => i.from)).size).toBeGreaterThan(300);
    expect(graph.some((i) => i.kind === 'dynamic')).toBe(true);
    expect(graph.some((i) => i.kind === 'type')).toBe(true);
  });

  it('breaks no rule', () => {
    expect(checkBoundaries(graph).map((v) => `${v.rule}: ${v.message}`)).toEqual([]);
  });

  it('has no import cycle between features, and none across folders', () => {
    const m = measure(graph);
    expect(m.featureCycles).toEqual([]);
    expect(m.featureImportsBypassingFace).toBe(0);
  });
});

describe('reading imports', () => {
  it('sees static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import { type C } from './c.ts';",
      "export { d } from './d.ts';",
      "export type { E } from './e.ts';",
      "const f = await import('./f.ts');",
      "type G = import('./g.ts').G;",
      "import 'node:fs';",
    ].join('\n');
    const found = importsOf('src/x/y.ts', text).map((i) => `${i.kind} ${i.specifier}`);
    expect(found).toEqual(['static ./a.ts', 'type ./b.ts', 'type ./c.ts', 'static ./d.ts', 'type ./e.ts', 'dynamic ./f.ts', 'type ./g.ts', 'static node:fs']);
  });

  it('resolves relative specifiers against the importing file', () => {
    expect(resolve('src/cases/public/routes.tsx', '../../web/ui.tsx')).toBe('src/web/ui.tsx');
    expect(resolve('src/cases/x.ts', '@nhipcau/text-vi')).toBeNull();
  });
});

/** A made-up graph: 'from -> to' lines, with an optional kind ("from -> to dynamic"). */
function graphOf(...edges: string[]): Import[] {
  return edges.map((line) => {
    const [from, , target, kind] = line.split(' ') as [string, string, string, ImportKind?];
    const to = target.startsWith('src/') || target.startsWith('packages/') ? target : null;
    return { from, to, specifier: to ?? target, kind: kind ?? 'static' };
  });
}
const rulesBroken = (...edges: string[]): Rule[] => [...new Set(checkBoundaries(graphOf(...edges)).map((v) => v.rule))].sort();

describe('each rule fails when broken', () => {
  it('passes a graph that keeps every rule', () => {
    expect(
      rulesBroken(
        'src/cases/cases.ts -> src/org/index.ts',
        'src/org/index.ts -> src/org/tree.ts',
        'src/cases/routes.tsx -> src/web/ui.tsx',
        'src/cases/routes.tsx -> src/cases/cases.ts',
        'src/cases/module.ts -> src/cases/routes.tsx',
        'src/app/modules.ts -> src/cases/module.ts',
        'src/cases/schema.ts -> src/org/schema.ts',
        'src/db/schema.ts -> src/cases/schema.ts',
        'src/i18n/catalog.ts -> src/cases/messages.ts',
        'src/cases/public/site.ts -> src/sites/web.ts',
        'src/sites/web.ts -> src/sites/public/chrome.tsx',
        'src/sites/public/chrome.tsx -> src/web/public-layout.tsx',
        'packages/text-vi/src/a.ts -> packages/text-vi/src/b.ts',
        'packages/text-vi/src/a.ts -> node:fs',
        'src/listening/analyzer.ts -> @nhipcau/text-vi',
      ),
    ).toEqual([]);
  });

  it('text-vi: the text core imports nothing outside itself', () => {
    expect(rulesBroken('packages/text-vi/src/a.ts -> src/core/time.ts')).toEqual(['text-vi']);
    expect(rulesBroken('packages/text-vi/src/a.ts -> zod')).toEqual(['text-vi']);
    expect(rulesBroken('packages/text-vi/cli/main.ts -> @nhipcau/app')).toEqual(['text-vi']);
    expect(rulesBroken('src/listening/analyzer.ts -> packages/text-vi/src/node.ts')).toEqual(['text-vi']);
  });

  it('face: a feature reaches another only through its index.ts (or web.ts)', () => {
    expect(rulesBroken('src/brief/data.ts -> src/cases/stats.ts')).toEqual(['face']);
    expect(rulesBroken('src/cases/listening.ts -> src/listening/schema.ts')).toEqual(['face']);
    expect(rulesBroken('src/web/home.tsx -> src/cases/home.tsx')).toEqual(['face']);
    expect(rulesBroken('src/cli/commands/x.ts -> src/cases/module.ts')).toEqual(['face']);
  });

  it('web: no face, job or shared base leads to src/web/, however far', () => {
    expect(rulesBroken('src/cases/jobs.ts -> src/web/ui.tsx')).toEqual(['web']);
    expect(rulesBroken('src/cases/jobs.ts -> src/cases/cases.ts', 'src/cases/cases.ts -> src/web/errors.ts')).toEqual(['web']);
    expect(rulesBroken('src/sites/index.ts -> src/sites/public/site-for.ts', 'src/sites/public/site-for.ts -> src/web/public-layout.tsx type')).toEqual(['web']);
    expect(rulesBroken('src/core/time.ts -> src/web/ui.tsx')).toEqual(['web']);
    expect(rulesBroken('src/cases/zalo.ts -> src/sites/web.ts', 'src/cases/jobs.ts -> src/cases/zalo.ts', 'src/sites/web.ts -> src/web/x.ts')).toEqual(['web']);
  });

  it('feature-cycle: features do not import each other, whatever the kind of import', () => {
    for (const kind of ['static', 'type', 'dynamic']) {
      expect(rulesBroken('src/cases/a.ts -> src/listening/index.ts', `src/listening/b.ts -> src/cases/index.ts ${kind}`)).toEqual(['feature-cycle']);
    }
    expect(rulesBroken('src/a/x.ts -> src/b/index.ts', 'src/b/x.ts -> src/c/index.ts', 'src/c/x.ts -> src/a/index.ts')).toEqual(['feature-cycle']);
    // Tables referring to each other's tables do not order the features' code.
    expect(rulesBroken('src/audit/schema.ts -> src/auth/schema.ts', 'src/auth/users.ts -> src/audit/index.ts')).toEqual([]);
  });

  it('file-cycle: no loop of files across folders, even through a dynamic import', () => {
    expect(rulesBroken('src/app/context.ts -> src/app/jobs.ts dynamic', 'src/app/jobs.ts -> src/cases/jobs.ts', 'src/cases/jobs.ts -> src/app/context.ts type')).toEqual(['face', 'file-cycle']);
    expect(rulesBroken('src/db/a.ts -> src/db/b.ts', 'src/db/b.ts -> src/db/a.ts')).toEqual([]);
  });

  it('finds every cycle of a graph, largest first', () => {
    const g = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a', 'c'])],
      ['c', new Set(['d'])],
      ['d', new Set(['e'])],
      ['e', new Set(['c'])],
    ]);
    expect(cycles(g)).toEqual([
      ['c', 'd', 'e'],
      ['a', 'b'],
    ]);
  });
});
