import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { main, type Io } from '../cli/sim';
import { sampler } from './engine/distributions';
import { formatIssues, type Lang } from './engine/errors';
import { LIMITS, LimitError } from './engine/limits';
import { streamRng } from './engine/rng';
import { CATALOG, parseScenario } from './catalog';
import type { Scenario } from './engine/scenario';
import { Simulation } from './engine/simulation';
import { runHolds, type PlanStep } from './testing/fuzz';
import { InvariantChecker } from './testing/invariant';

/** Regression tests, one per finding of issue 13 ("What the fuzzing found"). */

const constant = (ms: number) => ({ dist: 'constant', ms });
const base = (extra: Record<string, unknown>) => ({ id: 't', title: 't', ...extra });

function ok(doc: Record<string, unknown>): Scenario {
  const r = parseScenario(base(doc));
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return r.scenario;
}

/** The issues in both languages; fails if the document is accepted. */
function refused(doc: Record<string, unknown>): Record<Lang, { path: string; message: string }[]> {
  const en = parseScenario(base(doc), 'en');
  const es = parseScenario(base(doc), 'es');
  if (en.ok || es.ok) throw new Error('accepted');
  expect(es.issues.map((i) => i.path)).toEqual(en.issues.map((i) => i.path));
  return { en: en.issues, es: es.issues };
}

function limitOf(run: () => void): LimitError {
  try {
    run();
  } catch (e) {
    if (e instanceof LimitError) {
      expect(e.text('es')).not.toBe(e.text('en'));
      return e;
    }
    throw e;
  }
  throw new Error('no limit was hit');
}

const mm1 = {
  nodes: [
    { id: 'p', kind: 'producer', ratePerSec: 10 },
    { id: 'q', kind: 'queue' },
    { id: 'w', kind: 'service', serviceTime: constant(50) },
  ],
  links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'w' }],
};

describe('1. validation reaches the engine', () => {
  it('serviceTime: null unsets it back to its default (it threw a TypeError); an incomplete one is refused in both languages and the run goes on', () => {
    const sim = new Simulation(CATALOG, ok(mm1));
    sim.runUntil(1000);
    sim.act({ do: 'configure', node: 'w', patch: { serviceTime: null } });
    expect((sim.node('w').config as { serviceTime?: unknown }).serviceTime).toBeDefined();
    const e = limitOf(() => sim.act({ do: 'configure', node: 'w', patch: { serviceTime: { dist: 'constant' } } }));
    expect(e.text('en')).toMatch(/cannot be applied to "w".*serviceTime/);
    expect(e.text('es')).toMatch(/no se puede aplicar a "w"/);
    expect(sim.halted).toBeUndefined();
    sim.runUntil(5000);
    expect(sim.node('w').processed).toBeGreaterThan(20);
  });

  it('concurrency "x" is refused instead of silently stopping the service; a scheduled one is refused at load, located', () => {
    const sim = new Simulation(CATALOG, ok(mm1));
    limitOf(() => sim.act({ do: 'configure', node: 'w', patch: { concurrency: 'x' } }));
    const issues = refused({ ...mm1, actions: [{ at: 10, do: 'configure', node: 'w', patch: { concurrency: 'x' } }] });
    expect(issues.en[0]!.path).toBe('actions[0].patch');
  });

  it('a custom retry without factor gets the default factor: delays are numbers, never NaN', () => {
    const s = ok({
      nodes: [{ id: 'p', kind: 'producer', ratePerSec: 20 }, { id: 'c', kind: 'rest-client', timeoutMs: 20 }, { id: 'x', kind: 'service', serviceTime: constant(100) }],
      links: [{ from: 'p', to: 'c' }, { from: 'c', to: 'x' }],
    });
    const sim = new Simulation(CATALOG, s);
    const delays: number[] = [];
    sim.on((ev) => {
      if (ev.type === 'http.retry_scheduled') delays.push(ev.delayMs);
    });
    sim.act({ do: 'configure', node: 'c', patch: { retry: { maxAttempts: 3 } } });
    sim.runUntil(3000);
    expect(delays.length).toBeGreaterThan(5);
    expect(delays.every(Number.isFinite)).toBe(true);
  });

  it('dedupeMemory: 0 is refused as a patch (it looped for ever inside one event)', () => {
    const s = ok({ nodes: [{ id: 'r', kind: 'webhook-receiver' }] });
    limitOf(() => new Simulation(CATALOG, s).act({ do: 'configure', node: 'r', patch: { dedupeMemory: 0 } }));
  });

  it('commands are checked: an unknown one or wrong arguments are refused at load, located', () => {
    const q = { ...mm1, actions: [{ at: 5, do: 'command', node: 'q', command: 'explode' }] };
    expect(refused(q).en[0]).toMatchObject({ path: 'actions[0].command', message: expect.stringContaining('purge') });
    const k = {
      nodes: [{ id: 't', kind: 'topic' }, { id: 'c', kind: 'service' }], links: [{ from: 't', to: 'c', group: 'g' }],
      actions: [{ at: 5, do: 'command', node: 't', command: 'reset-offsets', args: { group: 'g', toOffset: 'soon' } }],
    };
    expect(refused(k).en[0]!.path).toBe('actions[0].command');
  });

  it('partition and heal between nodes with no link between them are refused at load, located (they threw when they fired)', () => {
    const issues = refused({ ...mm1, actions: [{ at: 5, do: 'partition', from: 'p', to: 'w' }] });
    expect(issues.en[0]).toMatchObject({ path: 'actions[0]', message: expect.stringContaining('no link from "p" to "w"') });
    expect(issues.es[0]!.message).toContain('No hay ningún enlace de "p" a "w"');
  });

  it('a Svix secret that is not base64 is refused at load, located; the CLI exits 2 without a stack trace', () => {
    const doc = { nodes: [{ id: 'r', kind: 'webhook-receiver', secret: 'whsec_not base64!' }] };
    expect(refused(doc).en[0]!.path).toBe('nodes[0] ("r").secret');
    const err: string[] = [];
    const io: Io = { out: () => {}, err: (s) => err.push(s), readFile: () => JSON.stringify(base(doc)) };
    expect(main(['bad.json'], io)).toBe(2);
    expect(err.join('\n')).toContain('secret');
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('no distribution can draw NaN or an infinite duration, even a lognormal with an enormous sdMs', () => {
    const rng = streamRng(1, 'x');
    for (const dist of [
      { dist: 'lognormal', meanMs: 0.001, sdMs: LIMITS.ms },
      { dist: 'lognormal', meanMs: LIMITS.ms, sdMs: LIMITS.ms },
      { dist: 'exponential', meanMs: LIMITS.ms },
      { dist: 'normal', meanMs: 0, sdMs: LIMITS.ms },
    ] as const) {
      const draw = sampler(dist, rng);
      for (let i = 0; i < 1000; i++) {
        const v = draw();
        expect(Number.isFinite(v) && v >= 0 && v <= LIMITS.ms).toBe(true);
      }
    }
    expect(refused({ nodes: [{ id: 'w', kind: 'service', serviceTime: { dist: 'lognormal', meanMs: 1, sdMs: 1e300 } }] }).en[0]!.path)
      .toMatch(/serviceTime\.sdMs/);
  });
});

describe('3. loops and storms', () => {
  it('queue ↔ queue is refused at load: the message would bounce for ever', () => {
    const issues = refused({ nodes: [{ id: 'a', kind: 'queue', ack: 'auto' }, { id: 'b', kind: 'queue', ack: 'auto' }], links: [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }] });
    expect(issues.en[0]!.message).toContain('a → b');
    expect(issues.es[0]!.message).toContain('en círculo');
  });

  it('three fanout exchanges in a cycle are refused at load', () => {
    const ex = (id: string) => ({ id, kind: 'exchange', type: 'fanout' });
    refused({ nodes: [ex('x'), ex('y'), ex('z')], links: [{ from: 'x', to: 'y' }, { from: 'y', to: 'z' }, { from: 'z', to: 'x' }] });
  });

  it('rest-services calling each other are refused at load (each request would call itself for ever)', () => {
    const issues = refused({ nodes: [{ id: 'a', kind: 'rest-service' }, { id: 'b', kind: 'rest-service' }], links: [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }] });
    expect(issues.en[0]!.message).toMatch(/call each other/);
  });

  it('a dead-letter reject loop with zero service time is stopped by the events-per-instant limit, with the reason in both languages', () => {
    const s = ok({
      nodes: [
        { id: 'p', kind: 'producer', interarrival: constant(1000), limit: 1 },
        { id: 'x', kind: 'exchange', type: 'fanout' },
        { id: 'q', kind: 'queue', onNack: 'dead-letter', deadLetterExchange: 'x' },
        { id: 'w', kind: 'service', serviceTime: constant(0), failureRate: 1 },
      ],
      links: [{ from: 'p', to: 'x' }, { from: 'x', to: 'q' }, { from: 'q', to: 'x' }, { from: 'q', to: 'w' }],
    });
    const sim = new Simulation(CATALOG, s);
    const e = limitOf(() => sim.runUntil(10_000));
    expect(e.text('en')).toMatch(/(events at one instant|handed on more than|copied more than)/);
    expect(sim.halted).toBe(e);
    expect(() => sim.runUntil(20_000)).toThrow(e);
  });

  it('pub/sub dead-lettering into its own topic is stopped by the copies-per-publication limit, not after 246,000 copies', () => {
    const s = ok({
      nodes: [
        { id: 'p', kind: 'producer', interarrival: constant(1000), limit: 1 },
        { id: 't', kind: 'pubsub-topic' },
        { id: 's1', kind: 'subscription', ackDeadlineMs: 10, maxDeliveryAttempts: 5 },
        { id: 's2', kind: 'subscription', ackDeadlineMs: 10, maxDeliveryAttempts: 5 },
        { id: 'w', kind: 'service', serviceTime: constant(0), failureRate: 1 },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 's1' }, { from: 't', to: 's2' }, { from: 's1', to: 'w' }, { from: 's2', to: 'w' }, { from: 's1', to: 't' }, { from: 's2', to: 't' }],
    });
    const sim = new Simulation(CATALOG, s);
    const checker = new InvariantChecker(sim);
    const e = limitOf(() => sim.runUntil(60_000));
    expect(e.text('en')).toMatch(/copied more than|alive at once|one instant/);
    expect(sim.ledger.totals().copies).toBeLessThanOrEqual(LIMITS.copiesPerPublication + LIMITS.liveMessages + 10);
    checker.dispose();
  });

  it('burst 1e9 and 1e15, and an interarrival of 0, are refused at load', () => {
    for (const burst of [1e9, 1e15]) refused({ nodes: [{ id: 'p', kind: 'producer', burst }] });
    expect(refused({ nodes: [{ id: 'p', kind: 'producer', interarrival: constant(0) }] }).en[0]!.path).toBe('nodes[0] ("p").interarrival');
  });
});

describe('4. resource limits', () => {
  it('partitions 1e8, dedupeMemory 3e8 and maxAttempts 1e9 are refused before anything is allocated', () => {
    refused({ nodes: [{ id: 't', kind: 'topic', partitions: 1e8 }] });
    refused({ nodes: [{ id: 'r', kind: 'webhook-receiver', dedupeMemory: 3e8 }] });
    refused({ nodes: [{ id: 'c', kind: 'rest-client', retry: { maxAttempts: 1e9 } }] });
  });

  it('100,000 nodes are refused at once by the cap; 1,000 queues and 5,000 links validate in linear time', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ id: `q${i}`, kind: 'queue' }));
    const t0 = performance.now();
    expect(refused({ nodes: many }).en[0]).toMatchObject({ path: 'nodes', message: expect.stringContaining('at most 1000') });
    expect(performance.now() - t0).toBeLessThan(1000);
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ id: `q${i}`, kind: 'queue', deadLetterExchange: `q${(i + 1) % 1000}` }));
    const links = Array.from({ length: 5000 }, (_, i) => ({ from: `q${i % 1000}`, to: `q${(i % 1000 + 1 + Math.floor(i / 1000)) % 1000}` }));
    const t1 = performance.now();
    parseScenario(base({ nodes, links }));
    expect(performance.now() - t1).toBeLessThan(3000);
  });
});

describe('5. no accepted value is deep enough to break JSON.stringify', () => {
  it('a 100,000-deep value in a patch is refused at load, located where it gets too deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const issues = refused({ ...mm1, actions: [{ at: 1, do: 'configure', node: 'w', patch: { label: deep } }] });
    expect(issues.en[0]!.path).toMatch(/^actions\[0\]\.patch\.label(\.a)+$/);
    expect(issues.en[0]!.message).toContain(`${LIMITS.depth} levels`);
  });
});

describe('6. the CLI is bounded', () => {
  const io = (err: string[]): Io => ({ out: () => {}, err: (s) => err.push(s), readFile: () => '' });

  it('--max-events stops a run and exits 2 with the reason', () => {
    const err: string[] = [];
    expect(main(['mm1', '--until', '1h', '--max-events', '1000'], io(err))).toBe(2);
    expect(err.join('')).toMatch(/Stopped after 1000 events \(--max-events\)/);
  });

  it('--max-wall stops a run and exits 2 with the reason', () => {
    const err: string[] = [];
    let now = 0;
    const clock: Io = { ...io(err), wallMs: () => (now += 1000) };
    expect(main(['mm1', '--until', '10h', '--max-wall', '2s'], clock)).toBe(2);
    expect(err.join('')).toMatch(/--max-wall/);
  });

  it('a bad --max-events is a usage error (exit 2)', () => {
    const err: string[] = [];
    expect(main(['mm1', '--max-events', 'lots'], io(err))).toBe(2);
  });
});

describe('later finds of `npm run fuzz` (round 9)', () => {
  it('a load balancer that gives up on a request while it travels to its replica: nothing is dropped twice', () => {
    // seed 787244592: producer b → load balancer d → b (50 ms), the balancer taken offline after
    // 51 events. It dropped what it had forwarded; the message then reached b, which dropped it
    // again ("message 26 was dropped and cannot become dropped").
    const doc = {
      id: 'fuzz', title: 'fuzz', seed: 856,
      nodes: [{ id: 'a', kind: 'producer' }, { id: 'b', kind: 'producer' }, { id: 'c', kind: 'webhook-sender', ratePerSec: 1 }, { id: 'd', kind: 'load-balancer' }],
      links: [{ from: 'b', to: 'd' }, { from: 'd', to: 'b', latency: { dist: 'constant', ms: 50 } }, { from: 'c', to: 'b' }],
    };
    const plan: PlanStep[] = [{ afterEvents: 51, node: 3, other: 0, what: 'offline', patchSeed: 0, command: 'purge', args: {} }];
    expect(runHolds(doc, plan)).toBeUndefined();
  });

  it('a message published to a load balancer goes on as an HTTP request: its replica answers it, and sheds it as one when it goes away', () => {
    const sim = new Simulation(CATALOG, ok({
      seed: 4, durationMs: 3_000,
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 20 },
        { id: 'lb', kind: 'load-balancer', timeoutMs: 200 },
        { id: 'x', kind: 'service', serviceTime: constant(30) },
      ],
      links: [{ from: 'p', to: 'lb' }, { from: 'lb', to: 'x', latency: constant(10) }],
      actions: [{ at: 1_000, do: 'offline', node: 'x' }, { at: 1_500, do: 'online', node: 'x' }],
    }));
    const checker = new InvariantChecker(sim);
    const channels = new Set<string>();
    sim.on((ev) => {
      if (ev.type === 'message.sent' && ev.from === 'lb') channels.add(ev.channel);
    });
    for (let i = 0; i < 20_000 && sim.step() !== null; i++) checker.check();
    checker.dispose();
    expect([...channels]).toEqual(['request']);
    expect(sim.node('x').processed).toBeGreaterThan(10);
  });
});
