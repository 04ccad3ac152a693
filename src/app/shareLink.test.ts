import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import { decodeShareHash, encodeShareHash } from './shareLink';

describe('share links', () => {
  it('a built-in travels by id, with its seed and recorded actions', async () => {
    const scenario = builtin('mm1')!;
    const recorded = [{ do: 'offline' as const, node: 'worker', at: 1234.5, step: 40 }];
    const hash = await encodeShareHash({ scenario, builtinId: 'mm1', seed: 9, recorded });
    expect(hash).toMatch(/^#s=mm1&seed=9&a=/);
    const back = await decodeShareHash(hash);
    expect(back).toEqual({ ok: true, run: { scenario, builtinId: 'mm1', seed: 9, recorded } });
  });

  it('a custom scenario travels whole, compressed', async () => {
    const scenario = { ...builtin('mmc')!, id: 'mine' };
    const hash = await encodeShareHash({ scenario, recorded: [] });
    expect(hash).toMatch(/^#z=/);
    const back = await decodeShareHash(hash);
    expect(back.ok && back.run.scenario).toEqual(scenario);
  });

  it('a damaged link is reported in both languages, with where', async () => {
    for (const [hash, en, es] of [
      ['#s=nope', /No built-in scenario is called "nope"/, /No hay ningún escenario incorporado llamado "nope"/],
      ['#z=%%%', /This share link is damaged/, /Este enlace compartido está dañado/],
      ['#s=mm1&seed=x', /seed "x"/, /semilla "x"/],
      ['#nothing=1', /names no scenario/, /no indica ningún escenario/],
    ] as const) {
      const r = await decodeShareHash(hash);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issues.en[0]!.message).toMatch(en);
        expect(r.issues.es[0]!.message).toMatch(es);
      }
    }
  });

  it('recorded actions must name nodes the scenario has', async () => {
    const scenario = builtin('mm1')!;
    const hash = await encodeShareHash({ scenario, builtinId: 'mm1', recorded: [{ do: 'offline', node: 'ghost', at: 1, step: 1 }] });
    const r = await decodeShareHash(hash);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.en[0]).toMatchObject({ path: 'a', message: expect.stringMatching(/"ghost"/) });
  });
});
