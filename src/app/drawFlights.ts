import { edgeId, type EdgePaths, type Samples } from './edgePaths';
import type { FlightBuffer } from './flights';
import { FLIGHT_STYLES, type Shape } from './flightStyles';

const OUTLINE_UP_TO = 400;

/** Where a route is drawn: along an edge's samples, maybe backwards (a reply on the forward link). */
interface Track {
  samples: Samples | undefined;
  reversed: boolean;
}

/**
 * Draws every flight in one pass per style: position = interpolation along the edge's
 * sampled path by the fraction of simulated travel time elapsed. One Path2D per style, one
 * fill and one stroke each, whatever the number of messages.
 */
export class FlightPainter {
  /** Shapes actually drawn in the last paint (flights on the same pixel share one). */
  shapes = 0;
  private readonly seen = new Set<number>();
  private tracks: Track[] = [];
  private tracksVersion = -1;
  private tracksRoutes = 0;

  constructor(private readonly paths: EdgePaths) {}

  /**
   * Paints `buffer` at simulated time `now` with the viewport `[x, y, zoom]`, in CSS pixels ×
   * `dpr`. Returns how many flights are on screen.
   */
  paint(ctx: CanvasRenderingContext2D, buffer: FlightBuffer, now: number, transform: readonly [number, number, number], dpr: number): number {
    const [tx, ty, zoom] = transform;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    this.shapes = 0;
    if (buffer.count === 0) return 0;
    this.refreshTracks(buffer);
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
    const paths = FLIGHT_STYLES.map(() => new Path2D());
    const counts = new Uint32Array(FLIGHT_STYLES.length);
    // Opaque shapes of one style on the same screen pixel look like one: draw it once.
    const seen = this.seen;
    seen.clear();
    let drawn = 0;
    for (let i = 0; i < buffer.count; i++) {
      const t0 = buffer.t0[i]!;
      const t1 = buffer.t1[i]!;
      if (t1 <= now || t0 > now) continue;
      const track = this.tracks[buffer.route[i]!];
      const s = track?.samples;
      if (!s) continue;
      let p = buffer.still[i] ? 0.5 : (now - t0) / (t1 - t0);
      if (track.reversed) p = 1 - p;
      const f = p * (s.length / 2 - 1);
      const k = Math.min(Math.floor(f), s.length / 2 - 2);
      const r = f - k;
      const x = s[k * 2]! + (s[k * 2 + 2]! - s[k * 2]!) * r;
      const y = s[k * 2 + 1]! + (s[k * 2 + 3]! - s[k * 2 + 1]!) * r;
      const style = buffer.style[i]!;
      drawn++;
      const cell = style * 2 ** 28 + Math.round(y * zoom + ty) * 16384 + Math.round(x * zoom + tx);
      if (seen.has(cell)) continue;
      seen.add(cell);
      addShape(paths[style]!, FLIGHT_STYLES[style]!.shape, x, y, FLIGHT_STYLES[style]!.size);
      counts[style]!++;
    }
    this.shapes = seen.size;
    ctx.lineJoin = 'round';
    // Past a few hundred, white outlines no longer help tell messages apart; skip their cost.
    const outline = drawn < OUTLINE_UP_TO;
    for (let st = 0; st < paths.length; st++) {
      if (counts[st] === 0) continue;
      const { shape, color } = FLIGHT_STYLES[st]!;
      const path = paths[st]!;
      if (shape === 'ring' || shape === 'cross') {
        if (outline) {
          ctx.lineWidth = 4;
          ctx.strokeStyle = 'rgba(255,255,255,0.9)';
          ctx.stroke(path);
        }
        ctx.lineWidth = 2;
        ctx.strokeStyle = color;
        ctx.stroke(path);
      } else {
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = 'rgba(255,255,255,0.95)';
        ctx.fillStyle = color;
        ctx.fill(path);
        if (outline) ctx.stroke(path);
      }
    }
    return drawn;
  }

  private refreshTracks(buffer: FlightBuffer): void {
    if (this.tracksVersion === this.paths.version && this.tracksRoutes === buffer.routes.length) return;
    this.tracks = buffer.routes.map(([from, to]) => {
      const forward = this.paths.samples(edgeId(from, to));
      if (forward) return { samples: forward, reversed: false };
      return { samples: this.paths.samples(edgeId(to, from)), reversed: true };
    });
    this.tracksVersion = this.paths.version;
    this.tracksRoutes = buffer.routes.length;
  }
}

function addShape(p: Path2D, shape: Shape, x: number, y: number, r: number): void {
  switch (shape) {
    case 'circle':
    case 'ring':
      p.moveTo(x + r, y);
      p.arc(x, y, r, 0, Math.PI * 2);
      return;
    case 'square':
      p.rect(x - r, y - r, r * 2, r * 2);
      return;
    case 'diamond':
      p.moveTo(x, y - r);
      p.lineTo(x + r, y);
      p.lineTo(x, y + r);
      p.lineTo(x - r, y);
      p.closePath();
      return;
    case 'triangle':
      p.moveTo(x, y - r);
      p.lineTo(x + r, y + r * 0.8);
      p.lineTo(x - r, y + r * 0.8);
      p.closePath();
      return;
    case 'cross':
      p.moveTo(x - r, y - r);
      p.lineTo(x + r, y + r);
      p.moveTo(x + r, y - r);
      p.lineTo(x - r, y + r);
      return;
  }
}
