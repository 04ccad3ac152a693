import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import { createAppStore } from '../store/appStore';
import { createFrameStore } from '../store/frameStore';
import { SimController } from './controller';
import { HOP_MS } from './flights';

/** A controller on fresh stores, driven by hand: each tick is one 16 ms frame. */
function rig() {
  const app = createAppStore('en');
  const frame = createFrameStore();
  const wall = { now: 0 };
  const controller = new SimController(app, frame, () => wall.now);
  controller.load(builtin('user-registered-queue')!, { source: { kind: 'builtin', id: 'user-registered-queue' } });
  const frames = (n: number) => {
    for (let i = 0; i < n; i++) {
      wall.now += 16;
      controller.tick(wall.now);
    }
  };
  const state = () => ({ now: frame.getState().now, events: frame.getState().events, live: JSON.stringify(app.getState().live) });
  return { app, frame, controller, frames, state };
}

describe('the controller', () => {
  it('step runs exactly one event and says what it did', () => {
    const { app, frame, controller } = rig();
    controller.step();
    expect(frame.getState().events).toBe(1);
    const step = app.getState().lastStep;
    expect(step?.kind).toBe('events');
    if (step?.kind === 'events') expect(step.events[0]?.type).toBe('message.published');
  });

  it('seeking back re-runs from the start and lands on the same state, toggles included', () => {
    const { controller, frames, state } = rig();
    controller.seekTo(3000);
    frames(5);
    controller.act({ do: 'offline', node: 'email' });
    controller.seekTo(8000);
    frames(5);
    const first = state();
    expect(first.now).toBe(8000);
    controller.seekTo(20_000);
    frames(5);
    expect(state()).not.toEqual(first);
    controller.seekTo(8000);
    frames(20);
    expect(state()).toEqual(first);
  });

  it('playing advances simulated time by speed × wall time', () => {
    const { controller, frames, frame } = rig();
    controller.setSpeed(10);
    controller.play();
    frames(11); // the first frame has no previous one to measure from
    expect(frame.getState().now).toBeCloseTo(10 * 16 * 10, 6);
  });

  it("play stops exactly at the scenario's end, where an edit takes effect at once; Continue runs on", () => {
    const { app, controller, frames, frame } = rig();
    const end = app.getState().scenario!.durationMs!;
    controller.setSpeed(50); // 800 ms of simulated time a frame: one frame would overshoot the end
    controller.play();
    frames(Math.ceil(end / 800) + 5);
    expect(app.getState().playing).toBe(false);
    expect(frame.getState().now).toBe(end);
    expect(app.getState().seekingTo).toBeNull(); // no re-run came back to the end
    controller.act({ do: 'configure', node: 'email', patch: { concurrency: 40 } });
    frames(Math.ceil(HOP_MS / 16) + 2);
    expect(app.getState().live.email?.concurrency).toBe(40);
    expect(controller.recorded).toEqual([expect.objectContaining({ do: 'configure', at: end })]);
    controller.play(); // Continue
    frames(5);
    expect(frame.getState().now).toBeGreaterThan(end);
  });

  it('a toggle is recorded with its time and event, so a share link can replay it', () => {
    const { controller } = rig();
    controller.seekTo(2500);
    controller.tick(1);
    controller.act({ do: 'offline', node: 'email' });
    expect(controller.recorded).toEqual([expect.objectContaining({ do: 'offline', node: 'email', at: 2500 })]);
  });

  it('slow mode multiplies a service time and is recorded like a toggle', () => {
    const { controller, app } = rig();
    controller.act({ do: 'slow', node: 'email', factor: 5 });
    expect(app.getState().live.email?.slowFactor).toBe(5);
    expect(controller.recorded).toEqual([expect.objectContaining({ do: 'slow', node: 'email', factor: 5, at: 0 })]);
  });

  it('a card changes only once the message that changes it has arrived on screen (HOP_MS later)', () => {
    const { app, controller, frames } = rig();
    const producer = Object.keys(app.getState().live).find((id) => app.getState().live[id]?.kind === 'producer')!;
    controller.step(); // the first publication
    expect(app.getState().live[producer]?.published).toBe(0);
    frames(Math.floor(HOP_MS / 16) - 2);
    expect(app.getState().live[producer]?.published).toBe(0);
    frames(4);
    expect(app.getState().live[producer]?.published).toBe(1);
  });

  it('after a pause the cards catch up with the clock together, and then both stay still', () => {
    // Figures are taken at most every 100 ms while playing: whichever frame the pause lands on,
    // the cards must end on the figures of the paused instant, not on the last ones taken.
    for (let playFrames = 20; playFrames < 28; playFrames++) {
      const { controller, frames, state } = rig();
      controller.setSpeed(30);
      controller.play();
      frames(playFrames);
      controller.pause();
      frames(Math.ceil(HOP_MS / 16) + 1); // the screen's clock has reached the engine's
      const settled = state();
      frames(40);
      expect(state(), `paused after ${playFrames} frames`).toEqual(settled);
    }
  });

  it('"publish one" publishes exactly one message and is recorded, so a seek back replays it', () => {
    const { app, controller, frames, frame } = rig();
    const producer = Object.keys(app.getState().live).find((id) => app.getState().live[id]?.kind === 'producer')!;
    controller.act({ do: 'command', node: producer, command: 'publish-one' });
    expect(frame.getState().totals?.published).toBe(1);
    expect(controller.recorded).toEqual([expect.objectContaining({ do: 'command', command: 'publish-one', node: producer, at: 0 })]);
    controller.seekTo(100);
    frames(3);
    const at100 = frame.getState().totals?.published;
    controller.seekTo(0);
    frames(3);
    controller.seekTo(100);
    frames(3);
    expect(frame.getState().totals?.published).toBe(at100);
    expect(at100).toBeGreaterThanOrEqual(1);
  });

  it('a load that leaves the figures for later (the engine taking the first screen over) changes no card until showFigures, which shows them at once', () => {
    const app = createAppStore('en');
    const frame = createFrameStore();
    const wall = { now: 0 };
    const controller = new SimController(app, frame, () => wall.now);
    controller.load(builtin('user-registered-queue')!, { source: { kind: 'builtin', id: 'user-registered-queue' }, figuresLater: true });
    expect(app.getState().live).toEqual({});
    expect(app.getState().configs).toEqual({});
    // The clock and the totals are there at once.
    expect(frame.getState().totals?.published).toBe(0);
    controller.showFigures();
    expect(Object.keys(app.getState().live)).toEqual(['users', 'signups', 'email']);
    expect(app.getState().live.users?.published).toBe(0);
    expect(Object.keys(app.getState().configs)).toEqual(['users', 'signups', 'email']);
  });
});
