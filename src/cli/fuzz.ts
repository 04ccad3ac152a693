/**
 * `npm run fuzz [-- --runs 10000] [--seed 42]`: the fuzzing properties of issue 13 at full
 * size, with a fresh seed unless one is given. Prints, for each kind, how many cases ran and
 * what became of them; a failure prints the seed, the path and the shrunk counterexample
 * (rerun it with the same --seed), and the exit code is 1.
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { builtin } from '../scenarios';
import { decodeShareHash, encodeShareHash } from '../app/shareLink';
import {
  damage, invalidDocument, linkDamage, linkRefusalHolds, parseHolds, plan, runHolds, scenarioToRun, type RunTally,
} from '../sim/testing/fuzz';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const numRuns = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
let failed = false;

function report<T>(name: string, result: fc.RunDetails<T>, detail: string, ms: number): void {
  const status = result.failed ? 'FAILED' : 'ok';
  console.log(`${name}: ${result.numRuns} cases, ${status} in ${(ms / 1000).toFixed(1)} s — ${detail}`);
  if (result.failed) {
    failed = true;
    console.log(fc.defaultReportMessage(result));
  }
}

console.log(`npm run fuzz: seed ${seed}, ${numRuns} cases of each kind`);

let t0 = performance.now();
let refusedDocs = 0;
const docs = fc.check(
  fc.property(invalidDocument, (doc) => {
    const verdict = parseHolds(doc);
    if (verdict !== undefined) throw new Error(verdict);
    refusedDocs++;
  }),
  { seed, numRuns },
);
report('invalid documents', docs, `${refusedDocs} parsed without a throw; every refusal located and bilingual`, performance.now() - t0);

t0 = performance.now();
let links = 0;
let refusedLinks = 0;
const linkResult = await fc.check(
  fc.asyncProperty(linkDamage, async (d) => {
    const scenario = builtin(d.scenario)!;
    const recorded = [{ do: 'offline' as const, node: scenario.nodes[0]!.id, at: 10, step: 3 }];
    const hash = await encodeShareHash({ scenario: { ...scenario, id: 'mine' }, builtinId: d.custom ? undefined : d.scenario, seed: 7, recorded });
    const result = await decodeShareHash(damage(hash, d));
    links++;
    if (result.ok) return true;
    refusedLinks++;
    const verdict = linkRefusalHolds(result.issues);
    if (verdict !== undefined) throw new Error(verdict);
    return true;
  }),
  { seed, numRuns },
);
report('damaged share links', linkResult, `${links - refusedLinks} still opened, ${refusedLinks} refused with a located bilingual message`, performance.now() - t0);

t0 = performance.now();
const tally: RunTally = { refused: 0, ran: 0, limits: 0, events: 0 };
const runs = fc.check(
  fc.property(scenarioToRun, plan, (doc, steps) => {
    // Thrown, not returned: fast-check then prints why the case failed beside its counterexample.
    const verdict = runHolds(doc, steps, tally);
    if (verdict !== undefined) throw new Error(verdict);
  }),
  { seed, numRuns },
);
report(
  'random scenarios with random actions',
  runs,
  `${tally.ran} ran (${tally.events.toLocaleString('en')} events, the ledger checked after each), ${tally.refused} refused at load, ` +
    `${tally.limits} actions or runs stopped by a bilingual limit; 0 hangs (each run is bounded)`,
  performance.now() - t0,
);

process.exitCode = failed ? 1 : 0;
