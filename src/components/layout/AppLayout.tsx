import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';

/** The regions of the page. */
export interface AppLayoutProps {
  header: ReactNode;
  notice: ReactNode;
  canvas: ReactNode;
  controls: ReactNode;
  /** The inspector: floats over the canvas' right side (a sheet from the bottom on a phone). */
  inspector?: ReactNode;
  /** The drawer (event log, charts): its tab bar sits above the controls, its body opens over the canvas. */
  panel?: ReactNode;
}

/** Moves focus to the Play/Pause button (the skip link's target). */
function focusPlayback(e: React.MouseEvent) {
  const play = document.querySelector<HTMLElement>('#playback button');
  if (!play) return;
  e.preventDefault();
  play.focus();
}

/**
 * The page grid: a skip link to the playback controls, the header on top, the canvas in the
 * middle, the drawer's tab bar and the control bar (clock always visible) below. The
 * inspector and the drawer's body overlay the canvas instead of squeezing it, so the diagram
 * keeps its size (and its text its size) when a panel opens.
 */
export function AppLayout({ header, notice, canvas, controls, inspector, panel }: AppLayoutProps) {
  const { t } = useT();
  return (
    <div className={`app${inspector ? ' app--inspector' : ''}${panel ? ' app--panel' : ''}`}>
      <a className="skip-link" href="#playback" onClick={focusPlayback}>
        {t('skipToControls')}
      </a>
      <header className="app__header">{header}</header>
      <div className="app__notice">{notice}</div>
      <main className="app__canvas">{canvas}</main>
      {inspector ? <aside className="app__inspector" aria-label={t('inspector')}>{inspector}</aside> : null}
      {panel ? <section className="app__panel" aria-label={t('drawerPanels')}>{panel}</section> : null}
      <section id="playback" className="app__controls" aria-label={t('playbackControls')}>
        {controls}
      </section>
    </div>
  );
}
