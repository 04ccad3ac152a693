import { controller } from '../../app/runtime';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';

/** Play/pause, step one event, reset. */
export function PlaybackButtons() {
  const { t } = useT();
  const playing = useApp((s) => s.playing);
  const seeking = useApp((s) => s.seekingTo !== null);
  return (
    <div className="playback" title={t('shortcuts')}>
      <button
        type="button"
        className="button button--primary button--play"
        aria-label={playing ? t('pause') : t('play')}
        onClick={() => controller.toggle()}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
        <span>{playing ? t('pause') : t('play')}</span>
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
