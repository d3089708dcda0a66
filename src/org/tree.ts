// The unit tree held in memory: a district has ~100 units, and every authorisation check walks it.
import type { Unit } from './schema.ts';

export class UnitTree {
  private readonly byId = new Map<number, Unit>();
  private readonly bySlug = new Map<string, Unit>();
  private readonly childrenOf = new Map<number | null, Unit[]>();

  constructor(units: readonly Unit[]) {
    for (const unit of units) {
      this.byId.set(unit.id, unit);
      this.bySlug.set(unit.slug, unit);
    }
    for (const unit of units) {
      const key = unit.parentId !== null && this.byId.has(unit.parentId) ? unit.parentId : null;
      const list = this.childrenOf.get(key) ?? [];
      list.push(unit);
      this.childrenOf.set(key, list);
    }
    for (const list of this.childrenOf.values()) list.sort(compareUnits);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): Unit | undefined {
    return this.byId.get(id);
  }

  getBySlug(slug: string): Unit | undefined {
    return this.bySlug.get(slug);
  }

  /** Units without a parent (normally the one district). */
  roots(): Unit[] {
    return this.childrenOf.get(null) ?? [];
  }

  children(id: number): Unit[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** The unit and its ancestors, nearest first. */
  lineage(id: number): Unit[] {
    const out: Unit[] = [];
    const seen = new Set<number>();
    for (let cur = this.byId.get(id); cur && !seen.has(cur.id); cur = cur.parentId === null ? undefined : this.byId.get(cur.parentId)) {
      seen.add(cur.id);
      out.push(cur);
    }
    return out;
  }

  /** True when `id` is `ancestorId` or lies below it. */
  isWithin(id: number, ancestorId: number): boolean {
    return this.lineage(id).some((u) => u.id === ancestorId);
  }

  /** The unit and everything below it, depth-first in display order. */
  subtree(id: number): Unit[] {
    const root = this.byId.get(id);
    if (!root) return [];
    const out: Unit[] = [];
    const walk = (unit: Unit) => {
      out.push(unit);
      for (const child of this.children(unit.id)) walk(child);
    };
    walk(root);
    return out;
  }

  /** Every unit, depth-first from the roots, with its depth (for indented lists). */
  flatten(): Array<{ unit: Unit; depth: number }> {
    const out: Array<{ unit: Unit; depth: number }> = [];
    const walk = (unit: Unit, depth: number) => {
      out.push({ unit, depth });
      for (const child of this.children(unit.id)) walk(child, depth + 1);
    };
    for (const root of this.roots()) walk(root, 0);
    return out;
  }

  all(): Unit[] {
    return [...this.byId.values()];
  }
}

function compareUnits(a: Unit, b: Unit): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi', { numeric: true });
}
