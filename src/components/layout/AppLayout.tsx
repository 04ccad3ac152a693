import type { ReactNode } from 'react';

/** The regions of the page. */
export interface AppLayoutProps {
  header: ReactNode;
  notice: ReactNode;
  canvas: ReactNode;
  controls: ReactNode;
  /** Right-hand column: part B's inspector goes here; the column collapses while empty. */
  inspector?: ReactNode;
  /** Under the controls: part B's event log and charts go here; collapses while empty. */
  panel?: ReactNode;
}

/**
 * The page grid: header on top, canvas in the middle with an optional inspector to its right,
 * the control bar (clock always visible) below, and an optional panel under it.
 */
export function AppLayout({ header, notice, canvas, controls, inspector, panel }: AppLayoutProps) {
  return (
    <div className={`app${inspector ? ' app--inspector' : ''}${panel ? ' app--panel' : ''}`}>
      <header className="app__header">{header}</header>
      <div className="app__notice">{notice}</div>
      <main className="app__canvas">{canvas}</main>
      {inspector ? <aside className="app__inspector">{inspector}</aside> : null}
      <section className="app__controls">{controls}</section>
      {panel ? <section className="app__panel">{panel}</section> : null}
    </div>
  );
}
