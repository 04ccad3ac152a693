import type { PhraseKey } from '../components/models/kafka/phrases';
import type { Narrator } from '../components/models/kindUi';
import { phrasebook } from '../components/models/phraseStore';
import type { TraceEvent } from '../sim/catalog';

const say = phrasebook<PhraseKey>('kafka');

/** Where a record sits in a topic's log, when the event's message carries it. */
function place(msg: { meta?: unknown }): { partition: number; offset: number } | undefined {
  const m = msg.meta as { partition?: unknown; offset?: unknown } | undefined;
  return typeof m?.partition === 'number' && typeof m.offset === 'number' ? { partition: m.partition, offset: m.offset } : undefined;
}

/**
 * The sentence for an engine message event that happens at a Kafka topic (`isTopic`), in
 * Kafka's words: a producer produces a record, the topic appends it to a partition's log at an
 * offset, a consumer gets it in a fetch, its position moves past it and an offset commit saves
 * that; never "ack", "copied" or "backlog". Undefined for any other event (it keeps its own).
 */
export function kafkaSentence(ev: TraceEvent, n: Narrator, isTopic: (id: string) => boolean): string | undefined {
  switch (ev.type) {
    case 'message.sent': {
      const msg = n.msg(ev.msg), from = n.name(ev.from), to = n.name(ev.to);
      if (isTopic(ev.from) && isTopic(ev.to)) return say(n, 'toDeadLetter', { from, to, msg });
      if (isTopic(ev.to)) return say(n, 'produced', { from, to, msg });
      if (!isTopic(ev.from)) return undefined;
      const at = place(ev.msg);
      return at ? say(n, 'fetchedAt', { from, to, msg, ...at }) : say(n, 'fetched', { from, to, msg });
    }
    case 'message.received':
      return isTopic(ev.from) ? say(n, 'received', { node: n.name(ev.node), from: n.name(ev.from), msg: n.msg(ev.msg) }) : undefined;
    case 'signal.sent':
    case 'signal.arrived':
      if (!isTopic(ev.to) || ev.signal !== 'ack' || ev.msgId === undefined) return undefined;
      return say(n, ev.type === 'signal.sent' ? 'done' : 'doneArrived', { from: n.name(ev.from), to: n.name(ev.to), id: ev.msgId });
    default:
      break;
  }
  if (!('node' in ev) || !isTopic(ev.node) || !('msg' in ev)) return undefined;
  const node = n.name(ev.node), msg = n.msg(ev.msg);
  switch (ev.type) {
    case 'message.enqueued': {
      const at = place(ev.msg);
      return at ? say(n, 'appended', { node, msg, ...at }) : say(n, 'appendedPlain', { node, msg });
    }
    case 'message.copied':
      return say(n, 'groupReads', { node, msg, orig: ev.from });
    case 'message.requeued':
      return say(n, 'reread', { node, msg, reason: n.reason(ev.reason) });
    case 'message.dead_lettered':
      return say(n, 'deadLettered', { node, msg, reason: n.reason(ev.reason) });
    case 'message.dropped':
      return say(n, 'dropped', { node, msg, reason: n.reason(ev.reason) });
    default:
      return undefined;
  }
}
