import type { Message } from '../../engine/message';
import type { Simulation } from '../../engine/simulation';
import type { TraceEvent } from '../../engine/trace';
import type { KafkaMeta, Topic, TopicStats } from './kafka';

/** Shared by the Kafka tests (kafka*.test.ts): the stats of topic `id` ("t" unless told). */
export function topicStats(sim: Simulation, id = 't'): TopicStats {
  return (sim.node(id) as Topic).stats();
}

/** A record's Kafka metadata: partition and offset. */
export const meta = (msg: Message) => msg.meta as KafkaMeta;

/** The records processed by any of `members`, in the order they finished. */
export function processedAt(events: TraceEvent[], members: string[]): Message[] {
  const out: Message[] = [];
  for (const ev of events) if (ev.type === 'message.processed' && members.includes(ev.node)) out.push(ev.msg);
  return out;
}

/** A consumer's service time: exponential, 50 ms on average. */
export const fast = { dist: 'exponential', meanMs: 50 };
