/**
 * A build entry of its own (vite.config.ts), imported by index.html's inline script before the
 * app's entry, in a task of its own: react-dom is CommonJS, and its module body (the whole of
 * React's renderer, set up at its first require) runs in the module that first imports it. Here
 * that is this one, so the app's entry, evaluated in a later task, finds it done
 * (scripts/prerender-plugin.mjs, afterPaint).
 */
import 'react-dom/client';
