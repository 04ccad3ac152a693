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
 * A dot drawn once per colour and pixel ratio, then copied (drawImage) wherever a message is:
 * a copy is far cheaper than filling and stroking an arc, most of all where the canvas is
 * rasterised on the CPU.
 */
const sprites = new Map<string, HTMLCanvasElement>();
const SPRITE = Math.ceil(2 * RADIUS + 2);

function sprite(color: string, dpr: number): HTMLCanvasElement {
  const key = `${color}@${dpr}`;
  let c = sprites.get(key);
  if (c) return c;
  c = document.createElement('canvas');
  c.width = c.height = Math.ceil(SPRITE * dpr);
  const ctx = c.getContext('2d')!;
  ctx.scale(dpr, dpr);
  ctx.beginPath();
  ctx.arc(SPRITE / 2, SPRITE / 2, RADIUS, 0, Math.PI * 2);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  sprites.set(key, c);
  return c;
}

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

/** Drops the flights that have arrived, then draws at most `share` of the newest, as copies of a dot sprite. */
function draw(s: Surface, flights: CompareFlight[], now: number, share: number): void {
  let keep = 0;
  for (const f of flights) if (now - f.wallStart < f.wallMs) flights[keep++] = f;
  flights.length = keep;
  if (keep === 0 && s.drawn === 0) return;
  const { ctx, dpr } = s;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, s.w, s.h);
  const ok = sprite(COLORS.ok, dpr);
  const failed = sprite(COLORS.failed, dpr);
  const half = SPRITE / 2;
  let drawn = 0;
  for (let i = flights.length - 1; i >= 0 && drawn < share; i--) {
    const f = flights[i]!;
    const p = (now - f.wallStart) / f.wallMs;
    const a = s.places.get(f.from);
    const b = s.places.get(f.to);
    if (!a || !b || p < 0) continue;
    const x0 = a.x + a.w / 2;
    const x1 = b.x - b.w / 2;
    // Whole pixels: a copy at a fractional offset is filtered, which costs more and blurs.
    const x = Math.round(x0 + (x1 - x0) * p - half);
    const y = Math.round(a.y + (b.y - a.y) * p - half);
    ctx.drawImage(f.failed ? failed : ok, x, y, SPRITE, SPRITE);
    drawn++;
  }
  s.drawn = drawn;
}
