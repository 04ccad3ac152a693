import { useMemo } from 'react';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import type { FrameState } from '../../store/frameStore';
import type { LedgerTotals } from '../../sim/engine/message';
import type { DictKey } from '../../i18n/en';
import { LiveText } from '../LiveText';

const FIELDS: readonly [DictKey, keyof LedgerTotals, string][] = [
  ['published', 'published', ''],
  ['processed', 'processed', 'good'],
  ['inFlight', 'inTransit', ''],
  ['waiting', 'buffered', ''],
  ['dropped', 'dropped', 'bad'],
  ['deadLettered', 'deadLettered', 'bad'],
];

/** The message ledger's totals, updated per frame without React. */
export function Totals() {
  const { t, lang } = useT();
  const formats = useMemo(
    () => FIELDS.map(([, field]) => (f: FrameState) => formatNumber(f.totals?.[field] ?? 0, lang)),
    [lang],
  );
  return (
    <div className="totals" role="group" aria-label={t('totals')}>
      {FIELDS.map(([label, , tone], i) => (
        <span key={label} className={`total${tone ? ` total--${tone}` : ''}`}>
          <span className="total__name">{t(label)}</span> <LiveText className="total__value" format={formats[i]!} />
        </span>
      ))}
    </div>
  );
}
