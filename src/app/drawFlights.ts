import { edgeId, type EdgePaths, type Samples } from './edgePaths';
import type { FlightBuffer } from './flights';
import { FLIGHT_STYLES, type Shape } from './flightStyles';

const OUTLINE_UP_TO = 400;
/** Places along an edge where flights of one style gather into one pulse. */
const BINS = 28;
/** Count labels drawn at most per frame (text is the costly part). */
const MAX_LABELS = 64;
/** Clickable positions remembered from the last paint. */
const MAX_HITS = 4000;

/** Where a route is drawn: along an edge's samples, maybe backwards (a reply on the forward link). */
interface Track {
  samples: Samples | undefined;
  reversed: boolean;
}

/** What the painter needs to know about the moment it draws. */
export interface PaintClock {
  /** Simulated time the screen shows (the engine's time `hopMs` of wall time ago). */
  shown: number;
  /** Wall ms now. */
  wall: number;
  /** Minimum wall ms of a hop on screen. */
  hopMs: number;
  /** Root message followed, or -1. */
  followed: number;
  /** Text drawn beside the followed message (its routing key or event type). */
  followedLabel?: string;
}

/**
 * Progress (0 → 1) of flight `i` on screen, or -1 when it is not on screen. A hop moves with
 * the shown clock when that is slow enough to see, and otherwise over `hopMs` of wall time
 * ending when the shown clock reaches its arrival: never before the card it changes updates.
 */
export function progress(b: FlightBuffer, i: number, c: PaintClock): number {
  const t0 = b.t0[i]!;
  const t1 = b.t1[i]!;
  const land = b.landWall[i]!;
  if (land !== Infinity && c.wall >= land + c.hopMs) return -1;
  if (b.still[i]) return c.shown >= t0 || land !== Infinity ? 0.5 : -1;
  const byClock = t1 > t0 ? Math.min(1, Math.max(0, (c.shown - t0) / (t1 - t0))) : c.shown >= t1 ? 1 : 0;
  if (land === Infinity) return c.shown >= t0 ? byClock : -1;
  return Math.max(byClock, Math.min(1, (c.wall - land) / c.hopMs));
}

/**
 * Draws every flight in one pass per style: position = interpolation along the edge's
 * sampled path by its progress. Flights of one style close together on one edge are drawn as
 * one pulse, bigger with its count beside it, so a high rate stays a few readable shapes.
 * One Path2D per style, one fill and one stroke each, whatever the number of messages.
 */
export class FlightPainter {
  /** Shapes actually drawn in the last paint (a pulse counts once). */
  shapes = 0;
  private tracks: Track[] = [];
  private tracksVersion = -1;
  private tracksRoutes = 0;
  private readonly slots = new Map<number, number>();
  private sx = new Float32Array(1024);
  private sy = new Float32Array(1024);
  private sStyle = new Uint8Array(1024);
  private sN = new Uint32Array(1024);
  private sRoot = new Int32Array(1024);
  private sFollowed = new Uint8Array(1024);
  /** Screen positions (CSS px) and roots of the shapes of the last paint, for clicks. */
  readonly hitX = new Float32Array(MAX_HITS);
  readonly hitY = new Float32Array(MAX_HITS);
  readonly hitRoot = new Int32Array(MAX_HITS);
  hits = 0;
  /**
   * Rectangles in flow coordinates kept clear of moving shapes and their counts: the edge
   * labels (binding keys, partitions, breaker states), which messages then pass under.
   */
  keepClear: readonly { x: number; y: number; w: number; h: number }[] = [];

  constructor(private readonly paths: EdgePaths) {}

  /**
   * Paints `buffer` at `clock` with the viewport `[x, y, zoom]`, in CSS pixels × `dpr`.
   * Returns how many messages are on screen (a pulse counts for all it stands for).
   */
  paint(ctx: CanvasRenderingContext2D, buffer: FlightBuffer, clock: PaintClock, transform: readonly [number, number, number], dpr: number): number {
    const [tx, ty, zoom] = transform;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    this.shapes = 0;
    this.hits = 0;
    if (buffer.count === 0) return 0;
    this.refreshTracks(buffer);
    const slots = this.slots;
    slots.clear();
    let used = 0;
    let drawn = 0;
    const following = clock.followed !== -1;
    for (let i = 0; i < buffer.count; i++) {
      const p0 = progress(buffer, i, clock);
      if (p0 < 0) continue;
      const track = this.tracks[buffer.route[i]!];
      const s = track?.samples;
      if (!s) continue;
      const p = track.reversed ? 1 - p0 : p0;
      const style = buffer.style[i]!;
      const n = buffer.n[i]!;
      const root = buffer.root[i]!;
      const mine = following && root === clock.followed;
      drawn += n;
      const key = mine ? -1 - i : (buffer.route[i]! * 16 + style) * 64 + Math.round(p * BINS);
      const slot = slots.get(key);
      if (slot !== undefined) {
        this.sN[slot]! += n;
        continue;
      }
      const f = p * (s.length / 2 - 1);
      const k = Math.min(Math.floor(f), s.length / 2 - 2);
      const r = f - k;
      if (used === this.sx.length) this.grow();
      this.sx[used] = s[k * 2]! + (s[k * 2 + 2]! - s[k * 2]!) * r;
      this.sy[used] = s[k * 2 + 1]! + (s[k * 2 + 3]! - s[k * 2 + 1]!) * r;
      this.sStyle[used] = style;
      this.sN[used] = n;
      this.sRoot[used] = root;
      this.sFollowed[used] = mine ? 1 : 0;
      slots.set(key, used++);
    }
    this.shapes = used;
    if (used === 0) return drawn;
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
    ctx.lineJoin = 'round';
    const outline = used < OUTLINE_UP_TO;
    // The others first (dimmed while following one message), then the followed one on top.
    for (const pass of following ? [0, 1] : [0]) {
      ctx.globalAlpha = following && pass === 0 ? 0.18 : 1;
      const paths = FLIGHT_STYLES.map(() => new Path2D());
      const counts = new Uint32Array(FLIGHT_STYLES.length);
      for (let j = 0; j < used; j++) {
        if (this.sFollowed[j] !== pass) continue;
        const st = this.sStyle[j]!;
        const size = FLIGHT_STYLES[st]!.size * (pass === 1 ? 1.6 : pulseScale(this.sN[j]!));
        addShape(paths[st]!, FLIGHT_STYLES[st]!.shape, this.sx[j]!, this.sy[j]!, size);
        counts[st]!++;
        if (this.hits < MAX_HITS && this.sRoot[j]! >= 0) {
          this.hitX[this.hits] = this.sx[j]! * zoom + tx;
          this.hitY[this.hits] = this.sy[j]! * zoom + ty;
          this.hitRoot[this.hits++] = this.sRoot[j]!;
        }
      }
      if (pass === 1) {
        // A dark halo around the followed message's hops.
        ctx.lineWidth = 5;
        ctx.strokeStyle = 'rgba(15,23,42,0.85)';
        for (let st = 0; st < paths.length; st++) if (counts[st]) ctx.stroke(paths[st]!);
      }
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
    }
    ctx.globalAlpha = following ? 0.35 : 1;
    this.labels(ctx, used, transform, dpr);
    ctx.globalAlpha = 1;
    // Edge labels stay readable: whatever was drawn over one is wiped (the label is under the canvas).
    if (this.keepClear.length) {
      ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
      for (const r of this.keepClear) ctx.clearRect(r.x, r.y, r.w, r.h);
    }
    if (following && clock.followedLabel) this.followedLabels(ctx, used, clock.followedLabel, transform);
    return drawn;
  }

  /** The root message of the shape nearest (x, y) in CSS px within `radius`, or -1. */
  hit(x: number, y: number, radius = 10): number {
    let best = -1;
    let bestD = radius * radius;
    for (let j = 0; j < this.hits; j++) {
      const dx = this.hitX[j]! - x;
      const dy = this.hitY[j]! - y;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = this.hitRoot[j]!;
      }
    }
    return best;
  }

  /** The count beside each pulse, in screen pixels so it stays readable at any zoom. */
  private labels(ctx: CanvasRenderingContext2D, used: number, [tx, ty, zoom]: readonly [number, number, number], dpr: number): void {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    let labels = 0;
    for (let j = 0; j < used && labels < MAX_LABELS; j++) {
      const n = this.sN[j]!;
      if (n < 2 || this.sFollowed[j]) continue;
      const st = this.sStyle[j]!;
      const x = this.sx[j]! * zoom + tx + FLIGHT_STYLES[st]!.size * pulseScale(n) * zoom + 2;
      const y = this.sy[j]! * zoom + ty - 6;
      const text = n > 9999 ? `${Math.round(n / 1000)}k` : String(n);
      // A white plate rather than a stroked outline: text strokes are the costly part.
      ctx.fillStyle = 'rgba(255,255,255,0.9)';
      ctx.fillRect(x - 2, y - 7, text.length * 7 + 4, 14);
      ctx.fillStyle = FLIGHT_STYLES[st]!.color;
      ctx.fillText(text, x, y);
      labels++;
    }
  }

  /** The followed message's routing key (or event type) beside each of its shapes. */
  private followedLabels(ctx: CanvasRenderingContext2D, used: number, text: string, [tx, ty, zoom]: readonly [number, number, number]): void {
    ctx.font = '600 12px ui-monospace, SFMono-Regular, Menlo, monospace';
    ctx.textBaseline = 'middle';
    const w = ctx.measureText(text).width;
    for (let j = 0; j < used; j++) {
      if (!this.sFollowed[j]) continue;
      const x = this.sx[j]! * zoom + tx + 12;
      const y = this.sy[j]! * zoom + ty - 14;
      ctx.fillStyle = 'rgba(15,23,42,0.92)';
      ctx.beginPath();
      ctx.roundRect(x - 4, y - 9, w + 8, 18, 5);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.fillText(text, x, y);
    }
  }

  private grow(): void {
    const n = this.sx.length * 2;
    const g = <A extends Float32Array | Uint8Array | Uint32Array | Int32Array>(a: A, make: (n: number) => A): A => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.sx = g(this.sx, (k) => new Float32Array(k));
    this.sy = g(this.sy, (k) => new Float32Array(k));
    this.sStyle = g(this.sStyle, (k) => new Uint8Array(k));
    this.sN = g(this.sN, (k) => new Uint32Array(k));
    this.sRoot = g(this.sRoot, (k) => new Int32Array(k));
    this.sFollowed = g(this.sFollowed, (k) => new Uint8Array(k));
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

/** A pulse of `n` messages is drawn bigger, slowly (log scale), up to about twice the size. */
function pulseScale(n: number): number {
  return n <= 1 ? 1 : Math.min(2.2, 1 + 0.3 * Math.log2(n));
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
