import { formatNumber } from '../../i18n/format';
import { fieldName } from '../../i18n/fieldNames';
import type { Lang } from '../../sim/engine/errors';
import { capital } from '../../i18n/glossary';
import { kindUi } from '../models/catalog';
import { reasonText } from '../models/reasons';

/** One line of the live figures: a name, and a value (absent on a heading of nested figures). */
export interface FigureRow {
  /** Path of the figure in stats(), unique: the line's identity. */
  key: string;
  label: string;
  value?: string;
  depth: number;
}

/** Fields the inspector shows elsewhere (the kind in the header, online as the switch, slow mode as its menu). */
const SKIP = new Set(['kind', 'online', 'slowFactor']);
/** Nested figures deeper than this are left out (they are the model's internals, not figures). */
const MAX_DEPTH = 2;
/** Figures counted by reason (a RabbitMQ queue's): their lines are reasons, named in the reader's language. */
const BY_REASON = new Set(['deadLettered', 'dropped', 'parkedByReason']);
/** Lists longer than this are cut, with an ellipsis. */
const MAX_LIST = 12;

/**
 * A node's stats() as lines to show: numbers formatted for `lang`, nested records under a
 * heading. Records keyed by node id (dependencies, consumers) show each node's label (`nodeLabel`);
 * other fields are named by `fieldLabel` (the kind's own names, then the shared ones).
 */
export function figureRows(
  stats: Readonly<Record<string, unknown>>, lang: Lang, yesNo: readonly [string, string], nodeLabel: (id: string) => string | undefined = () => undefined,
  fieldLabel: (key: string) => string = (key) => fieldName(key, lang),
): FigureRow[] {
  const rows: FigureRow[] = [];
  const walk = (obj: Readonly<Record<string, unknown>>, path: string, depth: number) => {
    const byReason = depth > 0 && BY_REASON.has(path.slice(path.lastIndexOf('.') + 1));
    for (const [k, v] of Object.entries(obj)) {
      if (depth === 0 && SKIP.has(k)) continue;
      const key = path ? `${path}.${k}` : k;
      const label = byReason
        ? capital(reasonText(k, lang, (id) => nodeLabel(id) ?? id, (kind) => kindUi(kind).name[lang]))
        : ((depth > 0 ? nodeLabel(k) : undefined) ?? fieldLabel(k));
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        if (depth >= MAX_DEPTH) continue;
        const at = rows.length;
        walk(v as Record<string, unknown>, key, depth + 1);
        // A heading only over figures: an empty record ("lost by reason: none yet") says nothing.
        if (rows.length > at) rows.splice(at, 0, { key, label, depth });
        continue;
      }
      const value = formatValue(v, lang, yesNo);
      if (value !== undefined) rows.push({ key, label, value, depth });
    }
  };
  walk(stats, '', 0);
  return rows;
}

function formatValue(v: unknown, lang: Lang, yesNo: readonly [string, string]): string | undefined {
  if (typeof v === 'number') return formatFigure(v, lang);
  if (typeof v === 'boolean') return v ? yesNo[0] : yesNo[1];
  if (typeof v === 'string') return v;
  if (v === null) return '—';
  if (Array.isArray(v)) {
    if (v.some((x) => x !== null && typeof x === 'object')) return undefined;
    const shown = v.slice(0, MAX_LIST).map((x) => (typeof x === 'number' ? formatFigure(x, lang) : String(x)));
    if (shown.length === 0) return '—';
    return shown.join(', ') + (v.length > MAX_LIST ? ', …' : '');
  }
  return undefined;
}

/** A figure with the precision it deserves: 2 decimals under 10, 1 under 100, none above. */
export function formatFigure(v: number, lang: Lang): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  return formatNumber(v, lang, a < 10 ? 2 : a < 100 ? 1 : 0);
}
