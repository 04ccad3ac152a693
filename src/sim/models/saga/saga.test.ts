import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../catalog';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { commandsSent, CREATE_ORDER_STEPS, createOrder } from './saga.fixture';

// SEMANTICS §6, "Flow (Create Order)", the orchestration column: commands one at a time, each
// after the previous reply; on a failure, compensating commands in reverse order.

describe('saga orchestrator: Create Order', () => {
  it('sends ReserveCredit, ReserveStock, ChargePayment one at a time, each after the previous reply, and completes', () => {
    const run = createOrder();
    run.sim.runUntil(5_000);
    expect(commandsSent(run)).toEqual(['ReserveCredit→customers', 'ReserveStock→stock', 'ChargePayment→payments']);
    const requests = run.of('http.request');
    const ended = run.of('http.call_ended');
    // Each command leaves only once the previous one's reply is in.
    for (let i = 1; i < requests.length; i++) expect(requests[i]!.t).toBeGreaterThanOrEqual(ended[i - 1]!.t);
    expect(run.of('saga.done').map((e) => e.outcome)).toEqual(['completed']);
    expect(run.sim.ledger.processed).toBe(4); // the order and its three commands
  });

  it('a refusal at step 3 compensates step 2, then step 1, in reverse order; the refused step itself is not compensated', () => {
    const run = createOrder({ refuse: { payments: 1 } });
    run.sim.runUntil(5_000);
    expect(commandsSent(run)).toEqual([
      'ReserveCredit→customers', 'ReserveStock→stock', 'ChargePayment→payments', 'ReleaseStock→stock', 'ReleaseCredit→customers',
    ]);
    expect(run.of('saga.step_failed')).toMatchObject([{ step: 3, participant: 'payments', code: 'CardDeclined' }]);
    expect(run.of('saga.compensate').map((e) => e.step)).toEqual([2, 1]);
    expect(run.of('saga.done')).toMatchObject([{ outcome: 'compensated', undone: 2 }]);
    expect(run.of('message.dropped').map((e) => [e.msg.type, e.reason])).toEqual([['CreateOrder', 'saga compensated']]);
  });

  it('a refusal at step 2 undoes step 1 only; a refusal at step 1 has nothing to undo', () => {
    const atTwo = createOrder({ refuse: { stock: 1 } });
    atTwo.sim.runUntil(5_000);
    expect(commandsSent(atTwo)).toEqual(['ReserveCredit→customers', 'ReserveStock→stock', 'ReleaseCredit→customers']);
    const atOne = createOrder({ refuse: { customers: 1 } });
    atOne.sim.runUntil(5_000);
    expect(commandsSent(atOne)).toEqual(['ReserveCredit→customers']);
    expect(atOne.of('saga.done')).toMatchObject([{ outcome: 'compensated', undone: 0 }]);
  });

  it('a business refusal (CreditLimitExceeded) is an answer, not an error: it is never retried', () => {
    const run = createOrder({ refuse: { customers: 1 } });
    run.sim.runUntil(60_000);
    expect(run.of('http.retry_scheduled')).toEqual([]);
    expect(run.of('http.request')).toHaveLength(1);
    expect(run.of('saga.step_failed')).toMatchObject([{ step: 1, code: 'CreditLimitExceeded', reason: undefined }]);
  });

  it('with 10 % of credit checks refused, about 10 % of 200 orders are compensated and the rest complete; every message ends once', () => {
    const run = createOrder({ orders: 200, ratePerSec: 20, refuse: { customers: 0.1 }, failureRate: { payments: 0.05 } });
    checkInvariantEveryEvent(run.sim, 120_000);
    const s = run.orchestrator.stats();
    expect(s.started).toBe(200);
    expect(s.completed + s.compensated).toBe(200);
    expect(s.compensated).toBeGreaterThan(10);
    expect(s.compensated).toBeLessThan(35);
    expect(s.inFlight).toBe(0);
    expect(run.sim.ledger.live).toBe(0);
    // The 5 % of 500s at payments were retried, never compensated for.
    expect(run.of('http.retry_scheduled').filter((e) => e.to === 'payments').length).toBeGreaterThan(3);
    expect(run.of('saga.step_failed').every((e) => e.participant === 'customers')).toBe(true);
  });

  it('is seeded: the same seed gives the same sagas, another seed other ones', () => {
    const outcomes = (seed: number) => {
      const run = createOrder({ orders: 100, ratePerSec: 20, refuse: { customers: 0.1, stock: 0.1 }, seed });
      run.sim.runUntil(60_000);
      return run.of('saga.done').map((e) => `${e.saga}:${e.outcome}`).join();
    };
    expect(outcomes(3)).toBe(outcomes(3));
    expect(outcomes(3)).not.toBe(outcomes(4));
  });
});

describe('saga orchestrator: retries (Temporal\'s activity retry policy)', () => {
  it('a transient failure is retried after 1 s, 2 s, 4 s, … doubling, capped at 100 s', () => {
    const run = createOrder({ actions: [{ at: 0, do: 'offline', node: 'customers' }] });
    run.sim.runUntil(700_000);
    const waits = run.of('http.retry_scheduled').map((e) => e.delayMs);
    expect(waits.slice(0, 10)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 100_000, 100_000, 100_000]);
  });

  it('attempts are unlimited by default: a participant down for 10 minutes is retried until it is back, and the saga completes', () => {
    const run = createOrder({ actions: [{ at: 0, do: 'offline', node: 'stock' }, { at: 600_000, do: 'online', node: 'stock' }] });
    run.sim.runUntil(900_000);
    const stockAttempts = run.of('http.request').filter((e) => e.to === 'stock');
    expect(stockAttempts.length).toBeGreaterThan(10);
    expect(run.of('saga.compensate')).toEqual([]);
    expect(run.of('saga.done')).toMatchObject([{ outcome: 'completed' }]);
  });

  it('maximumAttempts is honoured: with 3, ReserveStock fails after its third attempt and ReleaseCredit undoes step 1', () => {
    const run = createOrder({ retry: { maximumAttempts: 3 }, actions: [{ at: 0, do: 'offline', node: 'stock' }] });
    run.sim.runUntil(60_000);
    expect(run.of('http.request').filter((e) => e.to === 'stock').map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(run.of('saga.step_failed')).toMatchObject([{ step: 2, reason: 'connection refused', code: undefined }]);
    expect(commandsSent(run)).toEqual(['ReserveCredit→customers', 'ReserveStock→stock', 'ReleaseCredit→customers']);
    expect(run.of('saga.done')).toMatchObject([{ outcome: 'compensated', undone: 1 }]);
  });

  it('a timeout is a transient failure too: a hung participant is retried after the 2 s timeout', () => {
    const run = createOrder({
      retry: { maximumAttempts: 2 },
      actions: [{ at: 0, do: 'configure', node: 'customers', patch: { whenOffline: 'hang' } }, { at: 0, do: 'offline', node: 'customers' }],
    });
    run.sim.runUntil(60_000);
    expect(run.of('http.timeout').map((e) => e.afterMs)).toEqual([2000, 2000]);
    expect(run.of('saga.step_failed')).toMatchObject([{ step: 1, reason: 'timeout' }]);
  });

  it('a compensation is a new business action, retried like a command: a refund sent while customers is down goes through when it is back', () => {
    const run = createOrder({
      refuse: { stock: 1 },
      actions: [{ at: 120, do: 'offline', node: 'customers' }, { at: 20_000, do: 'online', node: 'customers' }],
    });
    checkInvariantEveryEvent(run.sim, 60_000);
    const refunds = run.of('http.request').filter((e) => e.msg.type === 'ReleaseCredit');
    expect(refunds.length).toBeGreaterThan(3);
    expect(run.of('saga.done')).toMatchObject([{ outcome: 'compensated', undone: 1 }]);
    expect(run.sim.ledger.live).toBe(0);
  });

  it('with maximumAttempts, a compensation that fails for good stops the saga (continueWithError=false): it fails, nothing else is undone', () => {
    const run = createOrder({ refuse: { payments: 1 }, retry: { maximumAttempts: 2 }, actions: [{ at: 135, do: 'offline', node: 'stock' }] });
    run.sim.runUntil(60_000);
    expect(run.of('saga.compensate').map((e) => e.step)).toEqual([2]);
    expect(run.of('saga.done')).toMatchObject([{ outcome: 'failed', undone: 0 }]);
    expect(run.orchestrator.stats().failedSagas).toBe(1);
  });
});

describe('saga orchestrator: no isolation', () => {
  it('mid-compensation the saga is visible as partially compensated: stock released, credit not yet', () => {
    // The order arrives at 100 ms. Payments refuses; ReleaseStock goes through, then customers is down while ReleaseCredit is retried.
    const run = createOrder({ refuse: { payments: 1 }, actions: [{ at: 150, do: 'offline', node: 'customers' }, { at: 30_000, do: 'online', node: 'customers' }] });
    run.sim.runUntil(10_000);
    const mid = run.orchestrator.stats();
    expect(mid.compensating).toBe(1);
    expect(mid.sagas).toEqual([expect.objectContaining({ phase: 'compensating', step: 1, undone: 1, toUndo: 2 })]);
    expect(mid.undoingStep).toEqual([1, 0, 0]);
    // ReserveCredit, ReserveStock, the refused ChargePayment (a reply, so processed) and ReleaseStock; the order is not.
    expect(run.sim.ledger.processed).toBe(4);
    run.sim.runUntil(60_000);
    expect(run.orchestrator.stats()).toMatchObject({ compensating: 0, compensated: 1, inFlight: 0 });
  });
});

describe('saga orchestrator: orchestration vs choreography', () => {
  it('the flow lives in one place: every command is sent by the orchestrator, and reordering its steps reorders the commands with no participant changed', () => {
    const run = createOrder();
    run.sim.runUntil(5_000);
    expect(new Set(run.of('http.request').map((e) => e.node))).toEqual(new Set(['orchestrator']));
    const reordered = createOrder({ steps: [CREATE_ORDER_STEPS[1], CREATE_ORDER_STEPS[0], CREATE_ORDER_STEPS[2]] });
    reordered.sim.runUntil(5_000);
    expect(commandsSent(reordered)).toEqual(['ReserveStock→stock', 'ReserveCredit→customers', 'ChargePayment→payments']);
  });

  it("defaults are Temporal's: retries from 1 s, ×2, capped at 100 × 1 s, unlimited attempts; compensations one at a time, last first", () => {
    const run = createOrder();
    expect(run.orchestrator.config.retry).toEqual({ initialIntervalMs: 1000, backoffCoefficient: 2, maximumAttempts: 0 });
    expect(run.orchestrator.caller.settings.retry).toMatchObject({ baseMs: 1000, multiplier: 2, capMs: 100_000, maxAttempts: Infinity, jitter: 'none' });
  });
});

describe('saga orchestrator: set offline all the same', () => {
  it('starts no new saga while offline: the order is dropped with the reason, and the ledger holds', () => {
    const run = createOrder({ orders: 3, actions: [{ at: 150, do: 'offline', node: 'orchestrator' }] });
    checkInvariantEveryEvent(run.sim, 10_000);
    expect(run.orchestrator.stats().started).toBe(1);
    expect(run.of('message.dropped').filter((e) => e.reason === 'saga orchestrator offline')).toHaveLength(2);
    expect(run.sim.ledger.live).toBe(0);
  });
});

describe('saga orchestrator: steps are checked when the file is read', () => {
  const file = (participants: string[], linked: string[]) => ({
    id: 'steps', title: 'Steps',
    nodes: [
      { id: 'orders', kind: 'producer', ratePerSec: 1 },
      { id: 'orchestrator', kind: 'saga-orchestrator', steps: participants.map((p, i) => ({ participant: p, command: `Do${i}` })) },
      { id: 'customers', kind: 'saga-participant' },
      { id: 'stock', kind: 'saga-participant' },
    ],
    links: [{ from: 'orders', to: 'orchestrator' }, ...linked.map((to) => ({ from: 'orchestrator', to }))],
  });

  it('a step whose participant the orchestrator has no link to is refused at that step, in both languages, instead of failing each saga at run time', () => {
    expect(parseScenario(file(['customers', 'stock'], ['customers', 'stock'])).ok).toBe(true);
    const en = parseScenario(file(['customers', 'stock'], ['customers']), 'en');
    const es = parseScenario(file(['customers', 'stock'], ['customers']), 'es');
    expect(en.ok || es.ok).toBe(false);
    if (en.ok || es.ok) return;
    expect(en.issues).toEqual([{ path: 'nodes[1] ("orchestrator").steps[1].participant', message: expect.stringContaining('"stock" must also be linked from "orchestrator"') }]);
    expect(es.issues[0]!.path).toBe(en.issues[0]!.path);
    expect(es.issues[0]!.message).toContain('también debe estar enlazado desde "orchestrator"');
  });

  it('a step naming no node at all is refused at that step', () => {
    const r = parseScenario(file(['customers', 'billing'], ['customers', 'stock']));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['nodes[1] ("orchestrator").steps[1].participant']);
  });
});
