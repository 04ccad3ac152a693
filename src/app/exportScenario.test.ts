import { CATALOG, parseScenarioText } from '../sim/catalog';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../scenarios';
import type { ActionSpec } from '../sim/engine/scenario';
import { Simulation } from '../sim/engine/simulation';
import { exportDocument, exportText } from './exportScenario';

/** A random valid scenario: a built-in, another seed and length, and a run with random learner actions. */
const runs = fc.record({
  base: fc.constantFrom(...BUILTINS),
  seed: fc.integer({ min: -1e6, max: 1e6 }),
  durationMs: fc.integer({ min: 1000, max: 200_000 }),
  title: fc.oneof(fc.string(), fc.record({ en: fc.string(), es: fc.string() })),
  acts: fc.array(
    fc.record({
      atMs: fc.integer({ min: 0, max: 5000 }),
      what: fc.constantFrom('offline', 'online', 'slow'),
      node: fc.nat(),
      factor: fc.constantFrom(1, 2, 5, 10),
    }),
    { maxLength: 6 },
  ),
});

describe('export', () => {
  it('export then import gives the same document, over random scenarios and runs', () => {
    fc.assert(
      fc.property(runs, ({ base, seed, durationMs, title, acts }) => {
        const scenario = { ...base, durationMs, title };
        const sim = new Simulation(CATALOG, scenario, { seed });
        for (const a of [...acts].sort((x, y) => x.atMs - y.atMs)) {
          sim.runUntil(a.atMs);
          const node = scenario.nodes[a.node % scenario.nodes.length]!.id;
          const spec: ActionSpec = a.what === 'slow' ? { do: 'slow', node, factor: a.factor } : { do: a.what, node };
          sim.act(spec);
        }
        const doc = exportDocument(scenario, seed, sim.recorded, 'https://example.test/scenario.schema.json');
        const back = parseScenarioText(exportText(doc));
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.scenario).toEqual(doc);
      }),
      { numRuns: 60, seed: 20261130 },
    );
  }, 30_000);

  it('includes an inspector edit and a switch flipped while running, at the moments they happened', () => {
    const s = BUILTINS.find((b) => b.id === 'user-registered-queue')!;
    const sim = new Simulation(CATALOG, s);
    sim.runUntil(2500);
    sim.act({ do: 'configure', node: 'email', patch: { concurrency: 4 } });
    sim.runUntil(4000);
    sim.act({ do: 'offline', node: 'email' });
    const doc = exportDocument(s, 99, sim.recorded);
    expect(doc.seed).toBe(99);
    expect(doc.actions).toEqual([
      { at: 2500, do: 'configure', node: 'email', patch: { concurrency: 4 } },
      { at: 4000, do: 'offline', node: 'email' },
    ]);
    // Played back from the file, the email service is offline from 4 s on with the edited concurrency.
    const replay = new Simulation(CATALOG, doc);
    replay.runUntil(5000);
    expect(replay.node('email').online).toBe(false);
    expect((replay.node('email').config as unknown as { concurrency: number }).concurrency).toBe(4);
  });
});
