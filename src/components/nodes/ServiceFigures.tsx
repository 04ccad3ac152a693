import { formatDuration, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import type { NodeLive } from '../../store/slices/liveSlice';
import { Figure } from './NodeCard';
import { num } from './read';
import { SlotBar } from './SlotBar';

/** What every processing node shows: busy and free slots, what waits for a slot, processed, failed, p50 latency. */
export function ServiceFigures({ live, concurrency: configured }: { live: NodeLive | undefined; concurrency: number }) {
  // The live figure wins: concurrency can be changed while the simulation runs.
  const concurrency = num(live, 'concurrency') ?? configured;
  const { t, lang } = useT();
  const busy = num(live, 'busy') ?? 0;
  const failed = num(live, 'failed') ?? 0;
  const p50 = live?.latencyMs?.p50;
  return (
    <>
      <div className="slots-row">
        <SlotBar busy={busy} total={concurrency} />
        <span className="slots-row__text">{t('slotsBusy', { busy, total: concurrency })}</span>
      </div>
      <div className="figures-row">
        <Figure name={t('waiting')} value={formatNumber(num(live, 'waiting') ?? 0, lang)} />
        <Figure name={t('processed')} value={formatNumber(live?.processed ?? 0, lang)} />
      </div>
      {/* Always both, so the card's height holds as they fill in. */}
      <div className="figures-row">
        <Figure name={t('failed')} value={formatNumber(failed, lang)} tone={failed > 0 ? 'bad' : 'muted'} />
        <Figure name={t('latencyP50')} value={p50 !== undefined ? formatDuration(p50, lang) : '–'} tone="muted" />
      </div>
    </>
  );
}
