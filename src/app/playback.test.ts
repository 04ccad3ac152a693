import { describe, expect, it } from 'vitest';
import { clampSpeed, MAX_FRAME_MS, MAX_SPEED, MIN_SPEED, Pacer, planSeek, Throttle } from './playback';

describe('playback pacing', () => {
  it('keeps the speed between 0.1× and 1000×', () => {
    expect(clampSpeed(0)).toBe(MIN_SPEED);
    expect(clampSpeed(5000)).toBe(MAX_SPEED);
    expect(clampSpeed(2)).toBe(2);
  });

  it('the first frame after a start runs no time; a long gap (a background tab) counts as 100 ms', () => {
    const pacer = new Pacer();
    expect(pacer.frame(1000)).toBe(0);
    expect(pacer.frame(1016)).toBe(16);
    expect(pacer.frame(5000)).toBe(MAX_FRAME_MS);
    pacer.stop();
    expect(pacer.frame(6000)).toBe(0);
  });

  it('at 10× a 16 ms frame should reach 160 simulated ms further', () => {
    expect(new Pacer().target(1000, 16, 10)).toBe(1160);
  });

  it('says the engine is behind only after several short frames, and stops saying it only after several good ones', () => {
    const pacer = new Pacer();
    let said = false;
    const frames = (reached: boolean, n: number) => {
      for (let i = 0; i < n; i++) {
        pacer.played(0, 16, 16, reached);
        said = pacer.behind(true, said);
      }
    };
    frames(false, 2);
    expect(said).toBe(false);
    frames(false, 3);
    expect(said).toBe(true);
    frames(true, 3);
    expect(said).toBe(true); // hysteresis: one good frame does not clear it
    frames(true, 20);
    expect(said).toBe(false);
    expect(pacer.behind(false, true)).toBe(false); // paused is never behind
  });

  it('measures the speed actually reached, smoothed', () => {
    const pacer = new Pacer();
    for (let i = 0; i < 50; i++) pacer.played(0, 80, 16, false); // 5× reached
    expect(pacer.actualSpeed).toBeCloseTo(5, 3);
  });
});

describe('seeking', () => {
  it('back re-runs from the start, forward runs on, to the same time does nothing', () => {
    expect(planSeek(5000, 2000, false)).toBe('rerun');
    expect(planSeek(5000, 8000, false)).toBe('forward');
    expect(planSeek(5000, 5000, false)).toBe('none');
    expect(planSeek(5000, 5000, true)).toBe('forward'); // a seek under way is retargeted
    expect(planSeek(5000, -10, false)).toBe('rerun');
  });
});

describe('the live figures throttle', () => {
  it('lets figures through at most every 100 ms and every 4 frames, unless forced', () => {
    const clock = { now: 0 };
    const throttle = new Throttle(() => clock.now, 100, 4);
    const passed: number[] = [];
    for (let frame = 1; frame <= 30; frame++) {
      clock.now += 16;
      if (throttle.due(false)) passed.push(clock.now);
    }
    expect(passed[0]).toBe(64); // the fourth frame: the interval counts from the start
    for (let i = 1; i < passed.length; i++) expect(passed[i]! - passed[i - 1]!).toBeGreaterThanOrEqual(100);
    expect(throttle.due(true)).toBe(true);
  });

  it('on a slow machine (200 ms frames) still waits 4 frames', () => {
    const clock = { now: 0 };
    const throttle = new Throttle(() => clock.now, 100, 4);
    const due = [];
    for (let frame = 0; frame < 9; frame++) {
      clock.now += 200;
      due.push(throttle.due(false));
    }
    expect(due).toEqual([false, false, false, true, false, false, false, true, false]);
  });
});
