import { useEffect, useMemo, useRef, useState } from 'react';
import { useCompare } from '../../app/compare/compareStore';
import { rankLayout } from '../../app/compare/rankLayout';
import type { Column } from '../../compare/generate';
import { formatNumber } from '../../i18n/format';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';
import { addSurface } from './flightLayer';

const PAD = 8;
const BOX_H = 56;
const MIN_BOX_W = 84;
const MAX_BOX_W = 150;

type Role = 'producer' | 'broker' | 'consumer';

interface Box {
  id: string;
  label: string;
  role: Role;
  x: number;
  y: number;
  w: number;
}

/**
 * One column of a comparison: its scenario as a small diagram (producer on the left, consumers
 * on the right, whatever stands between in the middle), each node with one live figure, and
 * the messages moving along the edges, drawn on a canvas every frame without React.
 * The diagram's lines are memoised: the figures' updates re-render only the boxes' text.
 */
export function CompareCanvas({ column, index }: { column: Column; index: number }) {
  const { t, lang } = useT();
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const figures = useCompare((s) => s.figures[column.id]);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const r = entry!.contentRect;
      setSize({ w: Math.round(r.width), h: Math.round(r.height) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The width a box's figure needs with three digits ("sent 565", "esperando 120"): a box never
  // gets narrower than that, so the figure is not cut to "esperand…" in a narrow column.
  const figureW = useMemo(() => {
    const text = { producer: t('compareSent', { n: '999' }), consumer: t('compareDone', { n: '999' }), broker: t('compareWaiting', { n: '999' }) };
    return (role: Role) => Math.ceil(textW(text[role], false) + BOX_CHROME);
  }, [t]);
  const boxes = useMemo(() => layout(column, size.w, size.h, lang, figureW), [column, size, lang, figureW]);
  const byId = useMemo(() => new Map(boxes.map((b) => [b.id, b])), [boxes]);

  const lines = useMemo(
    () => (
          <svg width={size.w} height={size.h} role="img" aria-label={localize(column.label, lang)}>
            <defs>
              <marker id={`cmp-arrow-${index}`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
                <path d="M0 0L8 4L0 8z" fill="#94a3b8" />
              </marker>
            </defs>
            {column.scenario.links.map((l) => {
              const a = byId.get(l.from);
              const b = byId.get(l.to);
              if (!a || !b) return null;
              return (
                <line
                  key={`${l.from}>${l.to}`}
                  x1={a.x + a.w / 2} y1={a.y} x2={b.x - b.w / 2 - 2} y2={b.y}
                  stroke="#94a3b8" strokeWidth={1.5} markerEnd={`url(#cmp-arrow-${index})`}
                >
                  <title>{t('compareEdge', { from: a.label, to: b.label })}</title>
                </line>
              );
            })}
          </svg>
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t follows lang
    [byId, column, index, size, lang],
  );

  // The dots are drawn by the one loop all canvases share (flightLayer.ts), within its frame budget.
  useEffect(() => {
    const el = canvas.current;
    if (!el || size.w === 0) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = size.w * dpr;
    el.height = size.h * dpr;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    return addSurface({ index, ctx, w: size.w, h: size.h, dpr, places: byId });
  }, [byId, index, size]);

  return (
    <div className="cmp-canvas" ref={wrap}>
      {lines}
      <canvas ref={canvas} className="cmp-canvas__flights" style={{ width: size.w, height: size.h }} aria-hidden="true" />
      {boxes.map((b) => {
        const f = figures?.[b.id];
        const down = f ? !f.online : false;
        const value = formatNumber(f?.value ?? 0, lang);
        const figure = b.role === 'producer' ? t('compareSent', { n: value }) : b.role === 'consumer' ? t('compareDone', { n: value }) : t('compareWaiting', { n: value });
        return (
          <div
            key={b.id}
            role="group"
            aria-label={b.label}
            className={`cmp-node cmp-node--${b.role}${down ? ' cmp-node--down' : ''}`}
            style={{ left: b.x - b.w / 2, top: b.y - BOX_H / 2, width: b.w, height: BOX_H }}
            title={b.label}
          >
            <span className="cmp-node__name">{b.label}</span>
            <span className="cmp-node__figure">{down ? t('compareDown') : figure}</span>
          </div>
        );
      })}
    </div>
  );
}

/** A box's padding and borders, px (.cmp-node: 5 + 4 padding, 4 + 1.5 border), plus a pixel of slack. */
const BOX_CHROME = 15.5;

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** The width of `text` in the boxes' 11 px font, bold or not, px: measured, as the browser draws it. */
function textW(text: string, bold: boolean): number {
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * (bold ? 7 : 6.2);
  measureCtx.font = `${bold ? 600 : 400} 11px ${getComputedStyle(document.body).fontFamily}`;
  return measureCtx.measureText(text).width;
}

/** The least width that shows a name whole on two lines (split at the best space), px. */
function floorFor(name: string): number {
  const words = name.split(/\s+/);
  let best = textW(name, true);
  for (let i = 1; i < words.length; i++) {
    best = Math.min(best, Math.max(textW(words.slice(0, i).join(' '), true), textW(words.slice(i).join(' '), true)));
  }
  return Math.ceil(best + BOX_CHROME);
}

/** The width of a name's longest word, px: below it a word is cut. */
function wordFor(name: string): number {
  return Math.ceil(Math.max(...name.split(/\s+/).map((w) => textW(w, true))) + BOX_CHROME);
}

function layout(column: Column, w: number, h: number, lang: 'en' | 'es', figureW: (role: Role) => number): Box[] {
  if (w === 0) return [];
  const nodes = column.scenario.nodes;
  const { placed, ranks } = rankLayout(nodes.map((n) => n.id), column.scenario.links);
  const label = (id: string) => {
    const node = nodes.find((n) => n.id === id)!;
    return node.label ? localize(node.label, lang) : node.id;
  };
  // Each rank as wide as its longest name needs. When the column is narrow, a rank gives up
  // what it has beyond its floor (its longest word whole, names on more lines) before any word
  // is cut; only then do all shrink alike. The room left over goes between the ranks, where
  // the messages travel.
  const need = Array.from({ length: ranks }, () => MIN_BOX_W);
  const floor = Array.from({ length: ranks }, () => 0);
  const wordFloor = Array.from({ length: ranks }, () => 0);
  const perRank = new Map<number, number>();
  const roleOf = (id: string): Role => (id === column.producer ? 'producer' : column.consumers.includes(id) ? 'consumer' : 'broker');
  for (const p of placed) {
    const name = label(p.id);
    const figure = figureW(roleOf(p.id));
    perRank.set(p.rank, (perRank.get(p.rank) ?? 0) + 1);
    // Room to spare beyond the floor (a name on two even lines), when the column has it.
    need[p.rank] = Math.min(MAX_BOX_W, Math.max(need[p.rank]!, floorFor(name) + 14, figure));
    floor[p.rank] = Math.min(need[p.rank]!, Math.max(floor[p.rank]!, floorFor(name), figure));
    wordFloor[p.rank] = Math.min(floor[p.rank]!, Math.max(wordFloor[p.rank]!, wordFor(name), figure));
  }
  const minGap = 8;
  const room = w - 2 * PAD - minGap * (ranks - 1);
  const total = need.reduce((a, b) => a + b, 0);
  const floors = floor.reduce((a, b) => a + b, 0);
  // Below the floors, the consumers (what each column is about) keep theirs while the others
  // give up their second line's width (a longer name then ends in "…"), then shrink alike.
  const consumerRank = new Set(placed.filter((p) => column.consumers.includes(p.id)).map((p) => p.rank));
  const low = floor.map((f, r) => (consumerRank.has(r) ? f : wordFloor[r]!));
  const lows = low.reduce((a, b) => a + b, 0);
  const widths =
    total <= room ? need
    : floors < room ? need.map((n, r) => floor[r]! + ((n - floor[r]!) * (room - floors)) / (total - floors))
    : lows < room ? floor.map((f, r) => low[r]! + ((f - low[r]!) * (room - lows)) / (floors - lows))
    : low.map((l) => (l * room) / lows);
  const gap = ranks > 1 ? (w - 2 * PAD - widths.reduce((a, b) => a + b, 0)) / (ranks - 1) : 0;
  const left: number[] = [];
  let x = PAD;
  for (const width of widths) {
    left.push(x);
    x += width + gap;
  }
  return placed.map((p) => {
    const rows = perRank.get(p.rank)!;
    const rowH = (h - 2 * PAD) / rows;
    const role = roleOf(p.id);
    const bw = widths[p.rank]!;
    return { id: p.id, label: label(p.id), role, x: left[p.rank]! + bw / 2, y: PAD + (p.row + 0.5) * rowH, w: bw };
  });
}
