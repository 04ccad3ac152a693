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

/** A Kafka consumer group with two or more members, drawn as one box. */
export interface GroupBox {
  group: string;
  nodes: string[];
}

/** The consumer groups of the scenario's Kafka topics that have at least two members. */
export function findConsumerGroups(scenario: Scenario): GroupBox[] {
  const topics = new Set(scenario.nodes.filter((n) => n.kind === 'topic').map((n) => n.id));
  const groups = new Map<string, string[]>();
  for (const l of scenario.links) {
    if (!topics.has(l.from) || !l.group) continue;
    const key = `${l.from}\u0000${l.group}`;
    groups.set(key, [...(groups.get(key) ?? []), l.to]);
  }
  return [...groups].filter(([, nodes]) => nodes.length >= 2).map(([key, nodes]) => ({ group: key.split('\u0000')[1]!, nodes }));
}
