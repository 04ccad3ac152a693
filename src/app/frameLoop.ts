/** Schedules a callback for the next frame and cancels it: `requestAnimationFrame` fits. */
export interface FrameScheduler {
  request(callback: (wall: number) => void): number;
  cancel(id: number): void;
}

const browserFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (id) => cancelAnimationFrame(id),
};

/** Calls `tick` with the wall time once per animation frame between start() and stop(). */
export class FrameLoop {
  private id = 0;

  constructor(
    private readonly tick: (wall: number) => void,
    private readonly frames: FrameScheduler = browserFrames,
  ) {}

  /** Whether the loop is running. */
  get running(): boolean {
    return this.id !== 0;
  }

  /** Starts the loop (ignored while running). */
  start(): void {
    if (this.id) return;
    const loop = (wall: number) => {
      this.id = this.frames.request(loop);
      this.tick(wall);
    };
    this.id = this.frames.request(loop);
  }

  /** Stops the loop. */
  stop(): void {
    this.frames.cancel(this.id);
    this.id = 0;
  }
}
