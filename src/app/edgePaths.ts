/** Points sampled along a path, flattened: x0, y0, x1, y1, … */
export type Samples = Float32Array;

/** Samples an SVG path string at `n` evenly spaced lengths. */
export type PathSampler = (d: string, n: number) => Samples;

const SAMPLES = 48;

/** Samples with a detached SVG path element (the browser does the arc-length maths). */
export const svgSampler: PathSampler = (d, n) => {
  const el = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  el.setAttribute('d', d);
  const length = el.getTotalLength();
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const p = el.getPointAtLength((length * i) / (n - 1));
    out[i * 2] = p.x;
    out[i * 2 + 1] = p.y;
  }
  return out;
};

/**
 * The geometry of every edge on the canvas, keyed `from->to`. Edge components report their
 * path when it changes (layout, drag); the message layer reads samples, computed once per
 * distinct path, and watches `version` to know when to look again.
 */
export class EdgePaths {
  version = 0;
  private readonly paths = new Map<string, { d: string; samples: Samples | null }>();

  constructor(private readonly sampler: PathSampler = svgSampler) {}

  /** Records the path of edge `id`; a no-op when unchanged. */
  set(id: string, d: string): void {
    if (this.paths.get(id)?.d === d) return;
    this.paths.set(id, { d, samples: null });
    this.version++;
  }

  /** Forgets edge `id` (it unmounted). */
  delete(id: string): void {
    if (this.paths.delete(id)) this.version++;
  }

  /** Samples along edge `id`, or undefined when there is no such edge. */
  samples(id: string): Samples | undefined {
    const p = this.paths.get(id);
    if (!p) return undefined;
    p.samples ??= this.sampler(p.d, SAMPLES);
    return p.samples;
  }
}

/** The id of the edge drawn for a link. */
export function edgeId(from: string, to: string): string {
  return `${from}->${to}`;
}

/** The app's edge geometry. */
export const edgePaths = new EdgePaths();
