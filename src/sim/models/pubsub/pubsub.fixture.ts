import type { TraceEvent } from '../../engine/trace';
import { ms, producer, runScenario, type TestRun } from '../../testing/harness';

/** Shared by the pub/sub tests (pubsub*.test.ts): the roots processed at `node`, in order. */
export function processedRoots(events: TraceEvent[], node: string): number[] {
  return events.flatMap((e) => (e.type === 'message.processed' && e.node === node ? [e.msg.root] : []));
}

/** How many copies were dropped for `reason`. */
export function drops(events: TraceEvent[], reason: string): number {
  return events.filter((e) => e.type === 'message.dropped' && e.reason === reason).length;
}

/** A subscriber's service time: a constant 10 ms. */
export const fast = ms(10);

/** The publisher "orders-svc": OrderCreated at a steady 10 per second unless `extra` says otherwise. */
export const publisher = (extra: object = {}) => producer('orders-svc', 10, { ...extra });

/** A topic "orders" with one subscription per entry, each feeding one subscriber service of the same index. */
export function fanOut(
  subs: object[],
  extra: { actions?: unknown[]; producer?: object; seed?: number; subscriber?: object; deadLetterTopic?: boolean } = {},
): TestRun {
  const nodes: unknown[] = [publisher(extra.producer), { id: 'orders', kind: 'pubsub-topic' }];
  const links: unknown[] = [{ from: 'orders-svc', to: 'orders' }];
  subs.forEach((sub, i) => {
    nodes.push({ id: `sub${i}`, kind: 'subscription', ...sub }, { id: `svc${i}`, kind: 'service', serviceTime: fast, ...extra.subscriber });
    links.push({ from: 'orders', to: `sub${i}` }, { from: `sub${i}`, to: `svc${i}` });
  });
  if (extra.deadLetterTopic) {
    nodes.push({ id: 'orders-dlt', kind: 'pubsub-topic' });
    subs.forEach((_, i) => links.push({ from: `sub${i}`, to: 'orders-dlt' }));
  }
  return runScenario({ nodes, links, actions: extra.actions, seed: extra.seed });
}
