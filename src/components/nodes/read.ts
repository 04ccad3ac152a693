import type { NodeLive } from '../../store/slices/liveSlice';

/** A number field of a node's stats, or undefined when the model does not report it. */
export function num(live: NodeLive | undefined, key: string): number | undefined {
  const v = live?.[key];
  return typeof v === 'number' ? v : undefined;
}

/** A record field (`{ name: value }`) of a node's stats, or undefined. */
export function rec<V = unknown>(live: NodeLive | undefined, key: string): Record<string, V> | undefined {
  const v = live?.[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, V>) : undefined;
}

/** The sum of a number field, or of the numbers in a record field (`failed: { timeout: 2, http: 1 }` → 3). */
export function total(live: NodeLive | undefined, key: string): number | undefined {
  const v = live?.[key];
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object') return Object.values(v).reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0);
  return undefined;
}
