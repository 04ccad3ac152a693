import type { DictKey } from '../../i18n/en';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { Figure } from './NodeCard';

/** One figure to show, if the model reports it: a label, a value, and whether a non-zero value is bad news. */
export type FigureSpec = readonly [label: DictKey, value: number | undefined, bad?: boolean];

/**
 * A row of "name value" figures, skipping those the model does not report. Bad news shows
 * from the start, muted at zero, so a card keeps its height (and the layout holds) as it turns red.
 */
export function Figures({ items }: { items: readonly FigureSpec[] }) {
  const { t, lang } = useT();
  const shown = items.filter(([, v]) => v !== undefined);
  if (shown.length === 0) return null;
  return (
    <div className="figures-row">
      {shown.map(([label, v, bad]) => (
        <Figure key={label} name={t(label)} value={formatNumber(v!, lang)} tone={bad ? (v! > 0 ? 'bad' : 'muted') : undefined} />
      ))}
    </div>
  );
}
