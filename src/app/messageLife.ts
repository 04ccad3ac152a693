import type { TraceEvent } from '../sim/engine/trace';
import { messageOf } from './logKinds';

/** Messages (by root) whose life is kept by default; the oldest published is forgotten first. */
export const LIFE_MESSAGES = 1000;
/** Steps kept per message (all its copies together); later steps are counted, not kept. */
export const LIFE_STEPS = 64;

/** The life of one published message and all its copies (a fan-out makes several), in trace order. */
export interface MessageLife {
  readonly root: number;
  /** The business event or request name. */
  readonly type: string;
  /** Every trace event about it, up to LIFE_STEPS. */
  readonly steps: TraceEvent[];
  /** Steps that happened past LIFE_STEPS and were not kept. */
  more: number;
  /** Copy ids seen, the original first. */
  readonly copies: number[];
  /** Bumped on every new step, so an open view knows to redraw. */
  version: number;
}

/**
 * Collects, from the trace, each message's life: published, sent, enqueued, delivered,
 * processing, acked or processed; or retried, requeued, dead-lettered, dropped with the
 * reason. Keyed by root message, so all copies of one publication are told together.
 * Memory is bounded: at most `maxMessages` messages of at most `maxSteps` steps each.
 */
export class MessageLifeCollector {
  private readonly lives = new Map<number, MessageLife>();
  private readonly rootOf = new Map<number, number>();

  constructor(
    readonly maxMessages = LIFE_MESSAGES,
    readonly maxSteps = LIFE_STEPS,
  ) {}

  /** Messages held now. */
  get size(): number {
    return this.lives.size;
  }

  /** The trace subscriber. */
  readonly listener = (ev: TraceEvent): void => {
    // Added to the trace by issue #8 (engine side); this view does not use them yet, and stays as it was.
    if (ev.type === 'signal.arrived' || ev.type === 'link.lost') return;
    const ref = messageOf(ev);
    if (!ref) return;
    const root = ref.root ?? this.rootOf.get(ref.id);
    if (root === undefined) return; // a copy of a message already forgotten
    let life = this.lives.get(root);
    if (!life) {
      if (ref.root === undefined) return;
      life = this.open(root, (ev as { msg: { type: string } }).msg.type);
    }
    if (!this.rootOf.has(ref.id) && life.copies.length < this.maxSteps) {
      this.rootOf.set(ref.id, root);
      life.copies.push(ref.id);
    }
    this.add(life, ev);
    // A confirm frame about several publishes (basic.ack multiple), or a republish, belongs to
    // the life of every message it names.
    for (const id of alsoAbout(ev)) {
      const other = this.lives.get(this.rootOf.get(id) ?? id);
      if (other && other !== life) this.add(other, ev);
    }
  };

  private add(life: MessageLife, ev: TraceEvent): void {
    if (life.steps.length < this.maxSteps) life.steps.push(ev);
    else life.more++;
    life.version++;
  }

  /** The life of the message published as `root` (or of the message copy `id` belongs to), if still held. */
  get(id: number): MessageLife | undefined {
    return this.lives.get(this.rootOf.get(id) ?? id);
  }

  /** Every life held, oldest publication first. */
  values(): IterableIterator<MessageLife> {
    return this.lives.values();
  }

  /** Forgets everything (a new run starts). */
  reset(): void {
    this.lives.clear();
    this.rootOf.clear();
  }

  private open(root: number, type: string): MessageLife {
    if (this.lives.size >= this.maxMessages) {
      // Maps iterate in insertion order: the oldest publication goes first.
      const [oldRoot, old] = this.lives.entries().next().value!;
      for (const id of old.copies) this.rootOf.delete(id);
      this.lives.delete(oldRoot);
    }
    const life: MessageLife = { root, type, steps: [], more: 0, copies: [], version: 0 };
    this.lives.set(root, life);
    return life;
  }
}

/** Messages a trace event is also about, besides its own (`messageOf`): every publish a multiple ack covers, a republish's new message. */
function alsoAbout(ev: TraceEvent): readonly number[] {
  if (ev.type === 'confirm.acked') return ev.multiple ? ev.msgIds : NONE;
  if (ev.type === 'confirm.republished') return [ev.newMsgId];
  return NONE;
}

const NONE: readonly number[] = [];
