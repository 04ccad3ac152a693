/** Size of the rings that keep recent per-frame timings. */
const RING = 600;

/**
 * Counters for the performance checks (e2e/perf.spec.ts): React renders, frames, frames in
 * which something re-rendered, and recent timings of the engine and of the message layer's
 * draw. Counting costs a few increments, so it is always on; `installDebugHook` exposes it.
 */
class DebugCounters {
  renders = 0;
  frames = 0;
  framesWithRenders = 0;
  drawn = 0;
  shapes = 0;
  /** Shapes drawn, summed over the frames since the last reset (mean per frame = shapesSum / frames). */
  shapesSum = 0;
  private rendersAtLastFrame = 0;
  readonly drawMs = new Float64Array(RING);
  readonly engineMs = new Float64Array(RING);
  drawCount = 0;
  engineCount = 0;

  /** A component rendered. */
  render(): void {
    this.renders++;
  }

  /** A new animation frame began: renders since the last one mean React worked in that frame. */
  frameStart(): void {
    this.frames++;
    if (this.renders !== this.rendersAtLastFrame) this.framesWithRenders++;
    this.rendersAtLastFrame = this.renders;
  }

  /** The engine's share of a frame. */
  engine(ms: number): void {
    this.engineMs[this.engineCount++ % RING] = ms;
  }

  /** The message layer's draw: its time, how many flights were on screen, and how many shapes that took. */
  draw(ms: number, drawn: number, shapes: number): void {
    this.drawMs[this.drawCount++ % RING] = ms;
    this.drawn = drawn;
    this.shapes = shapes;
    this.shapesSum += shapes;
  }

  /** Zeroes every counter (start of a measurement). */
  reset(): void {
    this.renders = this.frames = this.framesWithRenders = this.drawCount = this.engineCount = this.shapesSum = 0;
    this.rendersAtLastFrame = 0;
  }

  /** Summary figures of the recent frames. */
  summary() {
    return {
      frames: this.frames,
      renders: this.renders,
      framesWithRenders: this.framesWithRenders,
      drawn: this.drawn,
      shapes: this.shapes,
      meanShapes: this.frames ? this.shapesSum / this.frames : 0,
      draw: stats(this.drawMs, this.drawCount),
      engine: stats(this.engineMs, this.engineCount),
    };
  }
}

function stats(ring: Float64Array, count: number) {
  const n = Math.min(count, RING);
  if (n === 0) return { n: 0, mean: 0, p50: 0, p95: 0, max: 0 };
  const values = Array.from(ring.subarray(0, n)).sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  return { n, mean, p50: values[Math.floor(n * 0.5)]!, p95: values[Math.floor(n * 0.95)]!, max: values[n - 1]! };
}

/** The app's counters. */
export const debug = new DebugCounters();

/** Counts one render of the calling component (for the "no re-render per frame" check). */
export function useRenderCount(): void {
  debug.render();
}
