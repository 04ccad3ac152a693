import { compareController, type CompareFlight } from '../../app/compare/compareController';

/** Where a column's nodes are on its canvas: centre x, y and width of each box, by node id. */
export type BoxPlaces = ReadonlyMap<string, { x: number; y: number; w: number }>;

/** One column's canvas of moving messages. */
interface Surface {
  index: number;
  ctx: CanvasRenderingContext2D;
  w: number;
  h: number;
  dpr: number;
  places: BoxPlaces;
  /** Dots drawn in the last frame: a canvas with none then and none now is not cleared again. */
  drawn: number;
}

/**
 * Dots drawn per frame, all canvases together: the frame budget, shared fairly (each canvas
 * gets an equal share, its newest messages first). Past it, older dots are not drawn; the
 * figures still count every message.
 */
export const DOTS_PER_FRAME = 600;
const RADIUS = 4.5;
const COLORS = { ok: '#2563eb', failed: '#dc2626' } as const;

const surfaces = new Set<Surface>();
let raf = 0;

/**
 * Registers a column's canvas with the one animation loop every canvas shares (one
 * requestAnimationFrame for all, not one each). Returns the function that removes it.
 */
export function addSurface(s: Omit<Surface, 'drawn'>): () => void {
  const surface: Surface = { ...s, drawn: -1 };
  surfaces.add(surface);
  if (!raf) raf = requestAnimationFrame(frame);
  return () => {
    surfaces.delete(surface);
    if (surfaces.size === 0 && raf) {
      cancelAnimationFrame(raf);
      raf = 0;
    }
  };
}

function frame(): void {
  const now = performance.now();
  const share = Math.floor(DOTS_PER_FRAME / Math.max(1, surfaces.size));
  for (const s of surfaces) draw(s, compareController.flights[s.index] ?? [], now, share);
  raf = surfaces.size > 0 ? requestAnimationFrame(frame) : 0;
}

/** Drops the flights that have arrived, then draws at most `share` of the newest, batched: one path per colour. */
function draw(s: Surface, flights: CompareFlight[], now: number, share: number): void {
  let keep = 0;
  for (const f of flights) if (now - f.wallStart < f.wallMs) flights[keep++] = f;
  flights.length = keep;
  if (keep === 0 && s.drawn === 0) return;
  const { ctx, dpr } = s;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, s.w, s.h);
  let drawn = 0;
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#ffffff';
  for (const failed of [false, true]) {
    ctx.beginPath();
    let any = false;
    let budget = share - drawn;
    for (let i = flights.length - 1; i >= 0 && budget > 0; i--) {
      const f = flights[i]!;
      if (f.failed !== failed) continue;
      const p = (now - f.wallStart) / f.wallMs;
      const a = s.places.get(f.from);
      const b = s.places.get(f.to);
      if (!a || !b || p < 0) continue;
      const x0 = a.x + a.w / 2;
      const x1 = b.x - b.w / 2;
      const x = x0 + (x1 - x0) * p;
      const y = a.y + (b.y - a.y) * p;
      ctx.moveTo(x + RADIUS, y);
      ctx.arc(x, y, RADIUS, 0, Math.PI * 2);
      any = true;
      budget--;
      drawn++;
    }
    if (!any) continue;
    ctx.fillStyle = failed ? COLORS.failed : COLORS.ok;
    ctx.fill();
    ctx.stroke();
  }
  s.drawn = drawn;
}
