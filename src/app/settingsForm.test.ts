import { describe, expect, it } from 'vitest';
import { nodeKind } from '../sim/catalog';
import { Simulation } from '../sim/engine/simulation';
import { builtin } from '../scenarios';
import { isInputError, patchFor, readNumber, settingsOf, switchDist } from './settingsForm';

const schemaOf = (kind: string) => nodeKind(kind)!.schema;

describe('the settings form', () => {
  it('reads a service schema into fields: concurrency a whole number of at least 1, service time a distribution', () => {
    const fields = settingsOf(schemaOf('service'));
    expect(fields.map((f) => f.key)).toEqual(['concurrency', 'serviceTime', 'failureRate', 'maxQueue', 'whenOffline']);
    expect(fields[0]).toMatchObject({ type: 'number', int: true, min: { value: 0, inclusive: false }, optional: false });
    expect(fields[1]).toMatchObject({ type: 'dist' });
    expect(fields[2]).toMatchObject({ type: 'number', int: false, min: { value: 0, inclusive: true }, max: { value: 1, inclusive: true } });
    expect(fields[3]).toMatchObject({ type: 'number', optional: true });
    expect(fields[4]).toMatchObject({ type: 'enum', options: ['refuse', 'hang'] });
  });

  it('reads nested policies (retry, circuit breaker) as groups of fields', () => {
    const fields = settingsOf(schemaOf('rest-client'));
    const retry = fields.find((f) => f.key === 'retry')!;
    expect(retry).toMatchObject({ type: 'object', optional: true });
    if (retry.type === 'object') expect(retry.fields.map((f) => f.key)).toEqual(['maxAttempts', 'jitter', 'baseMs', 'capMs']);
    expect(fields.find((f) => f.key === 'circuitBreaker')?.type).toBe('object');
  });

  it('refuses bad numbers with a reason and accepts good ones', () => {
    const spec = { int: true, min: { value: 0, inclusive: false } };
    expect(readNumber('4', spec)).toBe(4);
    expect(readNumber(' 2,0 ', { int: false })).toBe(2);
    expect(readNumber('', spec)).toEqual({ key: 'inputRequired' });
    expect(readNumber('abc', spec)).toEqual({ key: 'inputNotNumber' });
    expect(readNumber('1.5', spec)).toEqual({ key: 'inputWhole' });
    expect(readNumber('0', spec)).toEqual({ key: 'inputAtLeast', params: { min: 1 } });
    expect(readNumber('0', { int: false, min: { value: 0, inclusive: false } })).toEqual({ key: 'inputAbove', params: { min: 0 } });
    expect(readNumber('1.5', { int: false, max: { value: 1, inclusive: true } })).toEqual({ key: 'inputAtMost', params: { max: 1 } });
    expect(isInputError(readNumber('x', spec))).toBe(true);
  });

  it('checks a change against the whole schema: a uniform whose max is below its min is refused, in the user language', () => {
    const config = builtin('user-registered-queue')!.nodes.find((n) => n.id === 'email')!;
    const bad = patchFor(schemaOf('service'), config, 'serviceTime', { dist: 'uniform', minMs: 200, maxMs: 100 }, 'en');
    expect('error' in bad && 'text' in bad.error && bad.error.text).toMatch(/maxMs/);
    const good = patchFor(schemaOf('service'), config, 'concurrency', 4, 'en');
    expect(good).toEqual({ patch: { concurrency: 4 } });
    // Clearing an optional setting unsets it; clearing one with a default brings the default back.
    expect(patchFor(schemaOf('service'), { ...config, maxQueue: 5 }, 'maxQueue', undefined, 'en')).toEqual({ patch: { maxQueue: null } });
    expect(patchFor(schemaOf('service'), config, 'concurrency', undefined, 'en')).toEqual({ patch: { concurrency: 1 } });
  });

  it('turns a policy on with its defaults filled in', () => {
    const config = builtin('rest-order-chain')!.nodes.find((n) => n.kind === 'rest-client')!;
    const on = patchFor(schemaOf('rest-client'), { ...config, bulkhead: undefined }, 'bulkhead', {}, 'en');
    expect('patch' in on && on.patch.bulkhead).toMatchObject({ maxConcurrentCalls: expect.any(Number) });
  });

  it('keeps the mean when the distribution kind changes', () => {
    expect(switchDist({ dist: 'exponential', meanMs: 200 }, 'constant')).toEqual({ dist: 'constant', ms: 200 });
    expect(switchDist({ dist: 'constant', ms: 100 }, 'uniform')).toEqual({ dist: 'uniform', minMs: 0, maxMs: 200 });
  });

  it('a configure patch from the form, applied as a recorded action, changes the run: 4 workers drain an outage backlog faster than 1', () => {
    const backlogAfter = (concurrency: number) => {
      const sim = new Simulation(builtin('user-registered-queue')!);
      sim.runUntil(1000);
      sim.act({ do: 'offline', node: 'email' });
      sim.runUntil(15_000);
      sim.act({ do: 'online', node: 'email' });
      const result = patchFor(schemaOf('service'), sim.node('email').config as unknown as Record<string, unknown>, 'concurrency', concurrency, 'en');
      if (!('patch' in result)) throw new Error('refused');
      sim.act({ do: 'configure', node: 'email', patch: result.patch });
      sim.runUntil(18_000);
      const replay = new Simulation(builtin('user-registered-queue')!, { recorded: sim.recorded });
      replay.runUntil(18_000);
      expect(replay.node('signups').backlogNow()).toBe(sim.node('signups').backlogNow());
      return sim.node('signups').backlogNow();
    };
    expect(backlogAfter(1)).toBeGreaterThan(backlogAfter(4) + 5);
  });
});
