import { M, Presence } from '../../app/motionLazy';
import { lazy, Suspense, useRef, type KeyboardEvent } from 'react';
import { RegionBoundary } from '../boundary/RegionBoundary';
import { NodeOptions } from '../NodeOptions';
import { useT } from '../../i18n/useT';
import { appStore, useApp } from '../../store/appStore';
import type { DrawerTab } from '../../store/slices/panelsSlice';
import './panels.css';

// The drawer starts closed: its panels (and uPlot, TanStack Virtual) load when first opened,
// not with the page. What they show is collected from the start by src/app/observers.ts.
const ChartsPanel = lazy(() => import('../charts/ChartsPanel').then((m) => ({ default: m.ChartsPanel })));
const EventsPanel = lazy(() => import('../log/EventsPanel').then((m) => ({ default: m.EventsPanel })));

const TABS: readonly DrawerTab[] = ['events', 'charts'];

/**
 * The bottom drawer: tabs "Events" and "Charts" over a collapsible body (motion animates it
 * open and shut), and a node picker that opens the inspector from the keyboard. Closed, it
 * is one slim bar, so the canvas keeps the room.
 */
export function Drawer() {
  const { t } = useT();
  const tab = useApp((s) => s.drawerTab);
  const open = useApp((s) => s.drawerOpen);
  const selected = useApp((s) => s.selected);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const onTabKey = (e: KeyboardEvent, i: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    // The arrows move between tabs here; they must not also step the simulation.
    e.preventDefault();
    e.stopPropagation();
    const next = (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    tabRefs.current[next]?.focus();
    appStore.setState({ drawerTab: TABS[next]!, drawerOpen: true });
  };
  const label = (k: DrawerTab) => (k === 'events' ? t('drawerEvents') : t('drawerCharts'));
  return (
    <div className={`drawer${open ? ' drawer--open' : ''}`}>
      <div className="drawer__bar">
        <div role="tablist" aria-label={t('drawerPanels')} className="drawer__tabs">
          {TABS.map((k, i) => (
            <button
              key={k}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              id={`drawer-tab-${k}`}
              type="button"
              role="tab"
              className="drawer__tab"
              aria-selected={open && tab === k}
              aria-controls={open && tab === k ? 'drawer-panel' : undefined}
              tabIndex={tab === k ? 0 : -1}
              onClick={() => appStore.getState().showTab(k)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {label(k)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="icon-button drawer__toggle"
          aria-expanded={open}
          aria-label={open ? t('drawerHide') : t('drawerShow')}
          onClick={() => appStore.getState().setDrawerOpen(!open)}
        >
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" style={{ transform: open ? 'rotate(180deg)' : undefined }}>
            <path d="M3 9l4-4 4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <label className="drawer__inspect">
          <span className="field__label">{t('inspectorPick')}</span>
          <select
            className="select select--small"
            value={selected ?? ''}
            onChange={(e) => appStore.getState().select(e.target.value || null)}
          >
            <option value="">—</option>
            <NodeOptions />
          </select>
        </label>
      </div>
      <Presence initial={false}>
        {open ? (
          <M.div
            key="body"
            className="drawer__body"
            initial={{ height: 0 }}
            animate={{ height: 'auto' }}
            exit={{ height: 0 }}
            transition={{ duration: 0.22, ease: 'easeOut' }}
          >
            <div id="drawer-panel" role="tabpanel" aria-labelledby={`drawer-tab-${tab}`} className="drawer__panel">
              <RegionBoundary region="panel">
                <Suspense fallback={<p className="drawer__loading">{t('drawerLoading')}</p>}>
                  {tab === 'events' ? <EventsPanel /> : <ChartsPanel />}
                </Suspense>
              </RegionBoundary>
            </div>
          </M.div>
        ) : null}
      </Presence>
    </div>
  );
}
