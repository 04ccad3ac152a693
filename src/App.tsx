import { useEffect } from 'react';
import { useRenderCount } from './app/debug';
import { installShortcuts } from './app/keyboard';
import { openHash, openScenarioText } from './app/loader';
import { controller } from './app/runtime';
// The event log, message lives and charts collect from the first event, even before their
// panels (loaded on first open) exist.
import './app/observers';
import { ControlBar } from './components/controls/ControlBar';
import { DropZone } from './components/DropZone';
import { FlowCanvas } from './components/flow/FlowCanvas';
import { Header } from './components/header/Header';
import { AppLayout } from './components/layout/AppLayout';
import { LazyInspector } from './components/LazyInspector';
import { NoticeBanner } from './components/NoticeBanner';
import { Drawer } from './components/panels/Drawer';

/**
 * The app shell: starts the controller's frame loop and the keyboard shortcuts, follows share
 * links pasted into the address bar, opens scenario JSON pasted anywhere, and lays out the page.
 */
export function App() {
  useRenderCount();
  useEffect(() => {
    controller.start();
    const uninstall = installShortcuts(controller);
    const onHash = () => void openHash(location.hash);
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable]')) return;
      const text = e.clipboardData?.getData('text/plain')?.trim();
      if (text?.startsWith('{')) openScenarioText(text);
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
  return (
    <DropZone>
      <AppLayout
        header={<Header />}
        notice={<NoticeBanner />}
        canvas={<FlowCanvas />}
        controls={<ControlBar />}
        inspector={<LazyInspector />}
        panel={<Drawer />}
      />
    </DropZone>
  );
}
