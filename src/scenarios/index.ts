import { type Scenario } from '../sim/engine/scenario';
import kafkaOrderEvents from './kafka-order-events.json';
import kafkaPoisonRecord from './kafka-poison-record.json';
import mm1 from './mm1.json';
import mmc from './mmc.json';
import pubsubAckDeadline from './pubsub-ack-deadline.json';
import pubsubOrderCreated from './pubsub-order-created.json';
import rabbitmqOrderCreated from './rabbitmq-order-created.json';
import restCascade from './rest-cascade.json';
import restIdempotency from './rest-idempotency.json';
import restLoadBalancer from './rest-load-balancer.json';
import restOrderChain from './rest-order-chain.json';
import sagaChoreography from './saga-choreography.json';
import sagaCreateOrder from './saga-create-order.json';
import userRegisteredFanout from './user-registered-fanout.json';
import userRegisteredQueue from './user-registered-queue.json';
import webhookOrderPaid from './webhook-order-paid.json';
import { parseScenario } from '../sim/catalog';

/** The built-in scenarios as written, in menu order. Each is a file in the format users write. */
export const BUILTIN_FILES: readonly unknown[] = [userRegisteredQueue, userRegisteredFanout, mm1, mmc, rabbitmqOrderCreated, kafkaOrderEvents, kafkaPoisonRecord, pubsubOrderCreated, pubsubAckDeadline, restOrderChain, restCascade, restLoadBalancer, restIdempotency, webhookOrderPaid, sagaCreateOrder, sagaChoreography];

/** The built-in scenarios' ids, in menu order, read without validating the files. */
export const BUILTIN_IDS: readonly string[] = BUILTIN_FILES.map((file) => (file as { id: string }).id);

const parsed = new Map<string, Scenario>();

/**
 * The built-in scenario with this id, validated on first use and kept, or undefined. Only the
 * one asked for is parsed: the runner's start-up parsed all fourteen (about 48 ms of its 0.3 s).
 * A broken built-in file is a bug: it throws.
 */
export function builtin(id: string): Scenario | undefined {
  const known = parsed.get(id);
  if (known) return known;
  const index = BUILTIN_IDS.indexOf(id);
  if (index < 0) return undefined;
  const result = parseScenario(BUILTIN_FILES[index]);
  if (!result.ok) throw new Error(`built-in scenario ${id} is invalid:\n${result.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  parsed.set(id, result.scenario);
  return result.scenario;
}

/**
 * All the built-in scenarios, validated, in menu order (tests, the benchmark). The files are
 * parsed on the first read of the list, not when this module loads.
 */
export const BUILTINS: readonly Scenario[] = lazyList(() => BUILTIN_IDS.map((id) => builtin(id)!));

/** A read-only array whose items are made by `make` on the first read of anything in it. */
function lazyList<T>(make: () => T[]): readonly T[] {
  const target: T[] = [];
  let made = false;
  const fill = () => {
    if (!made) {
      made = true;
      target.push(...make());
    }
    return target;
  };
  return new Proxy(target, {
    get: (_, key) => Reflect.get(fill(), key),
    has: (_, key) => Reflect.has(fill(), key),
    ownKeys: () => Reflect.ownKeys(fill()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(fill(), key),
  });
}
