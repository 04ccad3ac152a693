import type { TraceEvent } from '../sim/engine/trace';
import { messageOf } from './logKinds';
import type { MessageLife } from './messageLife';

/** A message copy waiting in a node's buffer: its publication (`root`), its own id, since when. */
export interface Waiting {
  root: number;
  id: number;
  t: number;
}

const BUFFERED = new Set<TraceEvent['type']>(['message.enqueued', 'message.requeued']);

/**
 * The messages waiting in `node` now, the oldest first (the head of a FIFO queue): every copy
 * whose latest step is being enqueued (or requeued) there. Only messages whose life is still
 * held (the last LIFE_MESSAGES publications) can be found.
 */
export function waitingAt(node: string, lives: Iterable<MessageLife>): Waiting[] {
  const out: Waiting[] = [];
  for (const life of lives) {
    const last = new Map<number, TraceEvent>();
    for (const step of life.steps) {
      const ref = messageOf(step);
      if (ref) last.set(ref.id, step);
    }
    for (const [id, step] of last) {
      if (BUFFERED.has(step.type) && (step as { node?: string }).node === node) out.push({ root: life.root, id, t: step.t });
    }
  }
  return out.sort((a, b) => a.t - b.t || a.id - b.id);
}
