import type { Scenario } from '../sim/engine/scenario';

/** A variant of a scenario: a copy of one system, drawn in its own labelled box. */
export interface Variant {
  /** Its nodes, in scenario order; the first names the box. */
  nodes: string[];
}

/**
 * The variants of a scenario that runs the same system side by side (the cascade "without"
 * and "with protection"): once the shared producers are set aside, the connected groups of
 * nodes that have the same kinds. Empty when the scenario has no such copies.
 */
export function findVariants(scenario: Scenario): Variant[] {
  const producers = new Set(scenario.nodes.filter((n) => n.kind === 'producer').map((n) => n.id));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const n of scenario.nodes) if (!producers.has(n.id)) parent.set(n.id, n.id);
  for (const l of scenario.links) {
    if (producers.has(l.from) || producers.has(l.to)) continue;
    parent.set(find(l.from), find(l.to));
  }
  const groups = new Map<string, string[]>();
  for (const n of scenario.nodes) {
    if (producers.has(n.id)) continue;
    const r = find(n.id);
    groups.set(r, [...(groups.get(r) ?? []), n.id]);
  }
  const out = [...groups.values()].filter((g) => g.length >= 2);
  if (out.length < 2) return [];
  const kindOf = new Map(scenario.nodes.map((n) => [n.id, n.kind]));
  const shape = (g: string[]) => g.map((id) => kindOf.get(id)).sort().join(',');
  if (new Set(out.map(shape)).size !== 1) return [];
  return out.map((nodes) => ({ nodes }));
}
