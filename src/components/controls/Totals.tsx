import { useMemo } from 'react';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import type { FrameState } from '../../store/frameStore';
import type { LedgerTotals } from '../../sim/engine/message';
import type { DictKey } from '../../i18n/en';
import { drawnScenario, useApp } from '../../store/appStore';
import { LiveText } from '../LiveText';

/** Kinds a REST call waits on for an answer (brokers accept a message at once). */
const CALLED = /^(service|rest-service|load-balancer)$/;

interface Field {
  label: DictKey;
  read: (t: LedgerTotals) => number;
  tone: string;
  hint?: DictKey;
  /** Shown only where calls can fail (REST). */
  calls?: boolean;
  /** Shown only where duplicates are recognised (a receiver's dedupe, idempotency keys). */
  dedupe?: boolean;
}

const FIELDS: readonly Field[] = [
  { label: 'processed', read: (t) => t.processed, tone: 'good' },
  { label: 'inFlight', read: (t) => t.inTransit, tone: '' },
  { label: 'waiting', read: (t) => t.buffered, tone: '' },
  // Lost: gone for good. A failed or refused request is not lost: its caller knows, and counts it apart.
  { label: 'dropped', read: (t) => t.dropped - t.failed - t.rejected, tone: 'bad' },
  { label: 'failedRequests', read: (t) => t.failed, tone: 'failed', hint: 'failedRequestsHint', calls: true },
  { label: 'rejectedRequests', read: (t) => t.rejected, tone: 'rejected', hint: 'rejectedRequestsHint', calls: true },
  { label: 'lateResponses', read: (t) => t.late, tone: 'late', hint: 'lateResponsesHint', calls: true },
  { label: 'deadLettered', read: (t) => t.deadLettered, tone: 'bad' },
  { label: 'suppressedTotal', read: (t) => t.suppressed, tone: '', hint: 'suppressedTotalHint', dedupe: true },
];

/**
 * The message ledger's totals, updated per frame without React. "Published" counts what the
 * producer cards count; messages the services create themselves (calls, requests) are counted
 * apart. Where calls can fail (REST), failed requests, rejected requests and late answers each
 * get their own counter and colour, and "Lost" counts only messages gone for good.
 */
export function Totals() {
  const { t, lang } = useT();
  const scenario = useApp(drawnScenario);
  const producers = useMemo(() => scenario?.nodes.filter((n) => n.kind === 'producer').map((n) => n.id) ?? [], [scenario]);
  // Calls that can fail: a REST caller calling a service (not one handing messages to a broker, which accepts at once).
  const hasCalls = useMemo(() => {
    if (!scenario) return false;
    const kind = new Map(scenario.nodes.map((n) => [n.id, n.kind]));
    return scenario.links.some((l) => kind.get(l.from)?.startsWith('rest-') && CALLED.test(kind.get(l.to) ?? ''));
  }, [scenario]);
  const byProducers = useApp((s) => producers.reduce((sum, id) => sum + Number(s.live[id]?.published ?? 0), 0));
  const dedupes = useMemo(() => scenario?.nodes.some((n) => Object.keys(n).some((k) => /^(dedupe|idempotency)/.test(k))) ?? false, [scenario]);
  const fields = useMemo(() => FIELDS.filter((f) => (hasCalls || !f.calls) && (dedupes || !f.dedupe)), [hasCalls, dedupes]);
  const formats = useMemo(
    () => fields.map((field) => (f: FrameState) => formatNumber(f.totals ? field.read(f.totals) : 0, lang)),
    [fields, lang],
  );
  const byServices = useMemo(
    () => (f: FrameState) => formatNumber(Math.max(0, (f.totals?.published ?? 0) - byProducers), lang),
    [lang, byProducers],
  );
  const allPublished = useMemo(() => (f: FrameState) => formatNumber(f.totals?.published ?? 0, lang), [lang]);
  const sentBy = producers.length > 0 && scenario?.nodes.some((n) => n.kind !== 'producer' && /^(rest-client|webhook-sender|choreography-participant)$/.test(n.kind));
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
      {fields.map(({ label, tone, hint }, i) => (
        <span key={label} className={`total${tone ? ` total--${tone}` : ''}`} title={hint ? t(hint) : undefined}>
          <span className="total__name">{t(label)}</span> <LiveText className="total__value" format={formats[i]!} />
        </span>
      ))}
    </div>
  );
}
