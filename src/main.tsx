import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { App } from './App';
import { installDebugHook } from './app/debugHook';
import { comparisonOfHash, openCompare } from './app/compare/openCompare';
import { adoptDefault, openHash, opensOnDefault, showDefaultFirst } from './app/lazyLoader';
import { controller, runQueuedCommands } from './app/runtime';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

if (import.meta.env.DEV || new URLSearchParams(location.search).has('debug')) installDebugHook(controller);

const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

if (opensOnDefault()) {
  // The usual first visit: the default scenario is drawn at once from its build-time copy, and
  // the engine (its own chunk, not in the first load) takes it over when it arrives.
  showDefaultFirst();
  render();
  void adoptDefault().then(runQueuedCommands);
} else {
  // A link decides the first scenario, so it is read (with the engine) before the first render:
  // no flash of another. A comparison link opens compare mode over the default scenario.
  const comparison = comparisonOfHash(location.hash);
  void openHash(comparison ? '' : location.hash)
    .then(() => (comparison ? openCompare(comparison) : undefined))
    .then(() => {
      runQueuedCommands();
      render();
    });
}
