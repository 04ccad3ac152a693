import { useMemo } from 'react';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import type { FrameState } from '../../store/frameStore';
import type { LedgerTotals } from '../../sim/engine/message';
import type { DictKey } from '../../i18n/en';
import { useApp } from '../../store/appStore';
import { LiveText } from '../LiveText';

const FIELDS: readonly [DictKey, keyof LedgerTotals, string][] = [
  ['processed', 'processed', 'good'],
  ['inFlight', 'inTransit', ''],
  ['waiting', 'buffered', ''],
  ['dropped', 'dropped', 'bad'],
  ['deadLettered', 'deadLettered', 'bad'],
];

/**
 * The message ledger's totals, updated per frame without React. "Published" counts what the
 * producer cards count; messages the services create themselves (calls, requests) are counted
 * apart, and where calls can fail (REST) "Lost" says it includes failed calls.
 */
export function Totals() {
  const { t, lang } = useT();
  const scenario = useApp((s) => s.scenario);
  const producers = useMemo(() => scenario?.nodes.filter((n) => n.kind === 'producer').map((n) => n.id) ?? [], [scenario]);
  const hasCalls = useMemo(() => scenario?.nodes.some((n) => n.kind.startsWith('rest-')) ?? false, [scenario]);
  const byProducers = useApp((s) => producers.reduce((sum, id) => sum + Number(s.live[id]?.published ?? 0), 0));
  const formats = useMemo(
    () => FIELDS.map(([, field]) => (f: FrameState) => formatNumber(f.totals?.[field] ?? 0, lang)),
    [lang],
  );
  const byServices = useMemo(
    () => (f: FrameState) => formatNumber(Math.max(0, (f.totals?.published ?? 0) - byProducers), lang),
    [lang, byProducers],
  );
  const allPublished = useMemo(() => (f: FrameState) => formatNumber(f.totals?.published ?? 0, lang), [lang]);
  const sentBy = producers.length > 0 && scenario?.nodes.some((n) => n.kind !== 'producer' && /^(rest-client|webhook-sender)$/.test(n.kind));
  return (
    <div className="totals" role="group" aria-label={t('totals')}>
      <span className="total">
        <span className="total__name">{t('published')}</span>{' '}
        {producers.length ? (
          <span className="total__value">{formatNumber(byProducers, lang)}</span>
        ) : (
          <LiveText className="total__value" format={allPublished} />
        )}
      </span>
      {sentBy ? (
        <span className="total" title={t('sentByServicesHint')}>
          <span className="total__name">{t('sentByServices')}</span> <LiveText className="total__value" format={byServices} />
        </span>
      ) : null}
      {FIELDS.map(([label, , tone], i) => (
        <span key={label} className={`total${tone ? ` total--${tone}` : ''}`}>
          <span className="total__name">{t(label === 'dropped' && hasCalls ? 'droppedOrFailed' : label)}</span>{' '}
          <LiveText className="total__value" format={formats[i]!} />
        </span>
      ))}
    </div>
  );
}
