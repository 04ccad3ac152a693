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
import userRegisteredFanout from './user-registered-fanout.json';
import userRegisteredQueue from './user-registered-queue.json';
import webhookOrderPaid from './webhook-order-paid.json';
import { parseScenario } from '../sim/catalog';

/** The built-in scenarios as written, in menu order. Each is a file in the format users write. */
export const BUILTIN_FILES: readonly unknown[] = [userRegisteredQueue, userRegisteredFanout, mm1, mmc, rabbitmqOrderCreated, kafkaOrderEvents, kafkaPoisonRecord, pubsubOrderCreated, pubsubAckDeadline, restOrderChain, restCascade, restLoadBalancer, restIdempotency, webhookOrderPaid];

/** The built-in scenarios, validated. A broken built-in file is a bug: it throws at load. */
export const BUILTINS: readonly Scenario[] = BUILTIN_FILES.map((file) => {
  const result = parseScenario(file);
  if (!result.ok) {
    const id = (file as { id?: string }).id;
    throw new Error(`built-in scenario ${id} is invalid:\n${result.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  }
  return result.scenario;
});

/** The built-in scenario with this id, or undefined. */
export function builtin(id: string): Scenario | undefined {
  return BUILTINS.find((s) => s.id === id);
}
