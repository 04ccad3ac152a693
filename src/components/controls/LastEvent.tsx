import { useMemo, useState } from 'react';
import { describeEvent, describeStep } from '../../app/describe';
import { observers } from '../../app/observers';
import { formatClock } from '../../i18n/format';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';
import type { TraceEvent } from '../../sim/catalog';
import { drawnScenario, useApp } from '../../store/appStore';
import { useFrame } from '../panels/useFrame';

/** Wall ms between updates of "Last event" while playing: slow enough to read a sentence. */
export const PLAYING_EVERY_MS = 700;

/**
 * The last event, in words ("At 0:01.234: Email service finished UserRegistered #3 after 310 ms"):
 * after a Step, everything that step did; while playing, the newest event of the run,
 * refreshed a few times a second (and then not announced, so screen readers are not flooded).
 */
export function LastEvent() {
  const { t, lang } = useT();
  const step = useApp((s) => s.lastStep);
  const scenario = useApp(drawnScenario);
  const playing = useApp((s) => s.playing);
  const [latest, setLatest] = useState<{ seq: number; ev: TraceEvent } | null>(null);
  useFrame(() => {
    const log = observers.log;
    // A new run (load, reset, seek back) started after it: forget it.
    if (latest && log.total < latest.seq) setLatest(null);
    if (!playing) return;
    const entry = log.length ? log.get(log.length - 1) : undefined;
    if (entry && entry.seq !== latest?.seq) setLatest({ seq: entry.seq, ev: entry.ev });
  }, PLAYING_EVERY_MS);
  const lines = useMemo(() => {
    const labels = new Map(scenario?.nodes.map((n) => [n.id, localize(n.label, lang, n.id)]));
    const name = (id: string) => labels.get(id) ?? id;
    // Playing, or paused since: the newest event; after a Step: what the step did.
    if (latest && (playing || !step || latest.ev.t > step.t)) return [t('evAt', { time: formatClock(latest.ev.t), what: describeEvent(latest.ev, t, lang, name) })];
    if (!step) return [t('noEventYet')];
    if (step.kind === 'end') return [t('noMoreEvents')];
    return describeStep(step.events, step.landed, step.t, t, lang, name);
  }, [step, scenario, t, lang, playing, latest]);
  const hint = !step && !latest;
  return (
    <section className={`last-event${hint ? ' last-event--hint' : ''}`} aria-label={t('lastEvent')} aria-live={playing ? 'off' : 'polite'}>
      <span className="last-event__label">{t('lastEvent')}</span>
      <span className="last-event__text">
        {lines.map((line, i) => (
          <span key={i} className="last-event__line">
            {line}
          </span>
        ))}
      </span>
    </section>
  );
}
