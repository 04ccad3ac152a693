/** Slowest and fastest playback, simulated ms per wall ms. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
/** A frame longer than this (a background tab) counts as this long, wall ms. */
export const MAX_FRAME_MS = 100;

/** A playback speed within [MIN_SPEED, MAX_SPEED]. */
export function clampSpeed(speed: number): number {
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

/**
 * How playing paces the engine against the wall clock, with no engine and no DOM in it: the
 * wall time of each frame comes in, the simulated time each frame reached goes in, and it
 * says how far the next frame should go and whether the engine is keeping up.
 */
export class Pacer {
  /** Exponentially smoothed share of recent frames that fell short of the speed asked for. */
  behindScore = 0;
  /** Simulated ms per wall ms actually achieved, smoothed. */
  actualSpeed = 0;
  private lastWall = -1;

  /** Wall ms since the previous frame (0 on the first frame after a start, at most MAX_FRAME_MS). */
  frame(wall: number): number {
    const dt = this.lastWall < 0 ? 0 : Math.min(MAX_FRAME_MS, wall - this.lastWall);
    this.lastWall = wall;
    return dt;
  }

  /** The simulated time a frame of `dt` wall ms should reach from `from` at `speed`. */
  target(from: number, dt: number, speed: number): number {
    return from + dt * speed;
  }

  /**
   * Records a played frame: it went from `from` to `to` simulated ms in `dt` wall ms, and
   * `reached` says whether it got to its target. When short, the debt is dropped, not
   * carried, so the run slows down instead of freezing to catch up.
   */
  played(from: number, to: number, dt: number, reached: boolean): void {
    this.behindScore = this.behindScore * 0.9 + (reached ? 0 : 0.1);
    if (dt > 0) this.actualSpeed = this.actualSpeed * 0.8 + ((to - from) / dt) * 0.2;
  }

  /** Whether to say the engine is behind; hysteresis (on above 0.3, off below 0.1) keeps the notice from flickering. */
  behind(playing: boolean, saidBehind: boolean): boolean {
    return playing && (saidBehind ? this.behindScore > 0.1 : this.behindScore > 0.3);
  }

  /** A new speed was chosen: forget how the old one went. */
  resetBehind(): void {
    this.behindScore = 0;
  }

  /** The loop stopped: the next frame starts with no elapsed time. */
  stop(): void {
    this.lastWall = -1;
  }
}

/** What a seek to `target` means from simulated time `now`: nothing, run on, or re-run from the start. */
export function planSeek(now: number, target: number, seeking: boolean): 'none' | 'forward' | 'rerun' {
  const t = Math.max(0, target);
  if (t === now && !seeking) return 'none';
  return t < now ? 'rerun' : 'forward';
}

/**
 * Lets something through at most once per `everyMs` of the injected clock and once in
 * `everyFrames` calls, unless forced (node figures go to React a few times a second, never
 * every frame, however slow the machine).
 */
export class Throttle {
  private last = -Infinity;
  private calls = 0;

  constructor(
    private readonly clock: () => number,
    readonly everyMs: number,
    readonly everyFrames: number,
  ) {}

  /** Whether this call may go through (and, if so, starts a new interval). */
  due(force: boolean): boolean {
    const now = this.clock();
    this.calls++;
    if (!force && (now - this.last < this.everyMs || this.calls < this.everyFrames)) return false;
    this.last = now;
    this.calls = 0;
    return true;
  }
}
