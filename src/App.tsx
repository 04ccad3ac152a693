import { lazy, Suspense, useEffect } from 'react';
import { useRenderCount } from './app/debug';
import { installShortcuts } from './app/keyboard';
import { closeCompare, comparisonOfHash, openCompare } from './app/compare/openCompare';
import { useCompare } from './app/compare/compareStore';
import { openHash, openScenarioText } from './app/lazyLoader';
import { controller } from './app/runtime';
// The event log, message lives and charts collect from the first event, even before their
// panels (loaded on first open) exist.
import './app/observers';
import { RegionBoundary } from './components/boundary/RegionBoundary';
import { ControlBar } from './components/controls/ControlBar';
import { DropZone } from './components/DropZone';
import { FlowCanvas } from './components/flow/FlowCanvas';
import { Header } from './components/header/Header';
import { AppLayout } from './components/layout/AppLayout';
import { LazyInspector } from './components/LazyInspector';
import { NoticeBanner } from './components/NoticeBanner';
import { Drawer } from './components/panels/Drawer';
import { LanguageReady } from './i18n/LanguageReady';
import { Hydrated, HydrationPart } from './Hydrated';

/**
 * The app shell: starts the controller's frame loop and the keyboard shortcuts, follows share
 * links pasted into the address bar, opens scenario JSON pasted anywhere, and lays out the page.
 */
// Compare mode loads on first use: its runs, scoreboard and canvases are not on the first screen.
const CompareView = lazy(() => import('./components/compare/CompareView').then((m) => ({ default: m.CompareView })));

export function App() {
  useRenderCount();
  const comparing = useCompare((s) => s.comparisonId !== null);
  useEffect(() => {
    controller.start();
    const uninstall = installShortcuts(controller);
    const onHash = () => {
      const comparison = comparisonOfHash(location.hash);
      if (comparison) void openCompare(comparison);
      else void openHash(location.hash);
    };
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable]')) return;
      const text = e.clipboardData?.getData('text/plain')?.trim();
      if (text?.startsWith('{')) void openScenarioText(text);
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('paste', onPaste);
    return () => {
      controller.stop();
      uninstall();
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('paste', onPaste);
    };
  }, []);
  // The strings of the language shown arrive in their own chunk (translate.ts): nothing renders before them.
  return (
    <Suspense fallback={null}>
      <LanguageReady>
        {comparing ? <Compare /> : <Main />}
        <Hydrated />
      </LanguageReady>
    </Suspense>
  );
}

/** Compare mode, loaded on first use. */
function Compare() {
  return (
    <Suspense fallback={null}>
      <CompareView onClose={() => void closeCompare()} notice={<NoticeBanner kept="compareKept" className="cmp__notice" />} />
    </Suspense>
  );
}

/** The ordinary view: one scenario on the canvas. */
function Main() {
  return (
    <DropZone>
      <AppLayout
        header={
          <HydrationPart>
            <Header />
          </HydrationPart>
        }
        notice={<NoticeBanner />}
        canvas={
          <RegionBoundary region="canvas">
            <HydrationPart>
              <FlowCanvas />
            </HydrationPart>
          </RegionBoundary>
        }
        controls={
          <HydrationPart>
            <ControlBar />
          </HydrationPart>
        }
        inspector={
          <RegionBoundary region="inspector">
            <LazyInspector />
          </RegionBoundary>
        }
        panel={<Drawer />}
      />
    </DropZone>
  );
}
