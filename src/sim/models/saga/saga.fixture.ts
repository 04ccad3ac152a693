import { ms, runScenario, type TestRun } from '../../testing/harness';
import type { SagaOrchestrator } from './orchestrator';

/** What a Create Order test varies. */
export interface CreateOrder {
  /** Orders sent, one per `gapMs` (constant arrivals). */
  orders?: number;
  ratePerSec?: number;
  /** The share of ReserveCredit / ReserveStock / ChargePayment refused for a business reason. */
  refuse?: { customers?: number; stock?: number; payments?: number };
  /** Transient 500s at each participant. */
  failureRate?: { customers?: number; stock?: number; payments?: number };
  retry?: Record<string, unknown>;
  timeoutMs?: number;
  steps?: unknown[];
  actions?: unknown[];
  seed?: number;
}

/** Richardson's Create Order steps: reserve credit, reserve stock, charge the payment (nothing to undo after it). */
export const CREATE_ORDER_STEPS = [
  { participant: 'customers', command: 'ReserveCredit', compensation: 'ReleaseCredit' },
  { participant: 'stock', command: 'ReserveStock', compensation: 'ReleaseStock' },
  { participant: 'payments', command: 'ChargePayment' },
];

/** Orders → orchestrator → customers, stock, payments; 10 ms of work, 2 ms links. */
export function createOrder(c: CreateOrder = {}): TestRun & { orchestrator: SagaOrchestrator } {
  const participant = (id: 'customers' | 'stock' | 'payments', code: string) => ({
    id, kind: 'saga-participant', concurrency: 4, serviceTime: ms(10), rejectProbability: c.refuse?.[id] ?? 0, rejectCode: code,
    failureRate: c.failureRate?.[id] ?? 0,
  });
  const run = runScenario({
    seed: c.seed ?? 7,
    nodes: [
      { id: 'orders', kind: 'producer', eventType: 'CreateOrder', ratePerSec: c.ratePerSec ?? 10, arrivals: 'constant', limit: c.orders ?? 1 },
      {
        id: 'orchestrator', kind: 'saga-orchestrator', steps: c.steps ?? CREATE_ORDER_STEPS,
        ...(c.retry ? { retry: c.retry } : {}), ...(c.timeoutMs ? { timeoutMs: c.timeoutMs } : {}),
      },
      participant('customers', 'CreditLimitExceeded'), participant('stock', 'OutOfStock'), participant('payments', 'CardDeclined'),
    ],
    links: [
      { from: 'orders', to: 'orchestrator', latency: ms(2) },
      { from: 'orchestrator', to: 'customers', latency: ms(2) },
      { from: 'orchestrator', to: 'stock', latency: ms(2) },
      { from: 'orchestrator', to: 'payments', latency: ms(2) },
    ],
    actions: c.actions,
  });
  return { ...run, orchestrator: run.sim.node('orchestrator') as SagaOrchestrator };
}

/** The commands the orchestrator sent, first attempts only, in order: "ReserveCredit→customers". */
export function commandsSent(run: TestRun): string[] {
  return run.of('http.request').filter((e) => e.attempt === 1).map((e) => `${e.msg.type}→${e.to}`);
}
