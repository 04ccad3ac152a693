import { useCallback } from 'react';
import { useStore } from 'zustand';
import { formatClock, formatSpeed } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';
import { frameStore, type FrameState } from '../../store/frameStore';
import { LiveText } from '../LiveText';

/** Says when the engine cannot keep up with the chosen speed, and when a seek is re-running the past. */
export function StatusLine() {
  const { t, lang } = useT();
  // A flag that flips rarely: selecting it re-renders only when it flips.
  const behind = useStore(frameStore, (f) => f.behind);
  const seekingTo = useApp((s) => s.seekingTo);
  const wanted = useApp((s) => s.speed);
  const playing = useApp((s) => s.playing);
  const duration = useApp((s) => s.scenario?.durationMs);
  const ended = useStore(frameStore, (f) => duration !== undefined && f.now >= duration);
  const behindText = useCallback(
    (f: FrameState) => t('behind', { actual: formatSpeed(f.actualSpeed, lang), wanted: formatSpeed(wanted, lang) }),
    [t, lang, wanted],
  );
  return (
    <div className="status" role="status">
      {seekingTo !== null ? (
        <span className="status__item status__item--busy">{t('seeking', { time: formatClock(seekingTo) })}</span>
      ) : behind ? (
        <LiveText className="status__item status__item--warn" format={behindText} />
      ) : ended && !playing && duration !== undefined ? (
        <span className="status__item status__item--busy">{t('scenarioEnd', { time: formatClock(duration) })}</span>
      ) : null}
    </div>
  );
}
