import type { Scenario } from '../sim/engine/scenario';

/** Colours told apart for consumers that own Kafka partitions (then reused). */
export const OWNER_COLOURS = ['#2563eb', '#c2410c', '#0f766e', '#a21caf', '#4d7c0f', '#b91c1c', '#0369a1', '#7c2d12'];

/**
 * One colour per Kafka consumer, stable for the scenario: consumers are numbered in the order
 * of the topic's links, so "Billing 1" is always blue and "Billing 2" always orange, and a
 * partition changing owner on a rebalance visibly changes colour.
 */
export function ownerColours(scenario: Scenario | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!scenario) return out;
  const topics = new Set(scenario.nodes.filter((n) => n.kind === 'topic').map((n) => n.id));
  for (const l of scenario.links) {
    if (topics.has(l.from) && !out.has(l.to)) out.set(l.to, OWNER_COLOURS[out.size % OWNER_COLOURS.length]!);
  }
  return out;
}

/** Kafka group stats as the topic's live figures carry them (the fields the canvas draws). */
export interface GroupLive {
  assignment?: Record<string, number[]>;
  committed?: number[];
  position?: number[];
  lag?: number[];
  idle?: string[];
  down?: string[];
  rebalancing?: boolean;
  totalLag?: { now: number };
}

/** For partition `p` of a group, the member that owns it now, or undefined. */
export function ownerOf(g: GroupLive | undefined, p: number): string | undefined {
  if (!g?.assignment) return undefined;
  for (const [member, parts] of Object.entries(g.assignment)) if (parts.includes(p)) return member;
  return undefined;
}
