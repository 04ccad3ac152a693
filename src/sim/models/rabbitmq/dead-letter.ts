import type { Message } from '../../engine/message';

/** Why a queue dead-letters a message: RabbitMQ's `x-death` reasons (RMQ/dlx). */
export type DeathReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';

/** One entry of a message's dead-letter history, as RabbitMQ's `x-death` header keeps it: per (queue, reason). */
export interface Death {
  queue: string;
  reason: DeathReason;
  count: number;
}

/**
 * The message's `meta` after dying in `queue`: the `x-death` history updated (the entry for this
 * queue and reason counted up and moved first), the per-message expiry removed so it cannot expire
 * again downstream (kept as `originalExpirationMs`), and the deliveries so far remembered so the
 * next queue counts its own (RMQ/dlx).
 */
export function deathMeta(msg: Message, queue: string, reason: DeathReason, routingKey: string | undefined): Record<string, unknown> {
  const { expirationMs, expiresAt: _stale, ...rest } = msg.meta ?? {};
  const before = (rest.deaths as readonly Death[] | undefined) ?? [];
  const same = before.find((d) => d.queue === queue && d.reason === reason);
  const deaths: Death[] = [{ queue, reason, count: (same?.count ?? 0) + 1 }, ...before.filter((d) => d !== same)];
  const meta: Record<string, unknown> = { ...rest, deaths, deathReason: reason, deathQueue: queue, deliveryBase: msg.deliveries };
  if (expirationMs !== undefined) meta.originalExpirationMs = expirationMs;
  if (routingKey !== undefined) meta.routingKey = routingKey;
  return meta;
}

/**
 * Whether a dead letter arriving at `queue` has come round in a cycle: it already died in that
 * queue and was never rejected on the way. RabbitMQ drops such a message (RMQ/dlx); a rejection
 * in the loop (the delayed-retry pattern) keeps it going.
 */
export function isDeadLetterCycle(msg: Message, queue: string): boolean {
  const deaths = msg.meta?.deaths as readonly Death[] | undefined;
  if (!deaths) return false;
  let here = false;
  for (const d of deaths) {
    if (d.reason === 'rejected') return false;
    if (d.queue === queue) here = true;
  }
  return here;
}
