import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lazySchema } from './engine/lazySchema';

describe('schemas built on first use', () => {
  it('the engine loads and runs a validated scenario without building any schema; the first parse builds them', async () => {
    // Fresh modules, as the engine chunk is on a first visit (other test files may share this worker's).
    vi.resetModules();
    const { CATALOG, parseScenario } = await import('./catalog');
    const { BUILTIN_FILES } = await import('../scenarios');
    const { Simulation } = await import('./engine/simulation');
    const { lazySchemasBuilt } = await import('./engine/lazySchema');
    // What the app does on a first visit: the scenario comes parsed from the build (loaderBuiltins.ts).
    const file = structuredClone(BUILTIN_FILES[0]);
    const before = lazySchemasBuilt();
    expect(before).toBe(0);
    const parsed = parseScenario(file);
    expect(lazySchemasBuilt()).toBeGreaterThan(0);
    if (!parsed.ok) throw new Error('the default scenario does not parse');
    const built = lazySchemasBuilt();
    const sim = new Simulation(CATALOG, parsed.scenario);
    sim.runUntil(5_000);
    expect(sim.now).toBeGreaterThan(0);
    expect(lazySchemasBuilt()).toBe(built);
  });

  it('is built once, when first read, and then behaves as the schema it stands for', () => {
    let made = 0;
    const inner = lazySchema(() => (made++, z.object({ ms: z.number().nonnegative() }).strict()));
    const outer = lazySchema(() => z.object({ kind: z.literal('x'), wait: inner.optional() }).strict());
    expect(made).toBe(0);
    expect(outer.safeParse({ kind: 'x', wait: { ms: 3 } })).toEqual({ success: true, data: { kind: 'x', wait: { ms: 3 } } });
    expect(outer.safeParse({ kind: 'x', wait: { ms: -1 } }).success).toBe(false);
    expect(made).toBe(1);
    expect(inner).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(outer.shape)).toEqual(['kind', 'wait']);
    expect(z.toJSONSchema(outer)).toEqual(z.toJSONSchema(z.object({ kind: z.literal('x'), wait: z.object({ ms: z.number().nonnegative() }).strict().optional() }).strict()));
    expect(made).toBe(1);
  });
});
