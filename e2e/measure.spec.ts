import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { openApp } from './helpers';

// Measures, for every built-in at 1280×720 with the drawer open and the diagram fitted, the
// smallest text on the canvas (CSS px as drawn, after the zoom) and the edge crossings (each
// link as the straight line from its source's right side to its target's left side).
// Prints the figures; asserts the goals: no canvas text under 11 px.

test.use({ viewport: { width: 1280, height: 720 } });

interface Builtin {
  id: string;
  links: { from: string; to: string }[];
}
const dir = new URL('../src/scenarios/', import.meta.url);
const BUILTINS: Builtin[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.startsWith('compare-'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Builtin);

interface Figures {
  minPx: number;
  smallest: string;
  crossings: number;
  zoom: number;
}

async function measure(page: Page, links: readonly [string, string][]): Promise<Figures> {
  return page.evaluate((links) => {
    const vp = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(vp).transform).a;
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    let minPx = Infinity;
    let smallest = '';
    const walker = document.createTreeWalker(document.querySelector('.react-flow')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || !el.closest('.react-flow__nodes, .react-flow__edgelabel-renderer, .react-flow__edges')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right < canvas.left || r.left > canvas.right || r.bottom < canvas.top || r.top > canvas.bottom) continue;
      // currentCSSZoom: a CSS `zoom` on the way (compact cards enlarge their switch with one).
      const cssZoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      const px = parseFloat(getComputedStyle(el).fontSize) * zoom * cssZoom;
      if (px < minPx) {
        minPx = px;
        smallest = text.slice(0, 30);
      }
    }
    const box = new Map<string, DOMRect>();
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) box.set(el.dataset.id!, el.getBoundingClientRect());
    const segs = links.flatMap(([a, b]) => {
      const s = box.get(a), t = box.get(b);
      return s && t ? [{ a, b, x1: s.right, y1: s.top + s.height / 2, x2: t.left, y2: t.top + t.height / 2 }] : [];
    });
    type Seg = (typeof segs)[number];
    const cross = (p: Seg, q: Seg) => {
      if (p.a === q.a || p.a === q.b || p.b === q.a || p.b === q.b) return false;
      const d = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      const d1 = d(p.x1, p.y1, p.x2, p.y2, q.x1, q.y1), d2 = d(p.x1, p.y1, p.x2, p.y2, q.x2, q.y2);
      const d3 = d(q.x1, q.y1, q.x2, q.y2, p.x1, p.y1), d4 = d(q.x1, q.y1, q.x2, q.y2, p.x2, p.y2);
      return d1 * d2 < 0 && d3 * d4 < 0;
    };
    let crossings = 0;
    for (let i = 0; i < segs.length; i++) for (let j = i + 1; j < segs.length; j++) if (cross(segs[i]!, segs[j]!)) crossings++;
    return { minPx, smallest, crossings, zoom };
  }, links);
}

// Known short of the 11 px goal (issue #10, open), held at what it measures so it cannot get
// worse: pubsub-order-created's chain of events is 7 columns long (orders → Shipping → shipments
// → Notifications), too wide for 1280 px at 11 px; it needs a layout that wraps a long chain.
const KNOWN_SMALL: Record<string, number> = { 'pubsub-order-created': 8.9 };

// Two halves, run side by side by the two workers.
test.describe.configure({ mode: 'parallel' });
const HALVES = [BUILTINS.filter((_, i) => i % 2 === 0), BUILTINS.filter((_, i) => i % 2 === 1)];

for (const [half, builtins] of HALVES.entries()) test(`every built-in at fit on 1280×720 with the drawer open: canvas text size and edge crossings (${half + 1} of 2)`, async ({ page }) => {
  test.setTimeout(120_000);
  const rows: string[] = [];
  const small: string[] = [];
  for (const s of builtins) {
    await page.goto('about:blank');
    await openApp(page, `#s=${s.id}`);
    await expect(page.locator('.flow--shown')).toBeVisible();
    await page.getByRole('tab', { name: 'Events' }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await page.waitForTimeout(900);
    const f = await measure(page, s.links.map((l) => [l.from, l.to] as [string, string]));
    rows.push(`${s.id.padEnd(26)} min text ${f.minPx.toFixed(1).padStart(5)} px ("${f.smallest}")  zoom ${f.zoom.toFixed(2)}  crossings ${f.crossings}`);
    if (f.minPx < (KNOWN_SMALL[s.id] ?? 11)) small.push(`${s.id}: ${f.minPx.toFixed(1)} px`);
  }
  console.log(`[measure] 1280×720, drawer open, at fit:\n${rows.join('\n')}`);
  expect.soft(small, 'canvas text under 11 px').toEqual([]);
});
