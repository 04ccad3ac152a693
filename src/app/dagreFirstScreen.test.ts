import { describe, expect, it, vi } from 'vitest';
import { builtin } from '../scenarios';
import { DEFAULT_BUILTIN } from './firstScreen';
import type { Size } from './layout';

// As in the app's build (vite.config.ts): layout.ts's dagre is the first screen's stand-in.
vi.mock('@dagrejs/dagre', async () => ({ default: (await import('./dagreFirstScreen')).default }));
const dagre = (await vi.importActual<typeof import('@dagrejs/dagre')>('@dagrejs/dagre')).default;
// Fresh copies of the modules that hold dagre (the unit tests share a module cache, so layout.ts
// may already be loaded with the real package by another file): these see the stand-in.
vi.resetModules();
const { installDagre } = await import('./dagreFirstScreen');
const { columnCount, layoutDetailed } = await import('./layout');

/** Card sizes as a browser might measure them (seeded). */
function measured(ids: readonly string[], seed: number): Map<string, Size> {
  let s = seed;
  const next = () => (s = (s * 48271) % 2147483647) / 2147483647;
  return new Map(ids.map((id) => [id, { width: 150 + Math.round(250 * next()), height: 60 + Math.round(220 * next()) }]));
}

describe('the first screen laid out before dagre arrives', () => {
  it('puts the default scenario’s cards exactly where dagre does, at any card sizes, in both densities and every wrap', () => {
    const ids = DEFAULT_BUILTIN.nodes.map((n) => n.id);
    for (let seed = 1; seed <= 8; seed++) {
      const sizes = measured(ids, seed);
      for (const density of ['full', 'compact'] as const) {
        for (let k = 0; k < columnCount(DEFAULT_BUILTIN); k++) {
          installDagre(null);
          const before = layoutDetailed(DEFAULT_BUILTIN, sizes, density, k);
          installDagre(dagre);
          const after = layoutDetailed(DEFAULT_BUILTIN, sizes, density, k);
          expect(before).toEqual(after);
        }
      }
    }
  });

  it('lays out any other scenario with dagre once the engine has brought it, and refuses to guess before', () => {
    const other = builtin('rabbitmq-order-created')!;
    installDagre(null);
    expect(() => layoutDetailed(other)).toThrow(/not in the first screen’s layout table/);
    installDagre(dagre);
    expect(layoutDetailed(other).positions.size).toBe(other.nodes.length);
  });
});
