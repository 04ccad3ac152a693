import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore';
import { createFrameStore } from '../store/frameStore';
import { StorePublisher, type FrameFacts, type PublishedRun } from './publisher';
import type { RunReader } from './runReader';

/** A run of one node whose figures are read through a counter; `events` and `now` move by hand. */
function fakeRun() {
  const state = { events: 0, now: 0, processed: 0, reads: 0 };
  const reader: RunReader = {
    get now() {
      return state.now;
    },
    nodes: [{ id: 'a', kind: 'service' }],
    config: () => ({ id: 'a', kind: 'service' }) as never,
    stats: () => {
      state.reads++;
      return { kind: 'service', online: true, processed: state.processed, slowFactor: 1 };
    },
    switches: () => ({ online: true, slowFactor: 1 }),
    backlog: () => 0,
  };
  const run: PublishedRun = { reader, get events() { return state.events; }, totals: () => ({}) as never };
  return { run, state };
}

const facts = (wall: number, force = false): FrameFacts => ({
  force, seekingTo: null, behind: () => false, actualSpeed: 1, liveDue: () => true, wall, immediate: true,
});

describe('the store publisher', () => {
  it('takes no figures on frames that find the run where it was (paused, idle), and takes them again once it moves', () => {
    const app = createAppStore('en');
    const publisher = new StorePublisher(app, createFrameStore(), 0);
    const { run, state } = fakeRun();
    publisher.publish(run, facts(0, true));
    expect(app.getState().live.a?.processed).toBe(0);
    const reads = state.reads;
    for (let f = 1; f <= 50; f++) publisher.publish(run, facts(f * 16));
    expect(state.reads).toBe(reads);
    state.events = 1;
    state.processed = 1;
    publisher.publish(run, facts(51 * 16));
    expect(app.getState().live.a?.processed).toBe(1);
  });

  it('a forced publish (an action, a step, a load) takes the figures even if the run has not moved', () => {
    const app = createAppStore('en');
    const publisher = new StorePublisher(app, createFrameStore(), 0);
    const { run, state } = fakeRun();
    publisher.publish(run, facts(0, true));
    state.processed = 7; // changed by an action, at the same event count and time
    publisher.publish(run, facts(16, true));
    expect(app.getState().live.a?.processed).toBe(7);
  });
});
