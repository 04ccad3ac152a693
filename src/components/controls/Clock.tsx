import { useCallback } from 'react';
import { formatClock, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import type { FrameState } from '../../store/frameStore';
import { LiveText } from '../LiveText';

const clockText = (f: FrameState) => formatClock(f.now);

/** The simulated clock and the event count, written per frame without React. */
export function Clock() {
  const { t, lang } = useT();
  const eventsText = useCallback(
    (f: FrameState) => (f.events === 1 ? t('eventsOne') : t('events', { count: formatNumber(f.events, lang) })),
    [t, lang],
  );
  return (
    <div className="clock">
      <LiveText role="timer" aria-label={t('clock')} className="clock__time" format={clockText} />
      <LiveText className="clock__events" format={eventsText} />
    </div>
  );
}
