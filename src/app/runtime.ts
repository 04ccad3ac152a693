import type { SimController } from './controller';
import { FlightBuffer, HOP_MS } from './flights';

/**
 * The app's one controller. The engine (Simulation, the models, zod) is not in the first load:
 * it arrives in its own chunk once the page is hydrated and the browser idle (`engineRuntime.ts`,
 * imported by `main.tsx`), and `controller` stands for it until then. Subscriptions (`onRun`, `onFrame`,
 * `start`) made before it is there are handed to it the moment it arrives; commands (Play, Step,
 * a key) once it has loaded the first scenario (`runQueuedCommands`, called by main.tsx), in
 * the order they were given. Reads answer as an empty controller at t = 0 would.
 */
let real: SimController | null = null;
const waiting: ((c: SimController) => void)[] = [];
let commands: ((c: SimController) => void)[] | null = [];

/** Installs the real controller (engineRuntime.ts) and hands it the subscriptions made before it came. */
export function installController(c: SimController): void {
  real = c;
  for (const f of waiting.splice(0)) f(c);
}

/** Runs the commands given before the engine arrived; called once the first scenario is loaded. */
export function runQueuedCommands(): void {
  const queued = commands ?? [];
  commands = null;
  if (real) for (const f of queued) f(real);
}

/** Whether the engine has arrived. */
export function engineArrived(): boolean {
  return real !== null;
}

/**
 * What acts on the run, so needs the first scenario loaded. Given between the engine's arrival
 * and that load (the engine chunk installs the controller, then the loader waits for the
 * strings and sentences before it loads the scenario), it waits with the others: it would find
 * no run and be lost (a Step pressed in that moment did nothing).
 */
const RUN_COMMANDS: ReadonlySet<PropertyKey> = new Set([
  'reset', 'reseed', 'play', 'pause', 'playUntil', 'rewind', 'toggle', 'step', 'seekTo', 'follow', 'act',
] satisfies (keyof SimController)[]);

const idle = new FlightBuffer();

/** A subscription made before the engine arrived: handed over then, unless undone first. */
function later(method: 'onRun' | 'onFrame') {
  return (listener: never) => {
    let off: (() => void) | null = null;
    let cancelled = false;
    waiting.push((c) => {
      if (!cancelled) off = (c[method] as (l: never) => () => void)(listener);
    });
    return () => {
      cancelled = true;
      off?.();
    };
  };
}

/** What the stand-in answers before the engine arrives. */
const before: Partial<Record<keyof SimController, unknown>> = {
  flights: idle,
  reader: null,
  now: 0,
  recorded: [],
  hopMs: HOP_MS,
  onRun: later('onRun'),
  onFrame: later('onFrame'),
  shownAt: () => 0,
};

/** Calls `c`'s method `key` with `args`. */
function callOn(c: SimController, key: PropertyKey, args: unknown[]): unknown {
  return (c[key as keyof SimController] as (...a: unknown[]) => unknown).apply(c, args);
}

export const controller: SimController = new Proxy({} as SimController, {
  get(_, key) {
    const call = (c: SimController, args: unknown[]) => callOn(c, key, args);
    if (real && commands && RUN_COMMANDS.has(key)) {
      const c = real;
      return (...args: unknown[]) => void (commands ? commands.push((q) => call(q, args)) : call(c, args));
    }
    if (real) {
      const value = Reflect.get(real, key, real) as unknown;
      return typeof value === 'function' ? value.bind(real) : value;
    }
    if (key in before) return before[key as keyof SimController];
    // The frame loop starts (and stops) with the controller; a command waits for the first scenario.
    if (key === 'start' || key === 'stop') return (...args: unknown[]) => void waiting.push((c) => call(c, args));
    return (...args: unknown[]) => void (commands ?? waiting).push((c) => call(c, args));
  },
  set(_, key, value) {
    if (real) return Reflect.set(real, key, value, real);
    waiting.push((c) => Reflect.set(c, key, value, c));
    return true;
  },
});
