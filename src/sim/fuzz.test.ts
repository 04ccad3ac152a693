import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidDocument, parseHolds, plan, runHolds, scenarioToRun } from './testing/fuzz';

// Seeded: a failure prints the seed, the path and the shrunk counterexample; rerun it with
// `fc.assert(..., { seed, path })`. `npm run fuzz` runs 10,000 of each with fresh seeds.
const SEED = 1313;

describe('fuzzing (issue 13)', () => {
  it('2,000 mostly invalid documents: parsing never throws, every refusal is located and bilingual', () => {
    fc.assert(
      fc.property(invalidDocument, (doc) => {
        expect(parseHolds(doc)).toBeUndefined();
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  }, 120_000);

  it('random valid scenarios with random actions and settings patches: no throw but a bilingual limit, the ledger balances after every event', () => {
    fc.assert(
      fc.property(scenarioToRun, plan, (doc, steps) => {
        expect(runHolds(doc, steps)).toBeUndefined();
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 300_000);
});
