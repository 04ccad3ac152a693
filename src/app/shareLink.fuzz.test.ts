import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import { damage, decodeBombs, inflationBomb, linkDamage, linkRefusalHolds } from '../sim/testing/fuzz';
import { decodeShareHash, encodeShareHash } from './shareLink';

const SEED = 1313;

describe('share links, fuzzed (issue 13)', () => {
  it('500 truncated and garbled links: decoding never throws, every refusal is located and bilingual', async () => {
    await fc.assert(
      fc.asyncProperty(linkDamage, async (d) => {
        const scenario = builtin(d.scenario)!;
        const recorded = [{ do: 'offline' as const, node: scenario.nodes[0]!.id, at: 10, step: 3 }];
        const hash = await encodeShareHash({ scenario: { ...scenario, id: 'mine' }, builtinId: d.custom ? undefined : d.scenario, seed: 7, recorded });
        const result = await decodeShareHash(damage(hash, d));
        if (!result.ok) expect(linkRefusalHolds(result.issues)).toBeUndefined();
      }),
      { seed: SEED, numRuns: 500 },
    );
  }, 120_000);

  it('an inflation bomb (64 MB of spaces in a few dozen KB) is refused as too large, without inflating it all', async () => {
    const packed = await inflationBomb(64);
    expect(packed.length).toBeLessThan(200_000);
    const t0 = performance.now();
    expect(await decodeBombs(decodeShareHash, [`#z=${packed}`, `#s=mm1&a=${packed}`])).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  }, 60_000);

  it('recorded actions the engine would refuse are refused when the link opens, located (a bad patch, a partition without a link, too deep)', async () => {
    const scenario = builtin('mm1')!;
    const worker = scenario.nodes.find((n) => n.kind === 'service')!.id;
    let deep: unknown = 1;
    for (let i = 0; i < 1000; i++) deep = [deep];
    for (const [recorded, path] of [
      [[{ do: 'configure', node: worker, patch: { concurrency: 'x' }, at: 1, step: 1 }], 'a[0].patch'],
      [[{ do: 'partition', from: scenario.nodes[0]!.id, to: worker, at: 1, step: 1 }], 'a[0]'],
      [[{ do: 'configure', node: worker, patch: { label: deep }, at: 1, step: 1 }], /^a\[0\]\.patch\.label/],
    ] as const) {
      const hash = await encodeShareHash({ scenario, builtinId: 'mm1', recorded: recorded as never });
      const r = await decodeShareHash(hash);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.en[0]!.path).toMatch(path);
    }
  });
});
