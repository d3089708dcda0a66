// The boundary rules of docs/ARCHITECTURE.md, checked on an import graph (see graph.ts). Pure: the test runs them
// on the real tree and on small made-up graphs, so that each rule is seen to fail.
import type { Import } from './graph.ts';

/** Folders of src/ that are not features: the base every feature may use, the HTTP layer and the composition root. */
export const PLATFORM = new Set(['app', 'cli', 'config', 'core', 'db', 'demo', 'i18n', 'web']);
/** Platform folders that nothing may lead to src/web/ from. (app and cli are entry points above the web layer.) */
const BELOW_WEB = new Set(['config', 'core', 'db', 'demo', 'i18n']);

const TEXT_VI = 'packages/text-vi/';

export type Rule = 'text-vi' | 'face' | 'web' | 'feature-cycle' | 'file-cycle';

export interface Violation {
  rule: Rule;
  message: string;
}

/** 'text-vi', the top folder of a file under src/ ('cases', 'web'…), or null outside both. */
export function areaOf(file: string): string | null {
  if (file.startsWith(TEXT_VI)) return 'text-vi';
  const parts = file.split('/');
  if (parts[0] === 'src' && parts.length > 2) return parts[1]!;
  return null;
}

export function isFeature(area: string | null): area is string {
  return area !== null && area !== 'text-vi' && !PLATFORM.has(area);
}

export const isTest = (file: string): boolean => /\.test\.tsx?$/.test(file) || file.includes('/test/') || file.startsWith('test/');

const basename = (file: string): string => file.slice(file.lastIndexOf('/') + 1);

/** One table referring to another (a foreign key): the tables of all features are one layer, below all feature code. */
const isTableLink = (from: string, to: string): boolean => basename(from) === 'schema.ts' && basename(to) === 'schema.ts';

/**
 * May `from` import the file `to` of another feature? Only through its face (index.ts) or its web face (web.ts: what its
 * pages lend to other features' pages; the web rule keeps it out of domain code), save the lists that assemble features.
 */
export function throughFace(from: string, to: string): boolean {
  const feature = areaOf(to)!;
  if (to === `src/${feature}/index.ts` || to === `src/${feature}/web.ts`) return true; // the face, and the web face
  if (areaOf(from) === 'app' && to === `src/${feature}/module.ts`) return true; // the composition root plugs features in
  if (isTableLink(from, to)) return true; // tables: foreign keys, and db/schema.ts lists them all
  if (from === 'src/i18n/catalog.ts' && basename(to) === 'messages.ts') return true; // every message, for the catalog
  return false;
}

export function checkBoundaries(imports: Import[]): Violation[] {
  const code = imports.filter((i) => !isTest(i.from));
  return [...checkTextVi(imports), ...checkFaces(code), ...checkWeb(code), ...checkFeatureCycles(code), ...checkFileCycles(code)];
}

function checkTextVi(imports: Import[]): Violation[] {
  const out: Violation[] = [];
  for (const i of imports) {
    const inside = i.from.startsWith(TEXT_VI);
    if (!inside) {
      if (i.to?.startsWith(TEXT_VI)) out.push({ rule: 'text-vi', message: `${i.from} reaches into ${i.to}: import '@nhipcau/text-vi' instead` });
      continue;
    }
    if (i.to !== null && !i.to.startsWith(TEXT_VI)) out.push({ rule: 'text-vi', message: `${i.from} imports ${i.to}, outside the text core` });
    else if (i.to === null && i.specifier.startsWith('@nhipcau/') && !i.specifier.startsWith('@nhipcau/text-vi')) out.push({ rule: 'text-vi', message: `${i.from} imports ${i.specifier}` });
    else if (i.to === null && i.from.startsWith(`${TEXT_VI}src/`) && !isTest(i.from) && !i.specifier.startsWith('node:')) {
      out.push({ rule: 'text-vi', message: `${i.from} imports the package ${i.specifier}: the text core depends on nothing but Node` });
    }
  }
  return out;
}

function checkFaces(imports: Import[]): Violation[] {
  const out: Violation[] = [];
  for (const i of imports) {
    if (i.to === null) continue;
    const from = areaOf(i.from);
    const to = areaOf(i.to);
    if (from === 'text-vi' || !isFeature(to) || from === to) continue;
    if (!throughFace(i.from, i.to)) out.push({ rule: 'face', message: `${i.from} imports ${i.to}: go through src/${to}/index.ts (or web.ts)` });
  }
  return out;
}

/** The files that may not lead to src/web/: the base, every feature's face and every feature's jobs. */
export function belowWeb(file: string): boolean {
  const area = areaOf(file);
  if (area === 'text-vi' || (area !== null && BELOW_WEB.has(area))) return true;
  if (!isFeature(area)) return false;
  return file === `src/${area}/index.ts` || basename(file) === 'jobs.ts';
}

function checkWeb(imports: Import[]): Violation[] {
  const edges = adjacency(imports);
  const out: Violation[] = [];
  const files = new Set(imports.map((i) => i.from));
  for (const start of [...files].sort()) {
    if (!belowWeb(start)) continue;
    const path = pathTo(edges, start, (f) => f.startsWith('src/web/'));
    if (path) out.push({ rule: 'web', message: `${start} leads to the web layer: ${path.join(' → ')}` });
  }
  return out;
}

/** Direct imports between features, every kind counted. */
export function featureGraph(imports: Import[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const i of imports) {
    if (i.to === null) continue;
    const from = areaOf(i.from);
    const to = areaOf(i.to);
    if (!isFeature(from) || !isFeature(to) || from === to) continue;
    if (isTableLink(i.from, i.to)) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  return graph;
}

function checkFeatureCycles(imports: Import[]): Violation[] {
  return cycles(featureGraph(imports)).map((c) => ({ rule: 'feature-cycle' as const, message: `features import each other: ${c.join(', ')}` }));
}

function checkFileCycles(imports: Import[]): Violation[] {
  return cycles(adjacency(imports))
    .filter((c) => new Set(c.map(areaOf)).size > 1)
    .map((c) => ({ rule: 'file-cycle' as const, message: `${c.length} files across ${[...new Set(c.map(areaOf))].join(', ')} import each other: ${c.join(', ')}` }));
}

export function adjacency(imports: Import[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const i of imports) {
    if (i.to === null) continue;
    if (!graph.has(i.from)) graph.set(i.from, new Set());
    graph.get(i.from)!.add(i.to);
  }
  return graph;
}

/** A shortest import path from start to a file that matches, or null. */
function pathTo(graph: Map<string, Set<string>>, start: string, goal: (file: string) => boolean): string[] | null {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    if (goal(file)) {
      const path = [file];
      for (let p = previous.get(file); p; p = previous.get(p)) path.unshift(p);
      return path;
    }
    for (const next of [...(graph.get(file) ?? [])].sort()) {
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

/** The strongly connected components of more than one node (Tarjan), each sorted, largest first. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) strong(v);
  return out.sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}

/** The figures the issue asks for: imports between features that bypass a face, feature cycles, file cycles. */
export function measure(imports: Import[]) {
  const code = imports.filter((i) => !isTest(i.from));
  const bypass = code.filter((i) => i.to !== null && isFeature(areaOf(i.from)) && isFeature(areaOf(i.to)) && areaOf(i.from) !== areaOf(i.to) && !throughFace(i.from, i.to));
  const fileCycles = cycles(adjacency(code));
  return {
    featureImportsBypassingFace: bypass.length,
    anyImportsBypassingFace: checkFaces(code).length,
    featureCycles: cycles(featureGraph(code)),
    fileCycles: fileCycles.map((c) => c.length),
    biggestFileCycle: fileCycles[0]?.length ?? 0,
  };
}
