import { useStore } from 'zustand';
import { controller } from '../../app/runtime';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';
import { frameStore } from '../../store/frameStore';

/**
 * Whether the run stands at or past the scenario's end. Playing stops there once (the
 * controller's `play` stops exactly at it); Play then reads "Continue" and runs on past it.
 */
function useEnded(duration: number | undefined): boolean {
  return useStore(frameStore, (f) => duration !== undefined && f.now >= duration);
}

/** Play/pause (Continue past the scenario's end), step one event, reset. */
export function PlaybackButtons() {
  const { t } = useT();
  const playing = useApp((s) => s.playing);
  const seeking = useApp((s) => s.seekingTo !== null);
  const duration = useApp((s) => s.scenario?.durationMs);
  const ended = useEnded(duration);
  const playName = playing ? t('pause') : ended ? t('continuePast') : t('play');
  return (
    <div className="playback" title={t('shortcuts')}>
      <button
        type="button"
        className="button button--primary button--play"
        aria-label={playName}
        onClick={() => controller.toggle()}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
        <span>{playName}</span>
      </button>
      <button type="button" className="button" aria-label={t('step')} disabled={seeking} onClick={() => controller.step()}>
        <StepIcon />
        <span>{t('stepShort')}</span>
      </button>
      <button type="button" className="button button--quiet" aria-label={t('reset')} onClick={() => controller.reset()}>
        <ResetIcon />
      </button>
    </div>
  );
}

function PlayIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M4 2.5v11l9.5-5.5z" fill="currentColor" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="3.5" y="2.5" width="3.2" height="11" rx="1" fill="currentColor" />
      <rect x="9.3" y="2.5" width="3.2" height="11" rx="1" fill="currentColor" />
    </svg>
  );
}

function StepIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3 3v10l7-5z" fill="currentColor" />
      <rect x="11" y="3" width="2.2" height="10" rx="1" fill="currentColor" />
    </svg>
  );
}

function ResetIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3.2 8a4.8 4.8 0 1 0 1.5-3.5M3 2.5v3h3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
