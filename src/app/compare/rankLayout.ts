/** A node placed by rank: its column (distance from the producer) and its row within it. */
export interface Placed {
  id: string;
  rank: number;
  row: number;
}

/**
 * Ranks follow the flow: a node's rank is the longest path to it from the sources, and
 * siblings keep the order they are written in. Enough for a comparison's small diagrams (a
 * producer, at most two hops of brokers, the consumers), and deterministic, so every column of
 * a comparison draws the shared producer and consumers in the same places.
 */
export function rankLayout(ids: readonly string[], links: readonly { from: string; to: string }[]): { placed: Placed[]; ranks: number; rows: number } {
  const rank = new Map(ids.map((id) => [id, 0]));
  // Longest-path ranking; a cycle cannot push a rank past the node count.
  for (let pass = 0; pass < ids.length; pass++) {
    let changed = false;
    for (const l of links) {
      const next = (rank.get(l.from) ?? 0) + 1;
      if (next > (rank.get(l.to) ?? 0) && next < ids.length) {
        rank.set(l.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const rows = new Map<number, number>();
  const placed = ids.map((id) => {
    const r = rank.get(id)!;
    const row = rows.get(r) ?? 0;
    rows.set(r, row + 1);
    return { id, rank: r, row };
  });
  return { placed, ranks: Math.max(0, ...placed.map((p) => p.rank)) + 1, rows: Math.max(1, ...rows.values()) };
}
