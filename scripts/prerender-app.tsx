/**
 * The first screen as HTML, rendered at build time (scripts/prerender-plugin.mjs runs this file
 * through Vite's module runner, with the app's own plugins) so that index.html paints before the
 * JavaScript arrives; src/main.tsx then hydrates it. The tree is the one main.tsx renders on a
 * first visit: the default scenario from its build-time copy (showDefaultFirst), at t = 0,
 * before the engine, in the language asked for.
 */
import { prerender } from 'react-dom/static';
import { showDefaultFirst } from '../src/app/lazyLoader';
export { DEFAULT_SCENARIO } from '../src/app/firstScreen';
import type { Lang } from '../src/sim/engine/errors';
import { Root } from '../src/Root';
import { appStore } from '../src/store/appStore';

/** The first screen's markup (the inside of #root) in `lang`. */
export async function firstScreenHtml(lang: Lang): Promise<string> {
  showDefaultFirst();
  appStore.setState({ lang });
  // zustand hands React the store's creation-time state as the server snapshot; the first screen
  // is the state just set (main.tsx does the same before it hydrates).
  appStore.getInitialState = appStore.getState;
  // No motion on the server: the animated elements are plain elements at their target (motionLazy.tsx).
  // Every Suspense boundary inline, complete: past progressiveChunkSize (12.8 KB by default) React
  // outlines a boundary (a placeholder, the content at the end, a script to move it in), which
  // the Spanish copy, swapped in by innerHTML, never runs.
  const { prelude } = await prerender(<Root />, { progressiveChunkSize: Number.POSITIVE_INFINITY });
  const html = await new Response(prelude).text();
  // React adds preload links for the images it meets; index.html's head already has the icon.
  return html.replace(/<link rel="preload"[^>]*>/g, '');
}
