import type { Message } from '../../engine/message';
import type { Simulation } from '../../engine/simulation';
import { runScenario } from '../../testing/harness';

/** Shared by the queue tests (queue*.test.ts): a started RabbitMQ scenario (seed 1 unless told). */
export function build(nodes: unknown[], links: unknown[], actions: unknown[] = [], seed = 1): Simulation {
  return runScenario({ pattern: 'rabbitmq', seed, nodes, links, actions }).sim;
}

/** A dead-letter exchange and a dead-letter queue behind it that parks what arrives. */
export const DLX_NODES = [
  { id: 'dlx', kind: 'exchange', type: 'fanout' },
  { id: 'dlq', kind: 'queue', deadLetterQueue: true },
];
export const DLX_LINKS = [{ from: 'dlx', to: 'dlq' }];

/** Publishes one message with its own `meta` (say a per-message expiration) from `from` to `to`. */
export function publishWith(sim: Simulation, from: string, to: string, meta: Record<string, unknown>): Message {
  const msg = sim.publish(sim.node(from), 'OrderCreated', undefined, meta);
  sim.send(sim.link(from, to)!, msg, 'publish');
  return msg;
}
