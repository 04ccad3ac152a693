import type { Member } from './member';

/** The owner of each of `parts` partitions among `live` members (sorted by id), by Kafka's range or round-robin assignor. */
export function assignPartitions(live: readonly Member[], parts: number, assignor: 'range' | 'roundrobin'): (Member | undefined)[] {
  const n = live.length;
  const owners: (Member | undefined)[] = [];
  for (let p = 0; p < parts; p++) {
    if (n === 0) owners.push(undefined);
    else owners.push(assignor === 'roundrobin' ? live[p % n] : live[rangeOwner(p, parts, n)]);
  }
  return owners;
}

/**
 * Kafka's RangeAssignor for one topic: members sorted by id, each gets `parts / n` consecutive
 * partitions and the first `parts % n` members one more. Returns the index of `p`'s owner.
 */
export function rangeOwner(p: number, parts: number, n: number): number {
  const per = Math.floor(parts / n);
  const extra = parts % n;
  // The first `extra` members hold per + 1 partitions each.
  const cut = extra * (per + 1);
  return p < cut ? Math.floor(p / (per + 1)) : extra + Math.floor((p - cut) / per);
}
