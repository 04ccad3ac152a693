import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimController } from './controller';

/** A fresh runtime module (its stand-in state is per module) and a controller that records calls. */
async function rig() {
  vi.resetModules();
  const runtime = await import('./runtime');
  const calls: string[] = [];
  let loaded = false;
  const real = {
    now: 0,
    load: () => ((loaded = true), true),
    step: () => void calls.push(loaded ? 'step' : 'step on no run (lost)'),
    setSpeed: (s: number) => void calls.push(`speed ${s}`),
  } as unknown as SimController;
  return { ...runtime, real, calls };
}

describe('the controller stand-in (runtime.ts)', () => {
  beforeEach(() => vi.resetModules());

  it('keeps a Step pressed after the engine arrived but before the first scenario loaded, and runs it after the load', async () => {
    const { controller, installController, runQueuedCommands, real, calls } = await rig();
    controller.step(); // before the engine
    installController(real);
    controller.step(); // the engine is there, the scenario not yet
    expect(calls).toEqual([]);
    expect(controller.load(undefined as never, undefined as never)).toBe(true); // the loader's own call goes through
    runQueuedCommands();
    expect(calls).toEqual(['step', 'step']);
    controller.step(); // afterwards, straight to the controller
    expect(calls).toEqual(['step', 'step', 'step']);
  });

  it('passes what does not act on the run straight through once the engine is there', async () => {
    const { controller, installController, real, calls } = await rig();
    installController(real);
    controller.setSpeed(4);
    expect(calls).toEqual(['speed 4']);
  });
});
