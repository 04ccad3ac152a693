import { defineKind } from '../../engine/kind';
import { Delay, delaySchema } from './delay';

/** `delay`: a hop that holds each message for a drawn time, then forwards it. */
export const delayKind = defineKind(delaySchema, (sim, config) => new Delay(sim, config), {
  role: 'service',
  onlineSwitch: true,
  backlog: 'held',
  traceTypes: [],
});

/** The delay kinds. */
export const delayKinds = [delayKind] as const;

/** A delay node emits only the engine's own trace events (received, sent, dropped). */
export type DelayTrace = never;
