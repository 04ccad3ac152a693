import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { LIMITS } from '../../sim/engine/limits';
import { MY_COMPARISON } from '../../sim/testing/comparisons';
import { decodeBombs, inflationBomb } from '../../sim/testing/fuzz';
import { pack } from '../shareLink';
import { CompareController } from './compareController';
import { decodeCompareHash, encodeCompareHash, type CompareAction } from './compareLink';
import { compareStore, type CompareState } from './compareStore';

function controller() {
  const store = createStore<CompareState>()(() => ({ ...compareStore.getState() }));
  return { c: new CompareController(() => 0, store), store };
}

describe('comparison share links', () => {
  it('a built-in travels by id; the switch and slow mode travel on the shared clock and replay at their instants', async () => {
    const actions: CompareAction[] = [
      { at: 2000, do: 'offline', node: 'shipping' },
      { at: 6000, do: 'online', node: 'shipping' },
      { at: 7000, do: 'slow', node: 'billing', factor: 5 },
    ];
    const hash = await encodeCompareHash({ id: 'compare-order-created', actions });
    expect(hash).toMatch(/^#compare=compare-order-created&a=/);
    const back = await decodeCompareHash(hash);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.shared.file).toBeUndefined();
    expect(back.shared.actions).toEqual(actions);

    // Opened from the link and run to 10 s, the run is the one where the user acted live.
    const live = controller();
    live.c.open('compare-order-created');
    live.c.seek(2000);
    live.c.setOnline('shipping', false);
    live.c.seek(6000);
    live.c.setOnline('shipping', true);
    live.c.seek(7000);
    live.c.setSlow('billing', 5);
    live.c.seek(10_000);
    const linked = controller();
    linked.c.openEntry(back.shared.entry, back.shared.file, back.shared.actions);
    expect(linked.store.getState().offline.shipping).toBeUndefined();
    linked.c.seek(4000);
    expect(linked.store.getState().offline.shipping).toBe(true);
    linked.c.seek(10_000);
    expect(linked.store.getState().slow.billing).toBe(5);
    expect(JSON.stringify(linked.store.getState().report)).toBe(JSON.stringify(live.store.getState().report));
    // What the link would carry now is what it came with.
    expect(linked.c.recorded).toEqual(actions);
  }, 60_000);

  it('the user’s own comparison travels whole, compressed, and opens the same', async () => {
    const hash = await encodeCompareHash({ id: 'mine', file: MY_COMPARISON, actions: [{ at: 500, do: 'offline', node: 'mailer' }] });
    expect(hash).toMatch(/^#compare=mine&z=[\w-]+&a=[\w-]+$/);
    const back = await decodeCompareHash(hash);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.shared.file).toEqual(MY_COMPARISON);
    expect(back.shared.entry.columns.map((c) => c.id)).toEqual(MY_COMPARISON.patterns);
  });

  it('an inflation bomb in the comparison or the actions is refused as too large, without inflating it all', async () => {
    const packed = await inflationBomb(64);
    const t0 = performance.now();
    expect(await decodeBombs(decodeCompareHash, [`#compare=x&z=${packed}`, `#compare=compare-order-created&a=${packed}`])).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  }, 60_000);

  it('a huge link is refused before inflating', async () => {
    const r = await decodeCompareHash(`#compare=x&z=${'A'.repeat(LIMITS.linkChars + 1)}`);
    expect(!r.ok && r.issues.en[0]).toEqual({ path: 'z', message: expect.stringContaining('Too large') });
  });

  it('an invalid comparison, damaged data, an unknown built-in and bad actions are refused, located, in both languages', async () => {
    const invalid = await decodeCompareHash(`#compare=mine&z=${await pack(JSON.stringify({ ...MY_COMPARISON, services: [] }))}`);
    expect(!invalid.ok && invalid.issues.en[0]!.path).toBe('services');
    expect(!invalid.ok && invalid.issues.es[0]!.path).toBe('services');

    const damaged = await decodeCompareHash('#compare=mine&z=not-deflate');
    expect(!damaged.ok && damaged.issues.en[0]!.path).toBe('z');

    const unknown = await decodeCompareHash('#compare=nope');
    expect(!unknown.ok && unknown.issues.en[0]!.message).toContain('compare-order-created');
    expect(!unknown.ok && unknown.issues.es[0]!.message).toContain('ninguna comparación');

    const id = '#compare=compare-order-created&a=';
    const negative = await decodeCompareHash(id + (await pack(JSON.stringify([{ at: -1, do: 'offline', node: 'shipping' }]))));
    expect(!negative.ok && negative.issues.en[0]!.path).toBe('a');
    const stranger = await decodeCompareHash(id + (await pack(JSON.stringify([{ at: 1, do: 'offline', node: 'orders' }]))));
    expect(!stranger.ok && stranger.issues.en[0]!.path).toBe('a[0].node');
    const slowless = await decodeCompareHash(id + (await pack(JSON.stringify([{ at: 1, do: 'slow', node: 'billing' }]))));
    expect(slowless.ok).toBe(false);
    const tooMany = Array.from({ length: LIMITS.actions + 1 }, (_, i) => ({ at: i, do: 'offline', node: 'billing' }));
    expect((await decodeCompareHash(id + (await pack(JSON.stringify(tooMany))))).ok).toBe(false);
  });
});
