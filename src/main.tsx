import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { installDebugHook } from './app/debugHook';
import { comparisonOfHash, openCompare } from './app/compare/openCompare';
import { adoptDefault, engine, openHash, opensOnDefault, showDefaultFirst } from './app/lazyLoader';
import { nextTask, whenIdle } from './app/idle';
import { hydrated } from './Hydrated';
import { controller, runQueuedCommands } from './app/runtime';
import { appStore } from './store/appStore';
import { Root } from './Root';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

if (import.meta.env.DEV || new URLSearchParams(location.search).has('debug')) installDebugHook(controller);

const tree = <Root />;
const render = () => createRoot(root).render(tree);

/**
 * The first screen's HTML is in index.html already (scripts/prerender-plugin.mjs, in the
 * language index.html's inline script picked): React adopts it instead of drawing it again.
 * zustand gives React the store's creation-time state as the server's; the server drew the state
 * showDefaultFirst has just set, so that is the one to hydrate against.
 */
const hydrate = () => {
  appStore.getInitialState = appStore.getState;
  // As a transition, React hydrates in slices of a few milliseconds, yielding to the browser in
  // between (one long task on a slow phone otherwise); the page is already on screen meanwhile.
  startTransition(() => {
    hydrateRoot(root, tree);
  });
};

if (opensOnDefault()) {
  // The usual first visit: the default scenario is drawn at once from its build-time copy, and
  // the engine (its own chunk, not in the first load) takes it over when it arrives.
  showDefaultFirst();
  if (root.firstElementChild) hydrate();
  else render();
  // The engine chunk loads once the page is React's and the browser is idle, each step in a task
  // of its own (on a slow phone each is a long one: the entry's evaluation, hydration, the engine's
  // evaluation, the default's load); commands given meanwhile wait (runtime.ts).
  void hydrated
    .then(() => whenIdle())
    .then(engine)
    .then(nextTask)
    .then(adoptDefault)
    .then(runQueuedCommands);
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
